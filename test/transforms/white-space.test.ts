import { describe, expect, it } from 'vitest'
import { isWhiteSpace } from '../../transforms/white-space.ts'

describe('isWhiteSpace', () => {
  it('agrees with `\\s` and with what `trim` removes on every UTF-16 code unit', () => {
    const differ: number[] = []
    for (let code = 0; code <= 0xffff; code++) {
      const character = String.fromCharCode(code)
      const expected = /\s/.test(character)
      if (isWhiteSpace(code) !== expected || (character.trim() === '') !== expected) differ.push(code)
    }
    expect(differ).toEqual([])
  })
})
