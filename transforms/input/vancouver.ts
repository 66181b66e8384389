// The bibliography's one citation style: Vancouver, through citation-js (citeproc). Formatting is
// the costly part of reading citations (the style engine is set up again for every list), so each
// list's text is remembered by what it is made of: a save in `guidepress dev` that does not touch
// the works a guideline cites formats nothing.
import type { CslItem } from '@citation-js/core'

/** Vancouver: the numeric style of the ICMJE recommendations, used by most medical journals. */
const referenceStyle = 'vancouver'
/** The locales citation-js ships; a guideline's `lang` picks one (English otherwise). */
const styleLocales = ['en-US', 'de-DE', 'fr-FR', 'es-ES', 'nl-NL']
/** Lists remembered: one per guideline and language is what a library of some hundred guidelines needs. */
const rememberedLists = 256

/** Formatted lists by their content (the items, in citation order, and the locale), most recently used last. */
const formattedLists = new Map<string, ReadonlyMap<string, string>>()

/** Each item's entry as plain text in Vancouver style, without its number, keyed by the item's id. */
export async function vancouverFormatter(): Promise<(items: readonly CslItem[], lang: string) => Map<string, string>> {
  const { Cite } = await import('@citation-js/core')
  await import('@citation-js/plugin-csl')
  return (items, lang) => {
    if (items.length === 0) return new Map()
    const locale = styleLocale(lang)
    // Keyed by the entries' whole content, never by file or key: an edited entry is a new list.
    const key = JSON.stringify([referenceStyle, locale, items])
    const remembered = formattedLists.get(key)
    if (remembered) {
      formattedLists.delete(key) // most recently used last
      formattedLists.set(key, remembered)
      return new Map(remembered)
    }
    const cite = new Cite([...items], { forceType: '@csl/list+object', generateGraph: false })
    const formatted = cite.format('bibliography', { template: referenceStyle, lang: locale, format: 'text', asEntryArray: true, nosort: true, entry: items.map((item) => item.id) })
    // Each entry starts with its number in this one list ("1. "); the outputs number them themselves.
    const texts = new Map(formatted.map(([id, text]) => [id, text.trim().replace(/^\d+\.\s*/, '')]))
    formattedLists.set(key, new Map(texts))
    if (formattedLists.size > rememberedLists) formattedLists.delete(formattedLists.keys().next().value ?? key)
    return texts
  }
}

function styleLocale(lang: string): string {
  const language = lang.split('-')[0]?.toLowerCase()
  return styleLocales.find((locale) => locale.toLowerCase() === lang.toLowerCase()) ?? styleLocales.find((locale) => locale.startsWith(`${language}-`)) ?? 'en-US'
}
