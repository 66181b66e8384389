// The one way guidepress words what it writes: a guideline's `lang` picks a catalogue (en, de, fr,
// es), the project config's `messages` may supply or override labels, and every date and number is
// written by `Intl` for that language. Both transforms/ and render/ read labels from here.
import { english, type Catalogue, type MessageKey, type ParamsOf } from './en.ts'
import { german } from './de.ts'
import { french } from './fr.ts'
import { spanish } from './es.ts'

/** The languages guidepress has every label for. */
export const catalogues: Readonly<Record<string, Catalogue>> = { en: english, de: german, fr: french, es: spanish }
export const messageKeys = Object.keys(english) as MessageKey[]

// Intl's reading of each tag (null: refused), read once: every guideline asks for its language's.
const locales = new Map<string, Intl.Locale | null>()

/** A project's own labels (config `messages`): language tag → key → template. */
export type MessageOverrides = Readonly<Record<string, Readonly<Record<string, string>>>>

/**
 * Templates whose words must stay on one line ("Slide 3 of 12", "(part 2 of 3)"): their own spaces
 * become no-break spaces; a space beside a text placeholder (a title) may still break.
 */
const unbreakableKeys: ReadonlySet<MessageKey> = new Set(['partTitle', 'pageOf', 'slideOf', 'slideNumber', 'slidesRange'])

const noBreak = '\u00a0'

export class Labels {
  private readonly numbers: Intl.NumberFormat
  private readonly plurals: Intl.PluralRules
  /** Intl's reading of `lang`, read once: reading a tag makes an `Intl.Locale`, and every output writes dates. */
  private readonly locale: string
  /** Each template split at its placeholders, once: slide packing asks for a title at every page it tries. */
  private readonly pieces = new Map<MessageKey, string[]>()
  /** The pieces of unbreakable templates with their spaces kept together, by piece and sides (see `keptTogether`). */
  private readonly kept = new Map<string, string>()
  private readonly numbersWritten = new Map<number, string>()
  /** Each date as written, once: every output writes the guideline's dates, some on every page. */
  private readonly dates = new Map<string, string>()

  constructor(
    /** The BCP 47 tag dates and numbers are written for (`en-GB` and `en-US` order dates differently). */
    readonly lang: string,
    private readonly messages: Catalogue
  ) {
    this.locale = intlLocale(lang)
    this.numbers = new Intl.NumberFormat(this.locale, { useGrouping: false })
    this.plurals = new Intl.PluralRules(this.locale)
  }

  /** The label `key`, its placeholders filled (numbers written for the language). */
  text<K extends MessageKey>(key: K, ...params: ParamsOf<K>): string {
    const values: Readonly<Record<string, string | number>> = params[0] ?? {}
    const keep = unbreakableKeys.has(key)
    let out = ''
    let previousIsText = false
    let pieces = this.pieces.get(key)
    if (!pieces) {
      pieces = this.messages[key].split(/\{(\w+)\}/)
      this.pieces.set(key, pieces)
    }
    for (let index = 0; index < pieces.length; index++) {
      const piece = pieces[index] as string
      if (index % 2 === 0) {
        out += keep ? this.keptTogether(piece, previousIsText, typeof values[pieces[index + 1] ?? ''] === 'string') : piece
        continue
      }
      const value = values[piece]
      previousIsText = typeof value === 'string'
      out += value === undefined ? `{${piece}}` : typeof value === 'number' ? this.number(value) : value
    }
    return out
  }

  /** `keepTogether`, once for each piece of a template and the sides a text value is on. */
  private keptTogether(piece: string, afterText: boolean, beforeText: boolean): string {
    const key = `${afterText ? 1 : 0}${beforeText ? 1 : 0}${piece}`
    let kept = this.kept.get(key)
    if (kept === undefined) {
      kept = keepTogether(piece, afterText, beforeText)
      this.kept.set(key, kept)
    }
    return kept
  }

  /** A number written for the language; small ones (slide, page and part numbers) once each. */
  private number(value: number): string {
    if (!Number.isInteger(value) || value < 0 || value > 1000 || Object.is(value, -0)) return this.numbers.format(value)
    let written = this.numbersWritten.get(value)
    if (written === undefined) {
      written = this.numbers.format(value)
      this.numbersWritten.set(value, written)
    }
    return written
  }

  /** `one` or `other` by the language's plural rules for `count` (French counts 0 and 1 as one). */
  count<K extends MessageKey>(one: K, other: K, count: number): K {
    return this.plurals.select(count) === 'one' ? one : other
  }

  /** The template as written, for a caller that fills it itself (a CSS `content` with counters). */
  template(key: MessageKey): string {
    return this.messages[key]
  }

  /** A date people read ("27 November 2026", "27. November 2026"), UTC, on one line. */
  date(isoDate: string): string {
    let written = this.dates.get(isoDate)
    if (written === undefined) {
      if (this.dates.size >= 1000) this.dates.clear() // a long `guidepress dev` session keeps only recent dates
      written = dateFormat(this.locale).format(new Date(`${isoDate}T00:00:00Z`)).replace(/ /g, noBreak)
      this.dates.set(isoDate, written)
    }
    return written
  }
}

/** Spaces inside the template's own words become no-break spaces; a space next to a text value may break. */
function keepTogether(piece: string, afterText: boolean, beforeText: boolean): string {
  const lead = afterText && piece.startsWith(' ') ? ' ' : ''
  const trail = beforeText && piece.endsWith(' ') && piece.length > lead.length ? ' ' : ''
  const middle = piece.slice(lead.length, piece.length - trail.length)
  return `${lead}${middle.replace(/ /g, noBreak)}${trail}`
}

/** The catalogue's language for a tag: its language subtag (`de-AT` reads German). */
export function primaryLanguage(lang: string): string {
  return (localeOf(lang)?.language ?? lang.split('-')[0] ?? '').toLowerCase()
}

/**
 * The labels for a guideline in `lang`: the built-in catalogue of its language (English when there is
 * none), then the config's labels for the language (by full tag, else by language subtag) over it.
 */
export function labelsFor(lang: string, overrides: MessageOverrides = {}): Labels {
  const key = `${lang}\u0000${JSON.stringify(overrides)}`
  let labels = labelCache.get(key)
  if (!labels) {
    const base = catalogues[primaryLanguage(lang)] ?? english
    labels = new Labels(lang, { ...base, ...knownOnly(overridesFor(lang, overrides)) })
    labelCache.set(key, labels)
  }
  return labels
}

/** English labels, for callers with no guideline (tests, tools). */
export const englishLabels = new Labels('en', english)

/**
 * The keys a guideline in `lang` reads in English for want of a translation: none for a catalogue
 * language; for another, every key its config `messages` leave out.
 */
export function missingLabels(lang: string, overrides: MessageOverrides = {}): MessageKey[] {
  if (catalogues[primaryLanguage(lang)]) return []
  const given = overridesFor(lang, overrides)
  return messageKeys.filter((key) => given[key] === undefined)
}

/** The config's labels for `lang`: those under its language subtag, then those under the full tag over them. */
function overridesFor(lang: string, overrides: MessageOverrides): Readonly<Record<string, string>> {
  const find = (tag: string) => Object.entries(overrides).find(([written]) => written.toLowerCase() === tag.toLowerCase())?.[1] ?? {}
  const primary = primaryLanguage(lang)
  return { ...find(primary), ...(lang.toLowerCase() === primary ? {} : find(lang)) }
}

function knownOnly(given: Readonly<Record<string, string>>): Partial<Catalogue> {
  return Object.fromEntries(Object.entries(given).filter(([key]) => key in english))
}

/** Intl's own reading of the tag, or English where Intl refuses it (the schema lets few such through). */
function intlLocale(lang: string): string {
  return localeOf(lang)?.toString() ?? 'en'
}

function localeOf(lang: string): Intl.Locale | undefined {
  let locale = locales.get(lang)
  if (locale === undefined) {
    try {
      locale = new Intl.Locale(lang)
    } catch {
      locale = null
    }
    locales.set(lang, locale)
  }
  return locale ?? undefined
}

// Building an Intl format is slow; every output of every guideline needs one.
const dateFormats = new Map<string, Intl.DateTimeFormat>()
const labelCache = new Map<string, Labels>()

function dateFormat(locale: string): Intl.DateTimeFormat {
  let format = dateFormats.get(locale)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' })
    dateFormats.set(locale, format)
  }
  return format
}

/** The `{names}` a template fills, once each. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? ''))]
}

/**
 * What is wrong with a label a project supplies for `key`, if anything: a placeholder the English
 * label has that it leaves out (its value would be lost), or one guidepress does not fill.
 */
export function placeholderProblem(key: MessageKey, template: string): string | undefined {
  const expected = placeholdersOf(english[key])
  const given = placeholdersOf(template)
  const missing = expected.filter((name) => !given.includes(name))
  const unknown = given.filter((name) => !expected.includes(name))
  const list = (names: string[]) => names.map((name) => `\`{${name}}\``).join(', ')
  if (missing.length > 0) return `Expected ${list(missing)} in the label \`${key}\` (the English one reads “${english[key]}”); put ${missing.length === 1 ? 'it' : 'them'} where the value belongs in your language`
  if (unknown.length > 0) return `Unexpected ${list(unknown)} in the label \`${key}\`; ${expected.length > 0 ? `guidepress fills only ${list(expected)} there` : 'this label takes no placeholders'}: remove it or write the words out`
  return undefined
}
