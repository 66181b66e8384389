import { fleschKincaid } from 'flesch-kincaid'
import { syllable } from 'syllable'

/** What a readability formula reads of some text: sentences and its words' shapes. */
export interface WordCounts {
  sentences: number
  words: number
  syllables: number
  /** Words of three or more syllables. */
  polysyllables: number
  monosyllables: number
  /** Words of more than six letters. */
  longWords: number
}

/** A published readability formula for one language, giving a school grade (higher is harder). */
export interface ReadabilityFormula {
  name: string
  syllables(word: string): number
  grade(counts: WordCounts): number
}

const englishSyllables = new Map<string, number>()

/** Flesch–Kincaid grade level (Kincaid et al., 1975), with the `syllable` package's English counts. */
const fleschKincaidGrade: ReadabilityFormula = {
  name: 'Flesch–Kincaid grade',
  syllables: (word) => cached(englishSyllables, word, (key) => syllable(key)),
  grade: (counts) => fleschKincaid({ sentence: counts.sentences, word: counts.words, syllable: counts.syllables })
}

const germanSyllables = new Map<string, number>()
// German spelling: a syllable has one vowel group; diphthongs (ei, ai, au, äu, eu, ie) and doubled
// vowels are one group. Vowels side by side in two syllables (Be-amte) are rare and counted as one.
const germanVowelGroup = /[aeiouyäöü]+/g

/**
 * First Wiener Sachtextformel (Bamberger and Vanecek, 1984), for German non-fiction: on the scale
 * of Austrian school grades (4 easy to 15 very hard), so the handout's grade limit reads the same.
 */
const wienerSachtextformel: ReadabilityFormula = {
  name: 'Wiener Sachtextformel',
  syllables: (word) => cached(germanSyllables, word, (key) => key.match(germanVowelGroup)?.length ?? 0),
  grade(counts) {
    const percent = (count: number) => (100 * count) / counts.words
    return 0.1935 * percent(counts.polysyllables) + 0.1672 * (counts.words / counts.sentences) + 0.1297 * percent(counts.longWords) - 0.0327 * percent(counts.monosyllables) - 0.875
  }
}

const formulas: Record<string, ReadabilityFormula> = { en: fleschKincaidGrade, de: wienerSachtextformel }

/** The formula for a language tag (`en-GB` is English), or `undefined` when guidepress has none. */
export function formulaFor(lang: string): ReadabilityFormula | undefined {
  return formulas[lang.toLowerCase().split('-')[0] ?? '']
}

/** Text in a language without a formula is still measured, with the English one, but never gated. */
export const fallbackFormula = fleschKincaidGrade

/** The languages the handout gate reads, for messages and the report. */
export const gatedLanguages = Object.keys(formulas)

function cached(cache: Map<string, number>, word: string, count: (key: string) => number): number {
  const key = word.toLowerCase()
  let syllables = cache.get(key)
  if (syllables === undefined) {
    // Guidelines repeat their words; counting each word once keeps long sources fast.
    syllables = Math.max(1, count(key))
    cache.set(key, syllables)
  }
  return syllables
}
