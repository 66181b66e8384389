import type { FootnoteDefinition, Root, Text } from 'mdast'
import { SKIP, visit } from '../visit.ts'
import type { Bibliography } from '../input/references.ts'
import { referenceText } from './reference-text.ts'

const superscriptDigits = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹']

export function superscript(value: number): string {
  return [...String(value)].map((digit) => superscriptDigits[Number(digit)]).join('')
}

/**
 * The guideline's one reference numbering, on the whole source tree before any output is cut from
 * it: footnotes and `[@key]` citations numbered together in order of first citation, each citation
 * marked with its number, and each cited work's definition (the author's footnote text, or the
 * bibliography entry in Vancouver style) moved to the end of the tree in that order. Every output
 * then shows the same number for the same work.
 */
export function numberReferences(tree: Root, bibliography: Bibliography, lang: string): void {
  const written = new Map<string, FootnoteDefinition>()
  visit(tree, 'footnoteDefinition', (node, index, parent) => {
    if (!written.has(node.identifier)) written.set(node.identifier, node)
    if (parent && index !== undefined) {
      parent.children.splice(index, 1)
      return [SKIP, index]
    }
  })
  const numbers = new Map<string, number>()
  const citedKeys = new Map<string, string>()
  visit(tree, 'footnoteReference', (node) => {
    if (!numbers.has(node.identifier)) numbers.set(node.identifier, numbers.size + 1)
    if (node.data?.citationKey !== undefined) citedKeys.set(node.identifier, node.data.citationKey)
    node.data = { ...node.data, referenceNumber: numbers.get(node.identifier) }
  })
  const formatted = bibliography.format([...citedKeys.values()], lang)
  for (const [identifier, referenceNumber] of numbers) {
    const key = citedKeys.get(identifier)
    const entry = key === undefined ? undefined : bibliography.entries.get(key)
    const text = key === undefined ? undefined : formatted.get(key)
    const definition: FootnoteDefinition | undefined =
      entry && text !== undefined
        ? { type: 'footnoteDefinition', identifier, label: entry.key, children: [{ type: 'paragraph', children: referenceText(text, entry.item) }] }
        : written.get(identifier)
    if (definition) tree.children.push({ ...definition, data: { ...definition.data, referenceNumber } })
  }
}

/**
 * Turns the citations of one output into superscript numbers (¹, ²; adjacent ones read `¹,²`) and
 * returns the definitions it cites, in number order, for its references list. The numbers are the
 * guideline's (`numberReferences`); a tree not numbered so is numbered in its own citation order.
 */
export function numberCitations(tree: Root): FootnoteDefinition[] {
  const cited = citedDefinitions(tree)
  const numbers = new Map(cited.map((definition, index) => [definition.identifier, definition.data?.referenceNumber ?? index + 1]))
  removeDefinitions(tree)
  visit(tree, 'footnoteReference', (node, index, parent) => {
    if (!parent || index === undefined) return
    const previous = parent.children[index - 1]
    const separator = previous?.type === 'text' && previous.data?.citation === true ? ',' : ''
    const number = node.data?.referenceNumber ?? numbers.get(node.identifier) ?? 0
    const marker: Text = { type: 'text', value: separator + superscript(number), data: { citation: true } }
    parent.children.splice(index, 1, marker)
  })
  return cited
}

/** The definitions a tree cites, in reference-number order (first citation when not numbered); the tree is left as it is. */
export function citedDefinitions(tree: Root): FootnoteDefinition[] {
  const definitions = new Map<string, FootnoteDefinition>()
  visit(tree, 'footnoteDefinition', (node) => {
    definitions.set(node.identifier, node)
  })
  const order = new Set<string>()
  visit(tree, 'footnoteReference', (node) => {
    order.add(node.identifier)
  })
  const cited = [...order].flatMap((identifier) => definitions.get(identifier) ?? [])
  return cited.sort((a, b) => (a.data?.referenceNumber ?? 0) - (b.data?.referenceNumber ?? 0))
}

/** Removes citations and their definitions: the handout's text carries no citation marks. */
export function removeCitations(tree: Root): void {
  visit(tree, (node, index, parent) => {
    if ((node.type === 'footnoteReference' || node.type === 'footnoteDefinition') && parent && index !== undefined) {
      parent.children.splice(index, 1)
      return [SKIP, index]
    }
  })
}

function removeDefinitions(tree: Root): void {
  visit(tree, 'footnoteDefinition', (_node, index, parent) => {
    if (parent && index !== undefined) {
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
  interface FootnoteReferenceData {
    /** The guideline's number for the work cited (see `numberReferences`). */
    referenceNumber?: number
  }
  interface FootnoteDefinitionData {
    referenceNumber?: number
  }
}
