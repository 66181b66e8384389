import type { Root, RootContent } from 'mdast'
import { defaultHandlers } from 'mdast-util-to-markdown'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkStringify, { type Options } from 'remark-stringify'
import { unified } from 'unified'
import { writtenHeadingId } from '../format/ids.ts'
import { withQuickSafe } from './quick-safe.ts'
import { withSentenceBreaks } from './sentences.ts'
import { recordingRoot, serializeRecording, type WrittenBlock } from './written-lines.ts'

export type { WrittenBlock, WrittenLines } from './written-lines.ts'

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
  tightDefinitions: true,
  handlers: {
    // Paragraphs get one sentence per line as they are written, so the tree is never copied or changed.
    paragraph: (node, parent, state, info) => defaultHandlers.paragraph(withSentenceBreaks(node), parent, state, info),
    root: withQuickSafe(recordingRoot(defaultHandlers.root)),
    // A topic heading that a `#topic` link points at keeps its id as the source writes it (shape/fragment-links.ts).
    heading: (node, parent, state, info) => {
      const written = defaultHandlers.heading(node, parent, state, info)
      return node.data?.id === undefined ? written : `${written}${writtenHeadingId(node.data.id)}`
    }
  }
}

const stringifier = unified().use(remarkGfm).use(remarkFrontmatter, ['yaml']).use(remarkStringify, stringifyOptions).freeze()

/** Serializes an output tree; paragraphs get one sentence per line so diffs show whole sentences. */
export function serialize(tree: Root): string {
  return stringifier.stringify(tree)
}

/** Serializes an output tree as `serialize` does, and says which lines each top-level block was written on (for source maps). */
export function serializeOutput(tree: Root): { text: string; blocks: WrittenBlock[] | undefined } {
  return serializeRecording(tree, serialize)
}

/** Serializes loose blocks (slide notes, for instance) the same way. */
export function serializeFragment(children: RootContent[]): string {
  return serialize({ type: 'root', children }).trimEnd()
}
