import type { FootnoteDefinition, List } from 'mdast'

/**
 * The cited footnotes as a list (numbered unless `ordered` is false), in the order the text cites
 * them. Each item keeps its definition's place, so a message about it names the source line.
 */
export function referenceList(references: FootnoteDefinition[], ordered = true): List {
  return {
    type: 'list',
    ordered,
    ...(ordered ? { start: 1 } : {}),
    spread: false,
    data: { references: true },
    children: references.map((definition) => ({
      type: 'listItem',
      spread: false,
      ...(definition.position ? { position: definition.position } : {}),
      children: definition.children.map((child) => (child.type === 'paragraph' ? { ...child, data: { ...child.data, oneLine: true } } : child))
    }))
  }
}
