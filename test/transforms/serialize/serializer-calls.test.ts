// The serializer calls mdast-util-to-markdown directly, with the plugins' extensions merged once and
// trackers that count no lines (serialize.ts, untracked.ts), and writes a deck's notes in one call
// (serializeFragments): each must write exactly what remark-stringify, and a call per run, write.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { List, Root, RootContent } from 'mdast'
import { defaultHandlers } from 'mdast-util-to-markdown'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import { serialize, serializeFragment, serializeFragments, stringifyOptions } from '../../../transforms/serialize/serialize.ts'

const root = path.join(import.meta.dirname, '../../..')
const parse = (file: string): Root => unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).parse(readFileSync(path.join(root, file), 'utf8'))
// remark-stringify as unified runs it, with the serializer's own root handler (trackers counting lines, every unsafe pattern tried).
const remark = unified()
  .use(remarkGfm)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkStringify, { ...stringifyOptions, handlers: { ...stringifyOptions.handlers, root: defaultHandlers.root } })
  .freeze()

const list = (words: string[], ordered = false): List => ({
  type: 'list',
  ordered,
  spread: false,
  children: words.map((value) => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [{ type: 'text', value }] }] }))
})

describe('serialize', () => {
  it('writes what remark-stringify with the same plugins and options writes: the flagship, the docs, tables and footnotes', () => {
    for (const file of ['source/metastatic-breast-cancer.md', 'docs/authoring.md', 'README.md', 'test/fixtures/golden/every-feature/expected/summaries/bone-health.md', 'test/fixtures/golden/every-feature/expected/decks/bone-health.md']) {
      const tree = parse(file)
      expect(serialize(tree), file).toBe(remark.stringify(tree))
    }
  })
})

describe('serializeFragments', () => {
  it('writes each run as serializeFragment writes it alone: a list after a run that ends in a list keeps its bullet', () => {
    const runs: RootContent[][] = [
      [list(['One.'])],
      [list(['Two.']), list(['Three.'])],
      [],
      [list(['First.', 'Second.'], true)],
      [list(['Third.'], true)],
      [{ type: 'code', value: 'indented?' }],
      [{ type: 'definition', identifier: 'a', label: 'a', url: 'https://example.org/a' }],
      [{ type: 'definition', identifier: 'b', label: 'b', url: 'https://example.org/b' }, { type: 'definition', identifier: 'c', label: 'c', url: 'https://example.org/c' }],
      [{ type: 'paragraph', children: [{ type: 'text', value: 'Ask Dr. Smith. Then *rest* <here>.' }] }, { type: 'html', value: '<!-- a comment -->' }],
      [{ type: 'thematicBreak' }, { type: 'blockquote', children: [{ type: 'paragraph', children: [{ type: 'text', value: '- not a list' }] }] }]
    ]
    const alone = runs.map(serializeFragment)
    expect(alone[1]).toBe('- Two.\n\n* Three.')
    expect(serializeFragments(runs)).toEqual(alone)
  })

  it('writes runs with inline content one by one, as they are alone', () => {
    const runs: RootContent[][] = [[list(['One.'])], [{ type: 'text', value: 'inline *text*' }], [list(['Two.'])]]
    expect(serializeFragments(runs)).toEqual(runs.map(serializeFragment))
  })

  it('writes every run of the flagship’s blocks as it is written alone', () => {
    const blocks = parse('source/metastatic-breast-cancer.md').children.filter((node) => node.type !== 'yaml')
    const runs: RootContent[][] = []
    for (let start = 0; start < blocks.length; start += 3) runs.push(blocks.slice(start, start + 3))
    expect(runs.length).toBeGreaterThan(5)
    expect(serializeFragments(runs)).toEqual(runs.map(serializeFragment))
  })
})
