import type { List, Paragraph, Parents, Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { visit } from 'unist-util-visit'

/** A run of body text with where it starts in the source. */
export interface TextBlock {
  text: string
  line: number
  column: number
}

/** A list item this short without end punctuation is a label ("Duration", "Hormone therapy"), not a sentence. */
export const listLabelWords = 4

/**
 * The sentences of an output, as blocks of text: paragraphs that came from the source. Not
 * sentences (spec v2): headings, table cells, list labels, the bold lead-in of a paragraph
 * ("**Duration:** …" counts from after the colon), paragraphs that are all bold (run-in
 * headings), references, and generated parts such as the draft notice or "Words to know"
 * (they have no source position).
 */
export function bodyBlocks(tree: Root): TextBlock[] {
  const blocks: TextBlock[] = []
  visit(tree, (node, _index, parent) => {
    if (node.type === 'heading' || node.type === 'html' || node.type === 'code' || node.type === 'table' || node.type === 'footnoteDefinition') return 'skip'
    if (node.type === 'list' && isGeneratedList(node)) return 'skip'
    if (node.type !== 'paragraph' || !node.position) return
    if (!isLabel(node, parent) && !isRunInHeading(node)) {
      const text = toString(node)
      // The lead-in becomes spaces, so every later character keeps its column.
      const leadIn = leadInLength(node)
      blocks.push({ text: ' '.repeat(leadIn) + text.slice(leadIn), line: node.position.start.line, column: node.position.start.column })
    }
    return 'skip'
  })
  return blocks
}

function isGeneratedList(list: List): boolean {
  return list.data?.references === true || list.data?.fromGlossary === true
}

/** A short list item without end punctuation: "Duration", "Subacute", "Feeling very thirsty". */
function isLabel(paragraph: Paragraph, parent: Parents | undefined): boolean {
  if (parent?.type !== 'listItem') return false
  const text = toString(paragraph).trim()
  return !/[.!?…:;]["'”’)]*$/u.test(text) && wordCount(text) <= listLabelWords
}

function isRunInHeading(paragraph: Paragraph): boolean {
  return paragraph.children.length === 1 && paragraph.children[0]?.type === 'strong'
}

/** Characters of a bold lead-in label ("**Duration:** three months", "**Duration**: three months"), colon included. */
function leadInLength(paragraph: Paragraph): number {
  const [first, next] = paragraph.children
  if (first?.type !== 'strong') return 0
  const label = toString(first)
  if (/:\s*$/.test(label)) return label.length
  if (next?.type === 'text' && /^\s*:/.test(next.value)) return label.length + next.value.indexOf(':') + 1
  return 0
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length
}

/** The glossary terms the output explains in "Words to know" (the list shape/handout.ts marks `fromGlossary`). */
export function explainedTerms(tree: Root): string[] {
  const terms: string[] = []
  visit(tree, 'list', (list) => {
    if (list.data?.fromGlossary !== true) return
    for (const item of list.children) {
      const first = item.children[0]
      const term = first?.type === 'paragraph' && first.children[0]?.type === 'strong' ? toString(first.children[0]).trim() : ''
      if (term !== '') terms.push(term)
    }
    return 'skip'
  })
  return terms
}
