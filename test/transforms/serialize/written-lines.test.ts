import type { BlockContent, ListItem, Root, RootContent } from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import { serialize, serializeOutput } from '../../../transforms/serialize/serialize.ts'

const text = (value: string) => ({ type: 'text' as const, value })
const paragraph = (value: string) => ({ type: 'paragraph' as const, children: [text(value)] })
const item = (...children: BlockContent[]): ListItem => ({ type: 'listItem', spread: false, children })

/** Every kind of top-level block an output has, several over more than one line. */
const tree: Root = {
  type: 'root',
  children: [
    { type: 'yaml', value: 'marp: true\ntitle: Bones' },
    { type: 'html', value: '<!-- _class: title -->' },
    { type: 'heading', depth: 2, children: [text('Caring for bones')] },
    paragraph('Bones hurt. Tell your team. Walk every day.'),
    { type: 'list', ordered: false, spread: false, children: [item(paragraph('One. Two.')), item(paragraph('Three'), { type: 'list', ordered: true, spread: false, children: [item(paragraph('Nested.'))] })] },
    { type: 'list', ordered: true, start: 3, spread: true, children: [item(paragraph('Loose one.')), item(paragraph('Loose two. And more.'))] },
    { type: 'table', align: [null, null], children: [{ type: 'tableRow', children: [{ type: 'tableCell', children: [text('a')] }, { type: 'tableCell', children: [text('b')] }] }, { type: 'tableRow', children: [{ type: 'tableCell', children: [text('1')] }, { type: 'tableCell', children: [text('2')] }] }] },
    { type: 'blockquote', children: [{ type: 'heading', depth: 3, children: [text('⚠ Call 999 now')] }, paragraph('If you cannot breathe. Or faint.')] },
    { type: 'thematicBreak' },
    { type: 'code', lang: 'text', value: 'a\n\nb' },
    { type: 'html', value: '<!--\nPresenter notes\n\nSay hello.\n-->' }
  ]
}

const reader = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml'])

describe('serializeOutput', () => {
  it('writes the same text as serialize and says the lines of each top-level block and top-level list item, as reading the text back finds them', () => {
    const { text: written, blocks } = serializeOutput(tree)
    expect(written).toBe(serialize(tree))
    const parsed = reader.parse(written).children
    expect(parsed.map((node) => node.type)).toEqual(tree.children.map((node) => node.type))
    const lines = (node: { position?: { start: { line: number }; end: { line: number } } }) => ({ start: node.position?.start.line, end: node.position?.end.line })
    expect(blocks?.map(({ start, end }) => ({ start, end }))).toEqual(parsed.map(lines))
    parsed.forEach((node, index) => {
      if (node.type === 'list') expect(blocks?.[index]?.items).toEqual(node.children.map(lines))
      else expect(blocks?.[index]?.items).toBeUndefined()
    })
    // Multi-line blocks are spans, not single lines.
    expect(blocks?.[3]).toEqual({ start: 10, end: 12 })
  })

  it('neither changes nor shares the tree it writes', () => {
    const before = structuredClone(tree)
    serializeOutput(tree)
    expect(tree).toEqual(before)
  })

  it('says nothing when a block is written as nothing (an empty paragraph): its lines cannot be told', () => {
    const empty: RootContent = { type: 'paragraph', children: [] }
    const written = serializeOutput({ type: 'root', children: [{ type: 'paragraph', children: [text('First.')] }, empty, { type: 'paragraph', children: [text('Last.')] }] as RootContent[] })
    expect(written.text).toContain('Last.')
    expect(written.blocks).toBeUndefined()
  })

  it('says nothing for a root of inline content, whose blocks cannot be told apart', () => {
    expect(serializeOutput({ type: 'root', children: [text('Loose text.')] as unknown as RootContent[] }).blocks).toBeUndefined()
  })
})
