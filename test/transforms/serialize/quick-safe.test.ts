// The serializer tries only the unsafe patterns whose character is in a text (quick-safe.ts): its
// escaping must be exactly that of mdast-util-to-markdown trying them all.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Root } from 'mdast'
import { defaultHandlers } from 'mdast-util-to-markdown'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import { withQuickSafe } from '../../../transforms/serialize/quick-safe.ts'
import { stringifyOptions } from '../../../transforms/serialize/serialize.ts'

const stringifier = (quick: boolean) =>
  unified()
    .use(remarkGfm)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkStringify, { ...stringifyOptions, handlers: { ...stringifyOptions.handlers, root: quick ? withQuickSafe(defaultHandlers.root) : defaultHandlers.root } })
    .freeze()

const punctuation = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'
const texts = [punctuation, [...punctuation].join(' '), ...[...punctuation].map((mark) => `a${mark}b ${mark}c d${mark} ${mark}\n${mark}e`), '1. one', '# not a heading', '+ not a list', '<div>', '&amp; &#1;', 'a_b_c', 'www.example.org', 'me@example.org', '~~struck~~', '[^1]', '  lead', 'trail  ', 'tab\there']
const everywhere: Root = {
  type: 'root',
  children: texts.flatMap((value) => [
    { type: 'paragraph', children: [{ type: 'text', value }, { type: 'emphasis', children: [{ type: 'text', value }] }, { type: 'link', url: value, title: value, children: [{ type: 'text', value }] }] },
    { type: 'heading', depth: 2, children: [{ type: 'text', value }] },
    { type: 'list', children: [{ type: 'listItem', children: [{ type: 'paragraph', children: [{ type: 'text', value }] }] }] },
    { type: 'table', children: [{ type: 'tableRow', children: [{ type: 'tableCell', children: [{ type: 'text', value }] }] }] }
  ])
}

describe('escaping with only the patterns a text can match', () => {
  it('writes what trying every pattern writes: punctuation in every place', () => {
    const expected = stringifier(false).stringify(everywhere)
    expect(expected).toContain('\\*')
    expect(stringifier(true).stringify(everywhere)).toBe(expected)
  })

  it('writes what trying every pattern writes: the flagship and the docs', () => {
    for (const file of ['source/metastatic-breast-cancer.md', 'docs/authoring.md', 'README.md']) {
      const tree = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).parse(readFileSync(path.join(import.meta.dirname, '../../..', file), 'utf8'))
      expect(stringifier(true).stringify(tree)).toBe(stringifier(false).stringify(tree))
    }
  })
})
