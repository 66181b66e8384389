import { fleschKincaid } from 'flesch-kincaid'
import type { Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { Sentence } from 'nlcst'
import { toString as nlcstToString } from 'nlcst-to-string'
import { ParseEnglish } from 'parse-english'
import { smogFormula } from 'smog-formula'
import { syllable } from 'syllable'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { reportError, reportWarning } from './report.ts'

export const handoutGradeLimit = 8

/** A run of body text with where it starts in the source. */
export interface TextBlock {
  text: string
  line: number
  column: number
}

export interface SentenceScore extends TextBlock {
  grade: number
}

export interface ReadabilityFigures {
  words: number
  sentences: number
  syllables: number
  polysyllables: number
  /** Flesch–Kincaid grade level. */
  grade: number
  smog: number
  /** The hardest sentences, hardest first. */
  hardest: SentenceScore[]
}

/**
 * The body text of an output: paragraphs and table cells that came from the source (generated
 * parts such as the draft notice or "Words to know" have no source position), headings excluded.
 */
export function bodyBlocks(tree: Root): TextBlock[] {
  const blocks: TextBlock[] = []
  visit(tree, (node) => {
    if (node.type === 'heading' || node.type === 'html' || node.type === 'code') return 'skip'
    if ((node.type === 'paragraph' || node.type === 'tableCell') && node.position) {
      blocks.push({ text: toString(node), line: node.position.start.line, column: node.position.start.column })
      return 'skip'
    }
  })
  return blocks
}

const parser = new ParseEnglish()
// Guidelines repeat their words; counting each word's syllables once keeps long sources fast.
const syllableCache = new Map<string, number>()

/** Flesch–Kincaid grade and SMOG over some blocks, with each sentence scored to find the hardest. */
export function measureReadability(blocks: TextBlock[], hardestCount = 5): ReadabilityFigures {
  const totals = { words: 0, sentences: 0, syllables: 0, polysyllables: 0 }
  const scored: SentenceScore[] = []
  for (const block of blocks) {
    // nlcst is shallow: root → paragraphs → sentences → words; walking it directly is cheaper than visiting.
    for (const paragraph of parser.parse(block.text).children) {
      if (paragraph.type !== 'ParagraphNode') continue
      for (const sentence of paragraph.children) {
        if (sentence.type !== 'SentenceNode') continue
        const counts = countSentence(sentence)
        if (counts.words === 0) continue
        totals.words += counts.words
        totals.sentences += 1
        totals.syllables += counts.syllables
        totals.polysyllables += counts.polysyllables
        const start = sentence.position?.start ?? { line: 1, column: 1 }
        scored.push({
          text: nlcstToString(sentence).replace(/\s+/g, ' ').trim(),
          line: block.line + start.line - 1,
          column: start.line === 1 ? block.column + start.column - 1 : start.column,
          grade: round(fleschKincaid({ sentence: 1, word: counts.words, syllable: counts.syllables }))
        })
      }
    }
  }
  const grade = totals.words === 0 ? 0 : fleschKincaid({ sentence: totals.sentences, word: totals.words, syllable: totals.syllables })
  const smog = totals.sentences === 0 ? 0 : smogFormula({ sentence: totals.sentences, polysillabicWord: totals.polysyllables })
  return { ...totals, grade: round(grade), smog: round(smog), hardest: hardestOf(scored, hardestCount) }
}

/** The `count` hardest sentences, hardest first (ties in reading order). */
function hardestOf(scored: SentenceScore[], count: number): SentenceScore[] {
  const hardest: SentenceScore[] = []
  for (const sentence of scored) {
    if (hardest.length === count && sentence.grade <= (hardest.at(-1)?.grade ?? 0)) continue
    const at = hardest.findIndex((each) => each.grade < sentence.grade)
    hardest.splice(at === -1 ? hardest.length : at, 0, sentence)
    if (hardest.length > count) hardest.pop()
  }
  return hardest
}

function countSentence(sentence: Sentence): { words: number; syllables: number; polysyllables: number } {
  let words = 0
  let syllables = 0
  let polysyllables = 0
  for (const child of sentence.children) {
    if (child.type !== 'WordNode') continue
    const text = nlcstToString(child)
    // Numbers and symbols are not words a reader sounds out.
    if (!/\p{L}/u.test(text)) continue
    const count = syllablesOf(text)
    words += 1
    syllables += count
    if (count >= 3) polysyllables += 1
  }
  return { words, syllables, polysyllables }
}

function syllablesOf(word: string): number {
  const key = word.toLowerCase()
  let count = syllableCache.get(key)
  if (count === undefined) {
    count = Math.max(1, syllable(key))
    syllableCache.set(key, count)
  }
  return count
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}

/**
 * The handout must read at grade 8 or below. Above it, the build fails at the hardest sentence,
 * and each sentence above the limit among the hardest is listed at its source line.
 */
export function checkHandoutReadability(file: VFile, figures: ReadabilityFigures): void {
  if (figures.grade <= handoutGradeLimit) return
  const hardest = figures.hardest.filter((sentence) => sentence.grade > handoutGradeLimit)
  reportError(
    file,
    `Expected the handout to read at grade ${handoutGradeLimit.toFixed(1)} or below (Flesch–Kincaid), not ${figures.grade.toFixed(1)}; shorten the hard sentences listed`,
    hardest[0] ?? { line: 1, column: 1 },
    'handout-readability'
  )
  for (const sentence of hardest) {
    const quoted = sentence.text.length > 80 ? `${sentence.text.slice(0, 79)}…` : sentence.text
    reportWarning(file, `Unexpected hard sentence for patients (grade ${sentence.grade.toFixed(1)}): “${quoted}”; use shorter sentences and everyday words`, sentence, 'sentence-hard-to-read')
  }
}
