import { describe, expect, it } from 'vitest'
import { cloneTree } from '../../../transforms/shape/clone.ts'
import { parseGuideline } from '../../../transforms/parse/parse.ts'
import { VFile } from 'vfile'

describe('cloneTree', () => {
  it('copies a parsed tree exactly, sharing nothing with it', () => {
    const file = new VFile({ path: 'source/x.md' })
    file.data.body = '## Bones {#bone-care}\n\nStrong *bone*.[^a]\n\n:::notes\nSay it.\n:::\n\n[^a]: A source.\n'
    const tree = parseGuideline(file)
    const copy = cloneTree(tree)
    expect(copy).toEqual(tree)
    expect(copy).not.toBe(tree)
    const paragraph = copy.children[1]
    if (paragraph?.type !== 'paragraph' || !paragraph.position) throw new Error('expected a paragraph with a position')
    paragraph.children.pop()
    paragraph.position.start.line = 99
    expect(tree.children[1]).not.toEqual(paragraph)
    expect(tree.children[1]?.position?.start.line).toBe(3)
  })
})
