import { z } from 'zod'
import { kebabCaseId } from '../format/ids.ts'
import { isMatchableTerm } from '../format/text.ts'

// semver.org's own pattern, without build metadata being required.
const semanticVersion =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/
// BCP 47 in its common shape: language, optional script, region and variants.
export const languageTag = /^[a-zA-Z]{2,3}(?:-[a-zA-Z]{4})?(?:-(?:[a-zA-Z]{2}|\d{3}))?(?:-(?:[a-zA-Z\d]{5,8}|\d[a-zA-Z\d]{3}))*$/

/** `YYYY-MM-DD` that is a real calendar day; kept as a string so no timezone can shift it. */
const calendarDate = z
  .string({ error: 'Expected a date written as `YYYY-MM-DD`' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Expected a date written as `YYYY-MM-DD`', abort: true })
  .refine(isCalendarDay, { error: 'Expected a real calendar date' })

function isCalendarDay(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}

const nonEmptyText = z.string({ error: 'Expected text' }).trim().min(1, { error: 'Expected non-empty text' })

export const topicSchema = z.strictObject({
  id: z.string({ error: 'Expected a kebab-case id' }).regex(kebabCaseId, { error: 'Expected a kebab-case id such as `bone-metastases`' }),
  title: nonEmptyText,
  terms: z.array(nonEmptyText.refine(isMatchableTerm, { error: 'Expected a term of words, numbers and punctuation, which every output (PDF text too) can show; no emoji, symbols or invisible characters' }), { error: 'Expected a list of terms' }).min(1, { error: 'Expected at least one term' })
})

export const statuses = ['draft', 'in-review', 'approved'] as const
export const outputKinds = ['deck', 'handout', 'summary'] as const

export const frontMatterSchema = z.strictObject({
  title: nonEmptyText,
  subtitle: nonEmptyText.optional(),
  // The title the handout's and the summary's readers see ("Living with …"); the deck and the index keep `title`.
  'handout-title': nonEmptyText.optional(),
  'summary-title': nonEmptyText.optional(),
  // Who wrote it: the title slide, "About this leaflet" and PDF metadata name them.
  authors: z.array(nonEmptyText, { error: 'Expected a list of author names' }).min(1, { error: 'Expected at least one author, or leave `authors` out' }).optional(),
  version: z
    .string({ error: 'Expected a semantic version such as `1.2.0`' })
    .regex(semanticVersion, { error: 'Expected a semantic version such as `1.2.0`' }),
  updated: calendarDate,
  status: z.enum(statuses, { error: 'Expected `draft`, `in-review` or `approved`' }),
  reviewers: z.array(nonEmptyText, { error: 'Expected a list of reviewer names' }).optional(),
  'next-review': calendarDate.optional(),
  outputs: z
    .array(z.enum(outputKinds, { error: 'Expected `deck`, `handout` or `summary`' }), { error: 'Expected a list of outputs' })
    .min(1, { error: 'Expected at least one output' })
    .refine((list) => new Set(list).size === list.length, { error: 'Unexpected repeated output' })
    .optional(),
  lang: z.string({ error: 'Expected a BCP 47 language tag such as `en`' }).regex(languageTag, { error: 'Expected a BCP 47 language tag such as `en` or `en-GB`' }).optional(),
  topics: z.array(topicSchema, { error: 'Expected a list of topics' }).min(1, { error: 'Expected at least one topic' })
})

export type FrontMatter = z.infer<typeof frontMatterSchema>
export type Topic = z.infer<typeof topicSchema>

/** Front matter with defaults applied: what every later stage reads. */
export interface GuidelineMeta extends Omit<FrontMatter, 'outputs' | 'lang' | 'reviewers' | 'authors'> {
  id: string
  outputs: Array<(typeof outputKinds)[number]>
  lang: string
  reviewers: string[]
  authors: string[]
}

export const frontMatterFields = Object.keys(frontMatterSchema.shape)
