// The shape of `guidepress.config.yaml` (or `.json`): the project's organisation, contacts, brand,
// and defaults for every guideline. Read by config.ts, which places each problem in the file.
import { z } from 'zod'
import { languageTag, outputKinds } from './front-matter-schema.ts'
import { urlScheme } from '../validate/links.ts'
import { messageKeys, type MessageOverrides } from '../catalogue/labels.ts'
import type { MessageKey } from '../catalogue/en.ts'

export const configFileNames = ['guidepress.config.yaml', 'guidepress.config.json'] as const
export const paperSizes = ['A4', 'Letter'] as const
export const buildFormats = ['html', 'pdf', 'pptx'] as const
export const brandColourNames = ['primary', 'accent', 'text', 'background'] as const
/** Image types a logo may be (the renderer inlines the same ones). */
/** Where a logo lives: with the guidelines' images, the one folder the renderer reads images from. */
export const logoDir = 'source/images'
export const logoExtensions = ['.svg', '.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif'] as const

/**
 * Text a reader sees as written: one line, no control characters, no `<`/`>` (markup would show as
 * text or, in a careless output, run). Escaped wherever it goes all the same.
 */
function plainText(what: string, max: number) {
  return z
    .string({ error: `Expected ${what} as text` })
    .trim()
    .min(1, { error: `Expected ${what}, not empty text` })
    .max(max, { error: `Expected ${what} of at most ${max} characters` })
    // eslint-disable-next-line no-control-regex
    .refine((text) => !/[\u0000-\u001f\u007f<>]/.test(text), { error: `Expected ${what} as plain text on one line, without \`<\`, \`>\` or control characters` })
}

/** Digits with the spaces, dashes, dots and brackets people write them with; a `+` only in front. */
const phoneNumber = z
  .string({ error: 'Expected a phone number as text in quotes (a bare number loses its leading zeros)' })
  .regex(/^\+?[\d(][\d ()./-]*$/, { error: 'Expected a phone number of digits, spaces, dashes, dots or brackets (and a leading `+`), such as `"0808 808 00 00"`' })
  .refine((text) => text.replace(/\D/g, '').length >= 2 && text.replace(/\D/g, '').length <= 15, { error: 'Expected a phone number of 2 to 15 digits' })

/** An `http:` or `https:` address (the schemes links.ts allows, less `mailto:`), with a host. */
const webAddress = z.string({ error: 'Expected a web address such as `https://www.example.org`' }).refine(isWebAddress, {
  error: 'Expected a web address starting with `https://` (or `http://`) and a host, such as `https://www.example.org`'
})

function isWebAddress(text: string): boolean {
  const scheme = urlScheme(text)
  if (scheme !== 'http' && scheme !== 'https') return false
  try {
    const url = new URL(text)
    return url.hostname !== '' && !/\s/.test(text) && url.username === '' && url.password === ''
  } catch {
    return false
  }
}

/**
 * `#rgb` or `#rrggbb`: a CSS hex colour, the one form every theme and tool reads alike. Opaque only:
 * text over a see-through colour has a contrast nobody can check.
 */
const hexColour = z
  .string({ error: 'Expected a CSS hex colour in quotes, such as `"#1f4e79"`' })
  .regex(/^#(?:[\da-f]{3}|[\da-f]{6})$/i, { error: 'Expected a CSS hex colour such as `"#1f4e79"` (`#` and 3 or 6 hex digits)' })

/** A font family name: letters, digits, spaces and hyphens only (it goes into CSS). */
const fontName = z
  .string({ error: 'Expected a font family name such as `Atkinson Hyperlegible Next`' })
  .regex(/^[\p{L}\d][\p{L}\d -]{0,59}$/u, { error: 'Expected a font family name of letters, digits, spaces and hyphens (at most 60), such as `Atkinson Hyperlegible Next`' })

/** A logo: a project-relative path to an image in `source/images/`; config.ts checks the file itself. */
const logoPath = z
  .string({ error: 'Expected a path such as `source/images/logo.svg`' })
  .refine((text) => /^source\/images\/[^\\]+$/.test(text) && !text.split('/').includes('..') && !text.split('/').includes('.'), {
    error: 'Expected a path inside `source/images/` written with `/`, such as `source/images/logo.svg`',
    abort: true
  })
  .refine((text) => logoExtensions.some((extension) => text.toLowerCase().endsWith(extension)), { error: `Expected an image file ending in ${logoExtensions.join(', ')}` })

function uniqueList<T extends z.ZodType>(item: T, what: string) {
  return z
    .array(item, { error: `Expected a list of ${what}` })
    .min(1, { error: `Expected at least one of the ${what}` })
    .refine((list) => new Set(list).size === list.length, { error: `Expected each of the ${what} once` })
}

export const helplineSchema = z.strictObject({
  name: plainText('the helpline’s name', 80),
  phone: phoneNumber,
  hours: plainText('the opening hours', 80).optional(),
  url: webAddress.optional()
})

export const configSchema = z.strictObject({
  organisation: z
    .strictObject({ name: plainText('the organisation’s name', 80), logo: logoPath.optional() }, { error: 'Expected `name:` (and `logo:`) under `organisation`' })
    .optional(),
  contacts: z
    .strictObject(
      {
        emergency: phoneNumber.optional(),
        helplines: z.array(helplineSchema, { error: 'Expected a list of helplines, each `- { name: …, phone: "…" }`' }).min(1, { error: 'Expected at least one helpline, or leave `helplines` out' }).max(10, { error: 'Expected at most 10 helplines (a handout shows them all)' }).optional()
      },
      { error: 'Expected `emergency:` and `helplines:` under `contacts`' }
    )
    .optional(),
  brand: z
    .strictObject(
      {
        colours: z.strictObject(Object.fromEntries(brandColourNames.map((name) => [name, hexColour.optional()])) as Record<(typeof brandColourNames)[number], z.ZodOptional<typeof hexColour>>, { error: `Expected colours by name under \`brand.colours\`: ${brandColourNames.join(', ')}` }).optional(),
        font: fontName.optional()
      },
      { error: 'Expected `colours:` and `font:` under `brand`' }
    )
    .optional(),
  lang: z.string({ error: 'Expected a BCP 47 language tag such as `en-GB`' }).regex(languageTag, { error: 'Expected a BCP 47 language tag such as `en` or `en-GB`' }).optional(),
  paper: z.enum(paperSizes, { error: 'Expected `A4` or `Letter`' }).optional(),
  outputs: uniqueList(z.enum(outputKinds, { error: 'Expected `deck`, `handout` or `summary`' }), 'outputs').optional(),
  formats: uniqueList(z.enum(buildFormats, { error: 'Expected `html`, `pdf` or `pptx`' }), 'formats').optional(),
  messages: z
    .record(
      z.string().regex(languageTag, { error: 'Expected a BCP 47 language tag such as `it` or `de-AT` as the key under `messages`' }),
      z.strictObject(Object.fromEntries(messageKeys.map((key) => [key, plainText('the label', 300).optional()])) as Record<MessageKey, z.ZodOptional<ReturnType<typeof plainText>>>, {
        error: 'Expected labels by name under the language, such as `agenda: Agenda`'
      }),
      { error: 'Expected languages under `messages`, each with its labels, such as `it: { agenda: Programma }`' }
    )
    .optional()
})

export type ConfigFile = z.infer<typeof configSchema>
export type Helpline = z.infer<typeof helplineSchema>
export type PaperSize = (typeof paperSizes)[number]
export type BuildFormat = (typeof buildFormats)[number]
export type BrandColours = Partial<Record<(typeof brandColourNames)[number], string>>

/** The phone numbers a handout gives: the emergency number for the guideline's language, and the helplines. */
export interface Contacts {
  /** Absent when neither the config nor the language gives one (no number is guessed). */
  emergency: string | undefined
  helplines: Helpline[]
}

/** The project's configuration with defaults applied: what the pipeline, the renderer and the build read. */
export interface ProjectConfig {
  organisation: { name: string; logo: string | undefined } | undefined
  contacts: { emergency: string | undefined; helplines: Helpline[] }
  brand: { colours: BrandColours; font: string | undefined }
  /** Defaults for a guideline whose front matter leaves them out. */
  lang: string
  outputs: Array<(typeof outputKinds)[number]>
  paper: PaperSize
  formats: BuildFormat[]
  /** The project's own labels per language (config `messages`), over guidepress's catalogue (catalogue/labels.ts). */
  messages: MessageOverrides
}

/** What a project without a config file gets: the same as before configuration existed. */
export const defaultConfig: ProjectConfig = {
  organisation: undefined,
  contacts: { emergency: undefined, helplines: [] },
  brand: { colours: {}, font: undefined },
  lang: 'en',
  outputs: ['deck', 'handout', 'summary'],
  paper: 'A4',
  formats: ['html', 'pdf', 'pptx'],
  messages: {}
}

/** Emergency numbers by region, and by language where the language alone tells the region's number. */
const emergencyByRegion: Record<string, string> = {
  GB: '999', US: '911', CA: '911', IE: '112', DE: '112', AT: '112', CH: '112', LI: '112', LU: '112', BE: '112', FR: '112', ES: '112', IT: '112', NL: '112', PT: '112'
}
const emergencyByLanguage: Record<string, string> = { de: '112', fr: '112', es: '112' }

/**
 * The contacts for a guideline in `lang`: the configured emergency number, else the one for the
 * language (`en-GB` 999, `en-US` 911, `de`/`fr`/`es` 112). A region it does not know (`es-MX`) or
 * a language without one (`en`) gives none: a wrong number is worse than none.
 */
export function contactsFor(config: ProjectConfig, lang: string): Contacts {
  const [language = '', ...rest] = lang.split('-')
  const region = rest.find((part) => /^[a-z]{2}$/i.test(part))?.toUpperCase()
  const byPlace = region ? emergencyByRegion[region] : emergencyByLanguage[language.toLowerCase()]
  return { emergency: config.contacts.emergency ?? byPlace, helplines: config.contacts.helplines }
}
