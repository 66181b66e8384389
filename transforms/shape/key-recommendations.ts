import type { PhrasingContent, RootContent, Table, TableRow } from 'mdast'
import type { ContainerDirective } from 'mdast-util-directive'
import { toString } from 'mdast-util-to-string'
import { recommendationBadge } from './labels.ts'
import type { Labels } from '../catalogue/labels.ts'
import type { Section } from '../types.ts'

/** A recommendation this short is shown whole in the panel; a longer one by its first sentence. */
export const panelWholeWords = 30

/**
 * "Key recommendations": one table row per recommendation, in document order: the section it
 * belongs to, its text (whole when short, else its first sentence and "…"), and its strength and
 * certainty badge (the same as above the recommendation itself). Empty when the summary has no recommendations. Reads the sections before
 * citations are numbered: the panel carries no citation marks, the sections below do.
 */
export function keyRecommendationsPanel(sections: readonly Section[], labels: Labels): RootContent[] {
  const rows: TableRow[] = []
  for (const section of sections) {
    for (const node of section.children) {
      if (node.type !== 'containerDirective' || node.name !== 'recommendation') continue
      rows.push(row([text(section.title), text(panelText(node, labels.lang)), recommendationBadge(node, labels).children]))
    }
  }
  if (rows.length === 0) return []
  const table: Table = { type: 'table', align: [null, null, null], children: [row([text(labels.text('panelSection')), text(labels.text('panelRecommendation')), text(labels.text('panelStrengthCertainty'))]), ...rows] }
  return [{ type: 'heading', depth: 2, children: [{ type: 'text', value: labels.text('keyRecommendations') }] }, table]
}

function row(cells: PhrasingContent[][]): TableRow {
  return { type: 'tableRow', children: cells.map((children) => ({ type: 'tableCell', children })) }
}

function text(value: string): PhrasingContent[] {
  return [{ type: 'text', value }]
}

/** The recommendation's text on one line: whole when short, else its first sentence. */
export function panelText(node: ContainerDirective, lang: string): string {
  const text = node.children
    .map((child) => toString(child))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim()
  if (words(text) <= panelWholeWords) return text
  const first = firstSentence(text, lang)
  return first.length < text.length ? `${first} …` : text
}

function firstSentence(text: string, lang: string): string {
  for (const { segment } of segmenterFor(lang).segment(text)) return segment.trim()
  return text
}

// Building an Intl segmenter is slow, and each long recommendation needs one: one per language.
const segmenters = new Map<string, Intl.Segmenter>()

function segmenterFor(lang: string): Intl.Segmenter {
  let segmenter = segmenters.get(lang)
  if (!segmenter) {
    segmenter = new Intl.Segmenter(lang, { granularity: 'sentence' })
    segmenters.set(lang, segmenter)
  }
  return segmenter
}

function words(text: string): number {
  return text.split(' ').filter((word) => word !== '').length
}
