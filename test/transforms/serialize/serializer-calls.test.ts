// The serializer calls mdast-util-to-markdown directly, with the plugins' extensions merged once and
// trackers that count no lines (serialize.ts, untracked.ts): it must write exactly what remark-stringify writes.
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
import { serialize, stringifyOptions } from '../../../transforms/serialize/serialize.ts'

const root = path.join(import.meta.dirname, '../../..')
const parse = (file: string): Root => unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).parse(readFileSync(path.join(root, file), 'utf8'))
// remark-stringify as unified runs it, with the serializer's own root handler (trackers counting lines, every unsafe pattern tried).
const remark = unified()
  .use(remarkGfm)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkStringify, { ...stringifyOptions, handlers: { ...stringifyOptions.handlers, root: defaultHandlers.root } })
  .freeze()

describe('serialize', () => {
  it('writes what remark-stringify with the same plugins and options writes: the flagship, the docs, tables and footnotes', () => {
    for (const file of ['source/metastatic-breast-cancer.md', 'docs/authoring.md', 'README.md', 'test/fixtures/golden/every-feature/expected/summaries/bone-health.md', 'test/fixtures/golden/every-feature/expected/decks/bone-health.md']) {
      const tree = parse(file)
      expect(serialize(tree), file).toBe(remark.stringify(tree))
    }
  })
})
