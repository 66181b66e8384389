import type { FootnoteDefinition, Root, Text } from 'mdast'
import { SKIP, visit } from 'unist-util-visit'

const superscriptDigits = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹']

export function superscript(value: number): string {
  return [...String(value)].map((digit) => superscriptDigits[Number(digit)]).join('')
}

/**
 * Turns GFM footnotes into numbered citations (¹, ², in order of first citation) and returns the
 * cited definitions in that order, for a references list. Adjacent citations read `¹,²`.
 */
export function numberCitations(tree: Root): FootnoteDefinition[] {
  const cited = citedDefinitions(tree)
  visit(tree, 'footnoteDefinition', (_node, index, parent) => {
    if (parent && index !== undefined) {
      parent.children.splice(index, 1)
      return [SKIP, index]
    }
  })
  const order = cited.map((definition) => definition.identifier)
  visit(tree, 'footnoteReference', (node, index, parent) => {
    if (!parent || index === undefined) return
    const previous = parent.children[index - 1]
    const separator = previous?.type === 'text' && previous.data?.citation === true ? ',' : ''
    const marker: Text = { type: 'text', value: separator + superscript(order.indexOf(node.identifier) + 1), data: { citation: true } }
    parent.children.splice(index, 1, marker)
  })
  return cited
}

/** The footnote definitions a tree cites, in order of first citation; the tree is left as it is. */
export function citedDefinitions(tree: Root): FootnoteDefinition[] {
  const definitions = new Map<string, FootnoteDefinition>()
  visit(tree, 'footnoteDefinition', (node) => {
    definitions.set(node.identifier, node)
  })
  const order = new Set<string>()
  visit(tree, 'footnoteReference', (node) => {
    order.add(node.identifier)
  })
  return [...order].flatMap((identifier) => definitions.get(identifier) ?? [])
}

/** Removes citations and their definitions: the handout leaves references to the clinician outputs. */
export function removeCitations(tree: Root): void {
  visit(tree, (node, index, parent) => {
    if ((node.type === 'footnoteReference' || node.type === 'footnoteDefinition') && parent && index !== undefined) {
      parent.children.splice(index, 1)
      return [SKIP, index]
    }
  })
}

declare module 'mdast' {
  interface TextData {
    citation?: boolean
  }
  interface ListData {
    /** A list of references (footnote definitions): not sentences anyone reads as prose. */
    references?: boolean
  }
}
