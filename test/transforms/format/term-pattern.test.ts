// Each term's expression is made once and shared (compiling these Unicode, any-case expressions
// again for every output and check cost more than the searches): sharing must not change a search.
import { describe, expect, it } from 'vitest'
import { termPattern } from '../../../transforms/format/text.ts'

describe('termPattern', () => {
  it('gives one expression per term, without state that one search could leave for the next', () => {
    const pattern = termPattern('blood test')
    expect(termPattern('blood test')).toBe(pattern)
    expect(pattern.global || pattern.sticky).toBe(false)
    expect(termPattern('Blood test')).not.toBe(pattern)
  })

  it('finds a shared term in every text it is searched in, in any order', () => {
    const texts = ['Your BLOOD  TESTS are due.', 'No match: bloodtest.', 'A blood test.', 'blood testing is not it']
    const found = (text: string) => termPattern('blood test').test(text)
    expect(texts.map(found)).toEqual([true, false, true, false])
    expect([...texts].reverse().map(found)).toEqual([false, true, false, true])
    expect('x blood test y blood tests'.search(termPattern('blood test'))).toBe(2)
    expect(termPattern('blood test').exec('… blood tests')?.[0]).toBe('blood tests')
  })
})
