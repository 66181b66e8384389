import type { BlockContent, Blockquote, RootContent } from 'mdast'
import type { ContainerDirective } from 'mdast-util-directive'
import { countWords } from './slides.ts'
import { markdownLiteral } from '../format/text.ts'
import type { Audience, GuidelineMeta } from '../types.ts'

declare module 'unist' {
  interface Data {
    /** On the quote made from a `:::recommendation`: the words of its text, without its labels. */
    recommendationWords?: number
  }
}

export const draftMark = 'Draft – not clinically approved'

/** First line of a presenter note whose text would otherwise read as Marp directives (see shape/deck.ts). */
export const notesLabel = 'Presenter notes'

export function isApproved(meta: GuidelineMeta): boolean {
  return meta.status === 'approved'
}

const strengthLabels: Record<string, string> = { strong: 'Strong recommendation', conditional: 'Conditional recommendation' }
const certaintyLabels: Record<string, string> = { high: 'High certainty', moderate: 'Moderate certainty', low: 'Low certainty', 'very-low': 'Very low certainty' }

/** "Strong recommendation · Moderate certainty" for a validated `:::recommendation`. */
export function recommendationLabel(node: ContainerDirective): string {
  const strength = strengthLabels[node.attributes?.strength ?? ''] ?? 'Recommendation'
  const certainty = certaintyLabels[node.attributes?.certainty ?? '']
  return certainty ? `${strength} · ${certainty}` : strength
}

/** A date people read, in the guideline's language; UTC so no timezone shifts the day. */
export function readableDate(isoDate: string, lang: string): string {
  let format = dateFormats.get(lang)
  if (!format) {
    format = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' })
    dateFormats.set(lang, format)
  }
  return format.format(new Date(`${isoDate}T00:00:00Z`))
}

// Building a date format is slow; every output of every guideline needs one.
const dateFormats = new Map<string, Intl.DateTimeFormat>()

/** The title an output's readers see: `handout-title` or `summary-title` when given; the deck keeps `title`. */
export function audienceTitle(meta: Pick<GuidelineMeta, 'title' | 'handout-title' | 'summary-title'>, audience: Audience): string {
  if (audience === 'handout') return meta['handout-title'] ?? meta.title
  if (audience === 'summary') return meta['summary-title'] ?? meta.title
  return meta.title
}

/** The index entry's `titles`: the outputs whose readers see a title of their own. */
export function indexTitles(meta: Pick<GuidelineMeta, 'handout-title' | 'summary-title'>): { titles?: Partial<Record<'handout' | 'summary', string>> } {
  const titles = {
    ...(meta['handout-title'] ? { handout: meta['handout-title'] } : {}),
    ...(meta['summary-title'] ? { summary: meta['summary-title'] } : {})
  }
  return Object.keys(titles).length > 0 ? { titles } : {}
}

/** "Title · v1.2.0 · draft": the line every slide's footer carries, as Marp Markdown (the title reads as text). */
export function footerLine(meta: GuidelineMeta): string {
  return `${markdownLiteral(meta.title)} · v${meta.version} · ${meta.status}`
}

/** `> **Strong recommendation · High certainty.** …`, carrying the word count of the text alone. */
export function recommendationQuote(node: ContainerDirective): Blockquote {
  const label = { type: 'strong' as const, children: [{ type: 'text' as const, value: `${recommendationLabel(node)}.` }] }
  const [first, ...rest] = node.children
  const content: BlockContent[] =
    first?.type === 'paragraph'
      ? [{ type: 'paragraph', children: [label, { type: 'text', value: ' ' }, ...first.children] }, ...(rest as BlockContent[])]
      : [{ type: 'paragraph', children: [label] }, ...(node.children as BlockContent[])]
  return { type: 'blockquote', children: content, data: { recommendationWords: countWords(node.children as RootContent[]) } }
}
