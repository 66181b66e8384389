import type { FootnoteDefinition, List, ListItem } from 'mdast'

/**
 * The cited references as numbered lists, each entry under the guideline's number for it. An output
 * that cites only some works skips numbers: each run of consecutive numbers is a list of its own
 * starting at its first number, so every entry shows its number. Each item keeps its definition's
 * place, so a message about it names the source line.
 */
export function referenceLists(references: FootnoteDefinition[]): List[] {
  const lists: List[] = []
  references.forEach((definition, index) => {
    const number = definition.data?.referenceNumber ?? index + 1
    const current = lists.at(-1)
    if (current && (current.start ?? 1) + current.children.length === number) current.children.push(referenceItem(definition))
    else lists.push({ type: 'list', ordered: true, start: number, spread: false, data: { references: true }, children: [referenceItem(definition)] })
  })
  return lists
}

function referenceItem(definition: FootnoteDefinition): ListItem {
  return {
    type: 'listItem',
    spread: false,
    ...(definition.position ? { position: definition.position } : {}),
    children: definition.children.map((child) => (child.type === 'paragraph' ? { ...child, data: { ...child.data, oneLine: true } } : child))
  }
}
