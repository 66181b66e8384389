import type { BlockContent, Blockquote } from 'mdast'
import type { ContainerDirective } from 'mdast-util-directive'
import { markdownLiteral } from './text.ts'
import type { GuidelineMeta } from './types.ts'

export const draftMark = 'Draft – not clinically approved'

/** First line of a presenter note whose text would otherwise read as Marp directives (see shape-deck.ts). */
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

/** "Title · v1.2.0 · draft": the line every slide's footer carries, as Marp Markdown (the title reads as text). */
export function footerLine(meta: GuidelineMeta): string {
  return `${markdownLiteral(meta.title)} · v${meta.version} · ${meta.status}`
}

/** `> **Strong recommendation · High certainty.** …` */
export function recommendationQuote(node: ContainerDirective): Blockquote {
  const label = { type: 'strong' as const, children: [{ type: 'text' as const, value: `${recommendationLabel(node)}.` }] }
  const [first, ...rest] = node.children
  const content: BlockContent[] =
    first?.type === 'paragraph'
      ? [{ type: 'paragraph', children: [label, { type: 'text', value: ' ' }, ...first.children] }, ...(rest as BlockContent[])]
      : [{ type: 'paragraph', children: [label] }, ...(node.children as BlockContent[])]
  return { type: 'blockquote', children: content }
}
