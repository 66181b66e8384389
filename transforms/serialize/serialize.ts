import type { Root, RootContent } from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkStringify, { type Options } from 'remark-stringify'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import { cloneTree } from '../shape/clone.ts'

declare module 'mdast' {
  interface ParagraphData {
    /** Keep on one line: a reference entry is not a run of sentences. */
    oneLine?: boolean
  }
}

/** Fixed so the same tree always gives the same bytes, whoever builds it. */
export const stringifyOptions: Options = {
  bullet: '-',
  bulletOrdered: '.',
  closeAtx: false,
  emphasis: '_',
  fence: '`',
  fences: true,
  incrementListMarker: true,
  listItemIndent: 'one',
  quote: '"',
  resourceLink: false,
  rule: '-',
  setext: false,
  strong: '*',
  tightDefinitions: true
}

const stringifier = unified().use(remarkGfm).use(remarkFrontmatter, ['yaml']).use(remarkStringify, stringifyOptions).freeze()
// The same syntax read back, so a serialized output's blocks can be lined up with the tree it came from.
const reader = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).freeze()

/** Parses a serialized output with the syntax it was written in (for source maps). */
export function parseOutput(text: string): Root {
  return reader.parse(text)
}

/** Serializes an output tree; paragraphs get one sentence per line so diffs show whole sentences. */
export function serialize(tree: Root): string {
  const copy = cloneTree(tree)
  breakSentences(copy)
  return stringifier.stringify(copy)
}

/** Serializes loose blocks (slide notes, for instance) the same way. */
export function serializeFragment(children: RootContent[]): string {
  return serialize({ type: 'root', children }).trimEnd()
}

// A sentence end: punctuation, then closing quotes or citation marks, then space before a capital.
const sentenceEnd = /([.!?][)"'”’]?[⁰¹²³⁴⁵⁶⁷⁸⁹,]*)[ \t]+(?=[A-Z“"])/g
const abbreviations = new Set(['e.g', 'i.e', 'dr', 'vs', 'al', 'approx', 'fig', 'no', 'st', 'mr', 'mrs', 'ms', 'prof', 'etc'])

function breakSentences(tree: Root): void {
  visit(tree, 'paragraph', (paragraph) => {
    if (paragraph.data?.oneLine) return
    // Citation marks are text nodes of their own; join them so a sentence end before one is seen.
    paragraph.children = paragraph.children.reduce<typeof paragraph.children>((joined, child) => {
      const previous = joined.at(-1)
      if (previous?.type === 'text' && child.type === 'text') previous.value += child.value
      else joined.push(child.type === 'text' ? { ...child } : child)
      return joined
    }, [])
    for (const child of paragraph.children) {
      if (child.type !== 'text') continue
      child.value = child.value.replace(sentenceEnd, (match: string, end: string, offset: number) => {
        // Only the text just before: an anchored search over the whole paragraph would make long paragraphs quadratic.
        const word = /([\p{L}.]+)$/u.exec(child.value.slice(Math.max(0, offset - 40), offset))?.[1] ?? ''
        const isAbbreviation = abbreviations.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word)
        return isAbbreviation ? match : `${end}\n`
      })
    }
  })
}
