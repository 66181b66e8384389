import type { Root, RootContent } from 'mdast'
import { defaultHandlers, toMarkdown, type Handlers, type Join, type Options as ToMarkdownOptions, type Unsafe } from 'mdast-util-to-markdown'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkStringify, { type Options } from 'remark-stringify'
import { unified } from 'unified'
import { writtenHeadingId } from '../format/ids.ts'
import { withQuickSafe } from './quick-safe.ts'
import { withSentenceBreaks } from './sentences.ts'
import { withoutTracking } from './untracked.ts'
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
    root: withQuickSafe(withoutTracking(recordingRoot(defaultHandlers.root))),
    // A topic heading that a `#topic` link points at keeps its id as the source writes it (shape/fragment-links.ts).
    heading: (node, parent, state, info) => {
      const written = defaultHandlers.heading(node, parent, state, info)
      return node.data?.id === undefined ? written : `${written}${writtenHeadingId(node.data.id)}`
    }
  }
}

const stringifier = unified().use(remarkGfm).use(remarkFrontmatter, ['yaml']).use(remarkStringify, stringifyOptions).freeze()

/**
 * What remark-stringify hands `toMarkdown` (its settings, our options, the plugins' extensions), with
 * the extensions merged once, as `toMarkdown` would merge them at each call. Merging them (and
 * unified's file and checks) cost more than a whole slide's notes took to write.
 */
const toMarkdownOptions: ToMarkdownOptions = withExtensionsMerged({
  ...(stringifier.data('settings') as ToMarkdownOptions | undefined),
  ...stringifyOptions,
  extensions: stringifier.data('toMarkdownExtensions') ?? []
})

/** One options object that configures `toMarkdown` as the given one does: extensions first, depth first, then its own fields (as its `configure` does). */
function withExtensionsMerged(options: ToMarkdownOptions): ToMarkdownOptions {
  const unsafe: Unsafe[] = []
  const join: Join[] = []
  const handlers: Partial<Handlers> = {}
  const merged: ToMarkdownOptions = { unsafe, join, handlers }
  const add = (extension: ToMarkdownOptions): void => {
    for (const nested of extension.extensions ?? []) add(nested)
    const { extensions: _nested, unsafe: moreUnsafe, join: moreJoin, handlers: moreHandlers, ...fields } = extension
    unsafe.push(...(moreUnsafe ?? []))
    join.push(...(moreJoin ?? []))
    Object.assign(handlers, moreHandlers ?? {})
    Object.assign(merged, fields)
  }
  add(options)
  return merged
}

/** Serializes an output tree; paragraphs get one sentence per line so diffs show whole sentences. */
export function serialize(tree: Root): string {
  return toMarkdown(tree, toMarkdownOptions)
}

/** Serializes an output tree as `serialize` does, and says which lines each top-level block was written on (for source maps). */
export function serializeOutput(tree: Root): { text: string; blocks: WrittenBlock[] | undefined } {
  return serializeRecording(tree, serialize)
}

/** Serializes loose blocks (slide notes, for instance) the same way. */
export function serializeFragment(children: RootContent[]): string {
  return serialize({ type: 'root', children }).trimEnd()
}
