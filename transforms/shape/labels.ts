import type { BlockContent, Blockquote, Paragraph, PhrasingContent, RootContent } from 'mdast'
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

/** The label line decks before issue 15 put first in some notes; no longer written, still dropped by readers of notes. */
export const notesLabel = 'Presenter notes'

export function isApproved(meta: GuidelineMeta): boolean {
  return meta.status === 'approved'
}

/**
 * Strength badges: words, a symbol and (in the themes) a style that differ without colour. The
 * symbols say how strong, not which way: a strong recommendation may be against something ("Do not
 * offer …"), so GRADE's ↑↑/↓↓ arrows would mislead when the direction is not given.
 */
const strengthBadges: Record<string, { text: string; emphasis: 'strong' | 'emphasis' }> = {
  strong: { text: '●● Strong recommendation', emphasis: 'strong' },
  conditional: { text: '●○ Conditional recommendation', emphasis: 'emphasis' }
}
/** GRADE's certainty symbols: filled circles out of four. */
const certaintyLabels: Record<string, string> = { high: '⊕⊕⊕⊕ High certainty', moderate: '⊕⊕⊕◯ Moderate certainty', low: '⊕⊕◯◯ Low certainty', 'very-low': '⊕◯◯◯ Very low certainty' }

/**
 * The badge line of a validated `:::recommendation`: `**●● Strong recommendation** · ⊕⊕⊕◯ Moderate
 * certainty`, or `*●○ Conditional recommendation* · …`. Strong is bold and conditional emphasis, so
 * the themes (Marp without HTML) can set one as a filled badge and the other as an outlined one.
 */
export function recommendationBadge(node: ContainerDirective): Paragraph {
  const strength = strengthBadges[node.attributes?.strength ?? ''] ?? { text: 'Recommendation', emphasis: 'strong' as const }
  const certainty = certaintyLabels[node.attributes?.certainty ?? '']
  const badge: PhrasingContent = { type: strength.emphasis, children: [{ type: 'text', value: strength.text }] }
  return { type: 'paragraph', children: certainty ? [badge, { type: 'text', value: ` · ${certainty}` }] : [badge] }
}

/** "strong recommendation, moderate certainty of evidence": the badge in words, for notes. */
export function recommendationStrengthWords(node: ContainerDirective): string {
  const strength = node.attributes?.strength === 'conditional' ? 'Conditional recommendation' : node.attributes?.strength === 'strong' ? 'Strong recommendation' : 'Recommendation'
  const certainty = (certaintyLabels[node.attributes?.certainty ?? ''] ?? '').replace(/^[⊕◯]+ /, '').toLowerCase()
  return certainty ? `${strength}, ${certainty} of evidence` : strength
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

/** The recommendation as a quote: its badge line, then its text; it carries the word count of the text alone. */
export function recommendationQuote(node: ContainerDirective): Blockquote {
  return { type: 'blockquote', children: [recommendationBadge(node), ...(node.children as BlockContent[])], data: { recommendationWords: countWords(node.children as RootContent[]) } }
}
