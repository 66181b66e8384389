import type { Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { visit } from '../visit.ts'
import type { VFile } from 'vfile'
import { reportError } from '../messages.ts'

const followsAColon = new Set(['list', 'table', 'code', 'blockquote'])

/** Content that went missing unnoticed: empty list items, and a paragraph ending in a colon with nothing after it. */
export default function validateEmptyContent() {
  return (tree: Root, file: VFile): void => {
    visit(tree, 'listItem', (item) => {
      // Comments are dropped from every output: an item holding only a comment is an empty bullet there.
      const text = toString(item, { includeHtml: false }).trim()
      const hasMedia = item.children.some((child) => child.type !== 'paragraph' && child.type !== 'html') || text !== ''
      if (!hasMedia) reportError(file, 'Unexpected empty list item; write its text or remove it', item.position, 'list-item-empty')
    })
    visit(tree, 'paragraph', (paragraph, index, parent) => {
      if (!parent || index === undefined) return
      if (!toString(paragraph).trimEnd().endsWith(':')) return
      const next = parent.children[index + 1]
      if (next && followsAColon.has(next.type)) return
      reportError(file, 'Unexpected paragraph ending in a colon with nothing after it; add the list it introduces, or end the sentence', paragraph.position, 'paragraph-dangling-colon')
    })
  }
}
