import type { Heading } from 'mdast'
import { describe, expect, it } from 'vitest'
import { VFile } from 'vfile'
import { parseGuideline } from '../../../transforms/parse/parse.ts'

function headings(markdown: string): Heading[] {
  const file = new VFile({ value: markdown })
  file.data.body = markdown
  return parseGuideline(file).children.filter((node): node is Heading => node.type === 'heading')
}

describe('remark-heading-ids', () => {
  it('moves a trailing {#id} into the heading data and out of its text', () => {
    const [heading] = headings('## Where it spreads {#sites-of-spread}\n')
    expect(heading?.data?.id).toBe('sites-of-spread')
    expect(heading?.children).toEqual([expect.objectContaining({ type: 'text', value: 'Where it spreads' })])
  })

  it('leaves headings without an id, and braces mid-text, alone', () => {
    const [plain, middle] = headings('## Questions\n\n## A {#b} c\n')
    expect(plain?.data?.id).toBeUndefined()
    expect(middle?.data?.id).toBeUndefined()
  })

  it('reads an id after emphasis', () => {
    const [heading] = headings('## The *team* {#team}\n')
    expect(heading?.data?.id).toBe('team')
  })
})
