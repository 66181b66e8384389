import type { BlockContent, Blockquote, Paragraph, PhrasingContent, RootContent } from 'mdast'
import type { ContainerDirective } from 'mdast-util-directive'
import { countWords } from './slides.ts'
import { markdownLiteral } from '../format/text.ts'
import type { Audience, GuidelineMeta } from '../types.ts'
import type { Labels } from '../catalogue/labels.ts'
import type { PlainKey } from '../catalogue/en.ts'

declare module 'unist' {
  interface Data {
    /** On the quote made from a `:::recommendation`: the words of its text, without its labels. */
    recommendationWords?: number
  }
}

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
const strengthBadges: Record<string, { symbol: string; key: PlainKey; emphasis: 'strong' | 'emphasis' }> = {
  strong: { symbol: '●●', key: 'strengthStrong', emphasis: 'strong' },
  conditional: { symbol: '●○', key: 'strengthConditional', emphasis: 'emphasis' }
}
/** GRADE's certainty symbols (filled circles out of four), the badge's words and the notes' words. */
const certaintyLabels: Record<string, { symbol: string; key: PlainKey; noteKey: PlainKey }> = {
  high: { symbol: '⊕⊕⊕⊕', key: 'certaintyHigh', noteKey: 'noteCertaintyHigh' },
  moderate: { symbol: '⊕⊕⊕◯', key: 'certaintyModerate', noteKey: 'noteCertaintyModerate' },
  low: { symbol: '⊕⊕◯◯', key: 'certaintyLow', noteKey: 'noteCertaintyLow' },
  'very-low': { symbol: '⊕◯◯◯', key: 'certaintyVeryLow', noteKey: 'noteCertaintyVeryLow' }
}

/**
 * The badge line of a validated `:::recommendation`: `**●● Strong recommendation** · ⊕⊕⊕◯ Moderate
 * certainty`, or `*●○ Conditional recommendation* · …`, in the guideline's language. Strong is bold
 * and conditional emphasis, so the themes (Marp without HTML) can set one as a filled badge and the
 * other as an outlined one.
 */
export function recommendationBadge(node: ContainerDirective, labels: Labels): Paragraph {
  const strength = strengthBadges[node.attributes?.strength ?? '']
  const certainty = certaintyLabels[node.attributes?.certainty ?? '']
  const words = strength ? `${strength.symbol} ${labels.text(strength.key)}` : labels.text('strengthUnknown')
  const badge: PhrasingContent = { type: strength?.emphasis ?? 'strong', children: [{ type: 'text', value: words }] }
  return { type: 'paragraph', children: certainty ? [badge, { type: 'text', value: ` · ${certainty.symbol} ${labels.text(certainty.key)}` }] : [badge] }
}

/** "Strong recommendation, moderate certainty of evidence": the badge in words, for notes. */
export function recommendationStrengthWords(node: ContainerDirective, labels: Labels): string {
  const strength = labels.text(strengthBadges[node.attributes?.strength ?? '']?.key ?? 'strengthUnknown')
  const certainty = certaintyLabels[node.attributes?.certainty ?? '']
  return certainty ? labels.text('noteStrengthCertainty', { strength, certainty: labels.text(certainty.noteKey) }) : strength
}

/** The status word of a guideline ("draft"), in its language. */
export function statusWord(meta: Pick<GuidelineMeta, 'status'>, labels: Labels): string {
  return labels.text(meta.status === 'approved' ? 'statusApproved' : meta.status === 'in-review' ? 'statusInReview' : 'statusDraft')
}

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
export function footerLine(meta: GuidelineMeta, labels: Labels): string {
  return labels.text('deckFooter', { title: markdownLiteral(meta.title), version: meta.version, status: markdownLiteral(statusWord(meta, labels)) })
}

/** The recommendation as a quote: its badge line, then its text; it carries the word count of the text alone. */
export function recommendationQuote(node: ContainerDirective, labels: Labels): Blockquote {
  return { type: 'blockquote', children: [recommendationBadge(node, labels), ...(node.children as BlockContent[])], data: { recommendationWords: countWords(node.children as RootContent[]) } }
}
