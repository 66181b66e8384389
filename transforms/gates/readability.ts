import { smogFormula } from 'smog-formula'
import type { VFile } from 'vfile'
import { fallbackFormula, formulaFor, type ReadabilityFormula, type WordCounts } from './readability-formulas.ts'
import type { TextBlock } from './readable-text.ts'
import { readSentences, type PlainWord } from './plain-sentences.ts'
import { reportError, reportWarning } from '../messages.ts'
import { termPattern } from '../format/text.ts'

export { bodyBlocks, explainedTerms, type TextBlock } from './readable-text.ts'

export const handoutGradeLimit = 8

/**
 * One sentence may not be both long and far harder than the limit. GOV.UK's style guide sets 25
 * words as the limit of a sentence ("Sentence length: why 25 words is our limit", 2014: longer
 * sentences should be broken up or, failing that, be in plain English), so a longer sentence fails
 * when it is not plain: its own grade (Flesch–Kincaid; the Wiener Sachtextformel, on the same scale,
 * for German) above 14, six grades over the limit, a second
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
  /** The grade level, by `formula`. */
  grade: number
  /** The formula of `grade` and of each sentence's grade: Flesch–Kincaid for English, the Wiener Sachtextformel for German. */
  formula: string
  /** Whether the handout gate reads these figures: false for a language guidepress has no formula for (measured as English). */
  gated: boolean
  /** SMOG index (an English formula, reported only). */
  smog: number
  /** The hardest sentences, hardest first. */
  hardest: SentenceScore[]
  /** Every sentence longer than `longSentenceWords` that reads above `sentenceGradeCeiling`, in reading order. */
  impenetrable: SentenceScore[]
}

/**
 * Whether the handout gate applies to text in a language: English (Flesch–Kincaid) and German (Wiener
 * Sachtextformel) have a published formula here; a handout in another language is measured with the
 * English one for the report but never gated, and the report says so.
 */
export function readabilityGated(lang: string): boolean {
  return formulaFor(lang) !== undefined
}

/** One sentence of a block, counted, placed relative to its block (line 1 is the block's first). */
interface CountedSentence {
  counts: WordCounts
  text: string
  line: number
  column: number
}

/**
 * Sentences already counted, by block text (and the known words in it): the outputs of a guideline
 * share most of their paragraphs, so each is read once. One per guideline (`pipeline.ts`).
 */
export type SentenceMemo = Map<string, CountedSentence[]>

/**
 * The grade (by the formula of `lang`) and SMOG over some blocks, with each sentence scored to find
 * the hardest. Words inside a `knownTerms` phrase count at most `knownWordSyllables` syllables.
 */
export function measureReadability(blocks: TextBlock[], knownTerms: readonly string[] = [], lang = 'en', hardestCount = 5, memo: SentenceMemo = new Map()): ReadabilityFigures {
  const formula = formulaFor(lang) ?? fallbackFormula
  const totals: WordCounts = { sentences: 0, words: 0, syllables: 0, polysyllables: 0, monosyllables: 0, longWords: 0 }
  const scored: SentenceScore[] = []
  const known = knownTerms.map((term) => new RegExp(termPattern(term).source, 'giu'))
  for (const block of blocks) {
    const knownRanges = known.flatMap((pattern) => [...block.text.matchAll(pattern)].map((match) => [match.index, match.index + match[0].length] as const))
    const key = `${formula.name}\u0000${knownRanges.join(';')}\u0000${block.text}`
    let sentences = memo.get(key)
    if (!sentences) {
      sentences = countSentences(block.text, formula, knownRanges)
      memo.set(key, sentences)
    }
    for (const sentence of sentences) {
      addCounts(totals, sentence.counts)
      scored.push({
        text: sentence.text,
        line: block.line + sentence.line - 1,
        column: sentence.line === 1 ? block.column + sentence.column - 1 : sentence.column,
        words: sentence.counts.words,
        grade: round(formula.grade(sentence.counts))
      })
    }
  }
  const grade = totals.words === 0 ? 0 : formula.grade(totals)
  const smog = totals.sentences === 0 ? 0 : smogFormula({ sentence: totals.sentences, polysillabicWord: totals.polysyllables })
  const impenetrable = scored.filter((sentence) => sentence.words > longSentenceWords && sentence.grade > sentenceGradeCeiling)
  const { sentences, words, syllables, polysyllables } = totals
  return { words, sentences, syllables, polysyllables, grade: round(grade), formula: formula.name, gated: readabilityGated(lang), smog: round(smog), hardest: hardestOf(scored, hardestCount), impenetrable }
}

/** The sentences of one block with words in them, counted. */
function countSentences(text: string, formula: ReadabilityFormula, knownRanges: ReadonlyArray<readonly [number, number]>): CountedSentence[] {
  const counted: CountedSentence[] = []
  for (const sentence of readSentences(text)) {
    const counts = countWords(sentence.words, formula, knownRanges)
    if (counts.words === 0) continue
    counted.push({ counts, text: sentence.text, line: sentence.line, column: sentence.column })
  }
  return counted
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

function countWords(words: readonly PlainWord[], formula: ReadabilityFormula, knownRanges: ReadonlyArray<readonly [number, number]>): WordCounts {
  const counts: WordCounts = { sentences: 1, words: 0, syllables: 0, polysyllables: 0, monosyllables: 0, longWords: 0 }
  const shapes = wordShapesOf(formula)
  for (const { text, offset } of words) {
    let shape = shapes.get(text)
    if (!shape) {
      shape = wordShape(text, formula)
      shapes.set(text, shape)
    }
    // Numbers and symbols are not words a reader sounds out.
    if (!shape.letters) continue
    const isKnown = knownRanges.length > 0 && knownRanges.some(([start, end]) => offset >= start && offset < end)
    // A known word reads as an everyday one: at most two syllables, and not a long word.
    const syllables = isKnown ? Math.min(knownWordSyllables, shape.syllables) : shape.syllables
    counts.words += 1
    counts.syllables += syllables
    if (syllables >= 3) counts.polysyllables += 1
    if (syllables === 1) counts.monosyllables += 1
    if (!isKnown && shape.long) counts.longWords += 1
  }
  return counts
}

/** What the formulas read of a word: whether it has letters, its syllables (by the formula's language), whether it is long. */
interface WordShape {
  letters: boolean
  syllables: number
  long: boolean
}

// Guidelines repeat their words: each word's shape is worked out once per formula.
const wordShapes = new Map<ReadabilityFormula, Map<string, WordShape>>()

function wordShapesOf(formula: ReadabilityFormula): Map<string, WordShape> {
  let shapes = wordShapes.get(formula)
  // A long `guidepress dev` session keeps only the words of recent builds.
  if (!shapes || shapes.size >= 50_000) {
    shapes = new Map()
    wordShapes.set(formula, shapes)
  }
  return shapes
}

function wordShape(text: string, formula: ReadabilityFormula): WordShape {
  const letters = /\p{L}/u.test(text)
  return { letters, syllables: letters ? formula.syllables(text) : 0, long: text.length > 6 && characterCount(text) > 6 }
}

function addCounts(totals: WordCounts, counts: WordCounts): void {
  totals.sentences += counts.sentences
  totals.words += counts.words
  totals.syllables += counts.syllables
  totals.polysyllables += counts.polysyllables
  totals.monosyllables += counts.monosyllables
  totals.longWords += counts.longWords
}

/** Characters as a reader counts them (code points, as `[...text].length` does). */
function characterCount(text: string): number {
  let count = text.length
  for (let index = 0; index < text.length - 1; index++) {
    const code = text.charCodeAt(index)
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(index + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--
        index++
      }
    }
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
 * Handouts in a language without a formula are not gated (see `readabilityGated`).
 */
export function checkHandoutReadability(file: VFile, figures: ReadabilityFigures): void {
  if (!figures.gated) return
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
    `Expected the handout to read at grade ${handoutGradeLimit.toFixed(1)} or below (${figures.formula}), not ${figures.grade.toFixed(1)}; shorten the hard sentences listed`,
    hardest[0] ?? { line: 1, column: 1 },
    'handout-readability'
  )
  for (const sentence of hardest) {
    reportWarning(file, `Unexpected hard sentence for patients (grade ${sentence.grade.toFixed(1)}): “${quote(sentence)}”; use shorter sentences and everyday words`, sentence, 'sentence-hard-to-read')
  }
}
