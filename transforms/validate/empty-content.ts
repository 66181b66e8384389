import type { Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { reportError } from '../report.ts'

const followsAColon = new Set(['list', 'table', 'code', 'blockquote'])

/** Content that went missing unnoticed: empty list items, and a paragraph ending in a colon with nothing after it. */
export default function validateEmptyContent() {
  return (tree: Root, file: VFile): void => {
    visit(tree, 'listItem', (item) => {
      const text = toString(item).trim()
      const hasMedia = item.children.some((child) => child.type !== 'paragraph') || text !== ''
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
