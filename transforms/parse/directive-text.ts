import type { Paragraph, Root, Text } from 'mdast'
import type {} from 'mdast-util-directive'
import type { Node, Parent } from 'unist'
import { visit, SKIP } from '../visit.ts'
import type { VFile } from 'vfile'

/**
 * Only container directives (`:::name`) are syntax in a guideline. remark-directive also reads
 * `HER2:positive` or `71:e13` as text directives and `::name` lines as leaf directives; this turns
 * each back into exactly the text that was written.
 */
export default function remarkDirectiveText() {
  return (tree: Root, file: VFile): void => {
    const source = file.data.body ?? String(file.value)
    visit(tree, (node, index, parent) => {
      if ((node.type !== 'textDirective' && node.type !== 'leafDirective') || !parent || index === undefined) return
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (start === undefined || end === undefined) return
      const text: Text = { type: 'text', value: source.slice(start, end), position: node.position }
      const replacement: Text | Paragraph = node.type === 'leafDirective' ? { type: 'paragraph', children: [text], position: node.position } : text
      parent.children.splice(index, 1, replacement as never)
      return [SKIP, index + 1]
    })
    mergeAdjacentText(tree)
  }
}

/**
 * Restored directives leave text split in pieces (as can other steps of the parse); joining them
 * keeps later text checks simple. A parent's children are rebuilt only when two texts meet.
 */
function mergeAdjacentText(node: Node): void {
  if (!('children' in node)) return
  const parent = node as Parent
  let meets = false
  for (let index = 0; index < parent.children.length; index++) {
    const child = parent.children[index] as Node
    mergeAdjacentText(child)
    if (index > 0 && isText(child) && isText(parent.children[index - 1] as Node)) meets = true
  }
  if (!meets) return
  const merged: Node[] = []
  for (const child of parent.children) {
    const previous = merged.at(-1)
    if (isText(child) && previous && isText(previous)) {
      previous.value += child.value
      if (previous.position && child.position) previous.position = { start: previous.position.start, end: child.position.end }
    } else {
      merged.push(child)
    }
  }
  parent.children = merged
}

function isText(node: Node): node is Text {
  return node.type === 'text'
}
