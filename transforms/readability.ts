import { fleschKincaid } from 'flesch-kincaid'
import type { Sentence } from 'nlcst'
import { toString as nlcstToString } from 'nlcst-to-string'
import { ParseEnglish } from 'parse-english'
import { smogFormula } from 'smog-formula'
import { syllable } from 'syllable'
import type { VFile } from 'vfile'
import type { TextBlock } from './readable-text.ts'
import { reportError, reportWarning } from './report.ts'
import { termPattern } from './text.ts'

export { bodyBlocks, explainedTerms, type TextBlock } from './readable-text.ts'

export const handoutGradeLimit = 8

/**
 * One sentence may not be both long and far harder than the limit. GOV.UK's style guide sets 25
 * words as the limit of a sentence ("Sentence length: why 25 words is our limit", 2014: longer
 * sentences should be broken up or, failing that, be in plain English), so a longer sentence fails
 * when it is not plain: its own Flesch–Kincaid grade above 14, six grades over the limit, a second
 * year of university. At 26 words that takes more than 1.6 syllables a word; everyday words give 10 to 13.
 * Short sentences are never failed alone: one long word ("Chemotherapy can help.") puts the grade of a
 * three-word sentence past 14, and the average already weighs them.
 */
export const longSentenceWords = 25
export const sentenceGradeCeiling = handoutGradeLimit + 6

/**
 * A glossary term the handout explains in "Words to know" is one the reader has been taught: each
 * of its words counts at most two syllables, as an everyday two-syllable word does ("chemotherapy"
 * counts as "treatment" would).
 */
export const knownWordSyllables = 2

export interface SentenceScore extends TextBlock {
  words: number
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
  /** Every sentence longer than `longSentenceWords` that reads above `sentenceGradeCeiling`, in reading order. */
  impenetrable: SentenceScore[]
}

/**
 * Whether the handout gate applies to text in a language. The formulas here (Flesch–Kincaid, SMOG
 * and the `syllable` counter) are English; a handout in another language is measured the same way for
 * the report but never gated, and the report says so.
 */
export function readabilityGated(lang: string): boolean {
  return lang.toLowerCase().split('-')[0] === 'en'
}

const parser = new ParseEnglish()
// Guidelines repeat their words; counting each word's syllables once keeps long sources fast.
const syllableCache = new Map<string, number>()

/**
 * Flesch–Kincaid grade and SMOG over some blocks, with each sentence scored to find the hardest.
 * Words inside a `knownTerms` phrase count at most `knownWordSyllables` syllables.
 */
export function measureReadability(blocks: TextBlock[], knownTerms: readonly string[] = [], hardestCount = 5): ReadabilityFigures {
  const totals = { words: 0, sentences: 0, syllables: 0, polysyllables: 0 }
  const scored: SentenceScore[] = []
  const known = knownTerms.map((term) => new RegExp(termPattern(term).source, 'giu'))
  for (const block of blocks) {
    const knownRanges = known.flatMap((pattern) => [...block.text.matchAll(pattern)].map((match) => [match.index, match.index + match[0].length] as const))
    // nlcst is shallow: root → paragraphs → sentences → words; walking it directly is cheaper than visiting.
    for (const paragraph of parser.parse(block.text).children) {
      if (paragraph.type !== 'ParagraphNode') continue
      for (const sentence of paragraph.children) {
        if (sentence.type !== 'SentenceNode') continue
        const counts = countSentence(sentence, knownRanges)
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
          words: counts.words,
          grade: round(fleschKincaid({ sentence: 1, word: counts.words, syllable: counts.syllables }))
        })
      }
    }
  }
  const grade = totals.words === 0 ? 0 : fleschKincaid({ sentence: totals.sentences, word: totals.words, syllable: totals.syllables })
  const smog = totals.sentences === 0 ? 0 : smogFormula({ sentence: totals.sentences, polysillabicWord: totals.polysyllables })
  const impenetrable = scored.filter((sentence) => sentence.words > longSentenceWords && sentence.grade > sentenceGradeCeiling)
  return { ...totals, grade: round(grade), smog: round(smog), hardest: hardestOf(scored, hardestCount), impenetrable }
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

function countSentence(sentence: Sentence, knownRanges: ReadonlyArray<readonly [number, number]>): { words: number; syllables: number; polysyllables: number } {
  let words = 0
  let syllables = 0
  let polysyllables = 0
  for (const child of sentence.children) {
    if (child.type !== 'WordNode') continue
    const text = nlcstToString(child)
    // Numbers and symbols are not words a reader sounds out.
    if (!/\p{L}/u.test(text)) continue
    const offset = child.position?.start.offset ?? -1
    const isKnown = knownRanges.some(([start, end]) => offset >= start && offset < end)
    const count = isKnown ? Math.min(knownWordSyllables, syllablesOf(text)) : syllablesOf(text)
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

function quote(sentence: SentenceScore): string {
  return sentence.text.length > 80 ? `${sentence.text.slice(0, 79)}…` : sentence.text
}

/**
 * The handout must read at grade 8 or below on average, and no sentence may be long and far harder
 * (each one an error at its source line). Above the average, the build fails at the hardest
 * sentence, and each sentence above the limit among the hardest is listed at its source line.
 * Handouts not in English are not gated (see `readabilityGated`).
 */
export function checkHandoutReadability(file: VFile, figures: ReadabilityFigures, lang: string): void {
  if (!readabilityGated(lang)) return
  for (const sentence of figures.impenetrable) {
    reportError(
      file,
      `Unexpected long, hard sentence for patients (${sentence.words} words at grade ${sentence.grade.toFixed(1)}; a sentence over ${longSentenceWords} words must read at grade ${sentenceGradeCeiling} or below): “${quote(sentence)}”; split it and use everyday words`,
      sentence,
      'sentence-too-hard'
    )
  }
  if (figures.grade <= handoutGradeLimit) return
  const hardest = figures.hardest.filter((sentence) => sentence.grade > handoutGradeLimit)
  reportError(
    file,
    `Expected the handout to read at grade ${handoutGradeLimit.toFixed(1)} or below (Flesch–Kincaid), not ${figures.grade.toFixed(1)}; shorten the hard sentences listed`,
    hardest[0] ?? { line: 1, column: 1 },
    'handout-readability'
  )
  for (const sentence of hardest) {
    reportWarning(file, `Unexpected hard sentence for patients (grade ${sentence.grade.toFixed(1)}): “${quote(sentence)}”; use shorter sentences and everyday words`, sentence, 'sentence-hard-to-read')
  }
}
