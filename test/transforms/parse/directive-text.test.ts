import { toString } from 'mdast-util-to-string'
import { describe, expect, it } from 'vitest'
import { VFile } from 'vfile'
import { parseGuideline } from '../../../transforms/parse/parse.ts'
import { guideline, transformText } from '../../helpers.ts'

const colons = 'Hypertension. 2018;71:e13–e115, a ratio of 3:1 at 10:30, HER2:positive and label:value{#x}.'

describe('remark-directive-text', () => {
  it('turns text directives back into exactly the text written', () => {
    const file = new VFile({ value: colons })
    file.data.body = colons
    const tree = parseGuideline(file)
    expect(toString(tree)).toBe(colons)
    expect(JSON.stringify(tree)).not.toContain('textDirective')
  })

  it('turns a ::leaf line back into a paragraph of its text', () => {
    const text = '::not-a-directive[label]{a=1}\n'
    const file = new VFile({ value: text })
    file.data.body = text
    const tree = parseGuideline(file)
    expect(tree.children[0]?.type).toBe('paragraph')
    expect(toString(tree)).toBe('::not-a-directive[label]{a=1}')
  })

  it('keeps colons unchanged through every output', () => {
    const { result } = transformText(guideline({ body: `## Caring for bones {#bone-care}\n\nBone care. ${colons}\n` }))
    for (const output of result?.outputs ?? []) {
      expect(output.text, output.path).toContain('2018;71:e13–e115')
      expect(output.text, output.path).toContain('HER2:positive')
      expect(output.text, output.path).toContain('3:1 at 10:30')
    }
    expect(result?.outputs).toHaveLength(3)
  })
})
