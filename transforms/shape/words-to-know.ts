import type { List, Root, RootContent } from 'mdast'
import { normalizeForMatching, termPattern, visibleText } from '../format/text.ts'
import type { Glossary } from '../types.ts'
import { englishLabels, type Labels } from '../catalogue/labels.ts'

/** The section's English title, for messages to authors (which stay English); readers get their language's. */
export const wordsToKnowTitle = englishLabels.text('wordsToKnow')

/** One line of "Words to know": the word the reader meets, its other names in the text, and what it means. */
export interface GlossaryItem {
  term: string
  alsoCalled: string[]
  explanation: string
}

/**
 * The glossary entries the handout's text uses, merged and in alphabetical order for the reader's
 * language. Entries merge when one is a plural of the other (`inhaler`, `inhalers`: the `s`/`es`
 * that `termPattern` accepts) or when they share an explanation (the synonyms a glossary entry
 * lists share its explanation; see input/glossary.ts). The entry first in the glossary names the
 * item; other used names of a synonym group follow as "also called".
 */
export function glossaryItems(body: readonly RootContent[], glossary: Glossary, lang: string): GlossaryItem[] {
  const root: Root = { type: 'root', children: [...body] }
  const text = visibleText(root)
  const items: GlossaryItem[] = []
  for (const [term, explanation] of glossary) {
    if (text.search(termPattern(term)) < 0) continue
    const plural = items.find((item) => isFormOf(term, item.term) || isFormOf(item.term, term))
    if (plural) continue
    const synonym = items.find((item) => item.explanation === explanation)
    if (synonym) synonym.alsoCalled.push(term)
    else items.push({ term, alsoCalled: [], explanation })
  }
  const collator = collatorFor(lang)
  return items.sort((a, b) => collator.compare(a.term, b.term))
}

// Building an Intl collator is slow, and every handout sorts its words: one per language.
const collators = new Map<string, Intl.Collator>()

function collatorFor(lang: string): Intl.Collator {
  let collator = collators.get(lang)
  if (!collator) {
    collator = new Intl.Collator(lang, { sensitivity: 'base', numeric: true })
    collators.set(lang, collator)
  }
  return collator
}

/** `inhalers` is a form of `inhaler`: the term's pattern matches all of it. */
function isFormOf(word: string, term: string): boolean {
  const normalized = normalizeForMatching(word).trim()
  const match = termPattern(term).exec(normalized)
  return match !== null && match.index === 0 && match[0].length === normalized.length
}

/** "Words to know" as a heading and a list marked `fromGlossary` (readability and source maps read the mark). */
export function wordsToKnowSection(items: readonly GlossaryItem[], labels: Labels): RootContent[] {
  if (items.length === 0) return []
  const list: List = {
    type: 'list',
    ordered: false,
    spread: false,
    data: { fromGlossary: true },
    children: items.map((item) => ({
      type: 'listItem',
      spread: false,
      children: [{ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: item.term }] }, { type: 'text', value: `: ${itemText(item, labels)}` }] }]
    }))
  }
  return [{ type: 'heading', depth: 2, children: [{ type: 'text', value: labels.text('wordsToKnow') }] }, list]
}

function itemText(item: GlossaryItem, labels: Labels): string {
  if (item.alsoCalled.length === 0) return item.explanation
  return `${item.explanation} ${labels.text('alsoCalled', { names: item.alsoCalled.join(', ') })}`
}

/**
 * How long "Words to know" prints, in handout lines: an A4 handout page (13 pt type, 1.5 line
 * height, 174 mm measure) holds about 37 lines of about 75 characters. Each entry takes its
 * characters over 75, rounded up, plus a third of a line between entries; the heading takes 3.
 */
export const handoutLineCharacters = 75
export const handoutPageLines = 37
/** About one and a half pages: past this the glossary stops helping and the build warns. */
export const glossaryLineBudget = Math.round(handoutPageLines * 1.5)

/** Printed lines of "Words to know" with these entries (each "term: explanation" as the reader sees it). */
export function glossaryLines(entries: readonly string[]): number {
  if (entries.length === 0) return 0
  const lines = entries.reduce((sum, entry) => sum + Math.ceil(entry.length / handoutLineCharacters), 0)
  return Math.ceil(3 + lines + (entries.length - 1) / 3)
}
