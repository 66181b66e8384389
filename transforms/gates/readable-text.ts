import type { List, Nodes, Paragraph, Parents, Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { hidesText, joinVisibleText, shownText } from '../format/text.ts'

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
  return readOutput(tree).blocks
}

/** What the gates read of one output, gathered in one walk over its tree. */
export interface OutputText {
  /** The words a reader sees, for the coverage gate (as `visibleText` gives them). */
  visible: string
  /** The sentences, for readability (as `bodyBlocks` describes them). */
  blocks: TextBlock[]
  /** The glossary terms "Words to know" explains (as `explainedTerms` describes them). */
  explainedTerms: string[]
  /** Each entry of "Words to know" as the reader sees it ("term: explanation"), for its length. */
  glossaryEntries: string[]
}

/** Body text is not looked for under these nodes. */
function hidesBody(node: Nodes): boolean {
  if (node.type === 'heading' || node.type === 'html' || node.type === 'code' || node.type === 'table' || node.type === 'footnoteDefinition') return true
  return node.type === 'list' && isGeneratedList(node)
}

/**
 * Everything the readability, coverage and glossary-length gates read of an output, in one walk
 * (each used to walk the tree on its own). Each part keeps reading order.
 */
export function readOutput(tree: Root): OutputText {
  const visible: string[] = []
  const read: OutputText = { visible: '', blocks: [], explainedTerms: [], glossaryEntries: [] }
  const walk = (node: Nodes, parent: Parents | undefined, seen: boolean, body: boolean, inGlossary: boolean): void => {
    const shown = seen && !hidesText(node)
    if (shown) {
      const text = shownText(node)
      if (text !== undefined) visible.push(text)
    }
    let inBody = body && !hidesBody(node)
    if (inBody && node.type === 'paragraph' && node.position) {
      const block = bodyBlock(node, parent)
      if (block) read.blocks.push(block)
      inBody = false
    }
    const glossary = !inGlossary && node.type === 'list' && node.data?.fromGlossary === true
    if (glossary) readGlossaryList(node, read)
    if (!('children' in node) || !(shown || inBody || !(inGlossary || glossary))) return
    for (const child of node.children) walk(child, node, shown, inBody, inGlossary || glossary)
  }
  walk(tree, undefined, true, true, false)
  read.visible = joinVisibleText(visible)
  return read
}

/** A paragraph from the source as a block of sentences, unless it is a list label or a run-in heading. */
function bodyBlock(node: Paragraph, parent: Parents | undefined): TextBlock | undefined {
  if (!node.position || isLabel(node, parent) || isRunInHeading(node)) return undefined
  const text = toString(node)
  // The lead-in becomes spaces, so every later character keeps its column.
  const leadIn = leadInLength(node)
  return { text: ' '.repeat(leadIn) + text.slice(leadIn), line: node.position.start.line, column: node.position.start.column }
}

function readGlossaryList(list: List, read: OutputText): void {
  for (const item of list.children) {
    const first = item.children[0]
    const term = first?.type === 'paragraph' && first.children[0]?.type === 'strong' ? toString(first.children[0]).trim() : ''
    if (term !== '') read.explainedTerms.push(term)
    read.glossaryEntries.push(toString(item))
  }
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
  return readOutput(tree).explainedTerms
}
