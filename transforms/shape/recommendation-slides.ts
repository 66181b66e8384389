import type { Blockquote, BlockContent, FootnoteDefinition, Paragraph, PhrasingContent, RootContent } from 'mdast'
import type { ContainerDirective } from 'mdast-util-directive'
import { toString } from 'mdast-util-to-string'
import { visit } from '../visit.ts'
import { recommendationBadge, recommendationQuote, recommendationStrengthWords } from './labels.ts'
import { englishLabels, type Labels } from '../catalogue/labels.ts'
import { fitsSlide } from './layout/slide-fit.ts'
import { splitParagraph, splitSentences } from './slides.ts'

declare module 'unist' {
  interface Data {
    /** On a quote that holds one part of a recommendation too long for one slide: which part (1-based). */
    recommendationPart?: number
  }
}

export interface RecommendationSlide {
  title: string
  children: RootContent[]
  notes: RootContent[]
}

interface Placed {
  number: number
  directive: ContainerDirective
  quotes: Blockquote[]
}

/**
 * A section's recommendations onto slides, in the body type: as many whole ones share a slide as
 * fit it; one that does not fit a slide alone continues on the next, split between sentences,
 * each part under its badge and titled "(part 1 of 2)". When a section's recommendations take more
 * than one slide, titles number them ("Recommendations 1–2: …"). Each slide's notes give each
 * recommendation's strength, certainty and the sources it cites.
 */
export function recommendationSlides(section: string, directives: ContainerDirective[], references: FootnoteDefinition[], labels: Labels = englishLabels): RecommendationSlide[] {
  const last = directives.length
  const longest = labels.text('partTitle', { title: labels.text('recommendationsTitle', { from: last, to: last, section }), n: 9, total: 9 })
  const placed: Placed[] = directives.map((directive, index) => ({ number: index + 1, directive, quotes: recommendationParts(directive, longest, labels) }))
  const pages: Placed[][] = []
  for (const each of placed) {
    const page = pages.at(-1)
    const whole = each.quotes.length === 1
    const shares = page !== undefined && page.every((other) => other.quotes.length === 1) && whole && fitsSlide(longest, [...page, each].flatMap((other) => other.quotes))
    if (shares) page.push(each)
    else pages.push([each])
  }
  const numbered = pages.length > 1
  return pages.flatMap((page) => {
    const first = page[0] as Placed
    const last = page.at(-1) as Placed
    const title = !numbered
      ? labels.text(page.length > 1 ? 'recommendationsPlainTitle' : 'recommendationTitle', { section })
      : page.length > 1
        ? labels.text('recommendationsTitle', { from: first.number, to: last.number, section })
        : labels.text('recommendationNumberedTitle', { n: first.number, section })
    const notes = page.map((each) => recommendationNote(each, references, numbered, labels))
    if (first.quotes.length === 1) return [{ title, children: page.flatMap((each) => each.quotes), notes }]
    return first.quotes.map((quote, index) => ({ title: labels.text('partTitle', { title, n: index + 1, total: first.quotes.length }), children: [quote], notes }))
  })
}

/** The recommendation as one quote, or as parts split between sentences when it does not fit one slide. */
function recommendationParts(directive: ContainerDirective, title: string, labels: Labels): Blockquote[] {
  const whole = recommendationQuote(directive, labels)
  if (fitsSlide(title, [whole])) return [whole]
  const sentenceOf = new Map<BlockContent, Paragraph>()
  const pieces: BlockContent[] = []
  for (const block of directive.children as BlockContent[]) {
    if (block.type !== 'paragraph') pieces.push(block)
    else
      for (const piece of fittingPieces(directive, block, title, labels)) {
        sentenceOf.set(piece, block)
        pieces.push(piece)
      }
  }
  const parts: BlockContent[][] = [[]]
  for (const piece of pieces) {
    const current = parts.at(-1) as BlockContent[]
    if (current.length > 0 && !fitsSlide(title, [partQuote(directive, [...current, piece], whole, sentenceOf, labels)])) parts.push([])
    parts.at(-1)?.push(piece)
  }
  return parts.map((part, index) => ({ ...partQuote(directive, part, whole, sentenceOf, labels), data: { ...whole.data, recommendationPart: index + 1 } }))
}

/**
 * A paragraph in pieces that each fit a slide under the badge: its sentences; a sentence too long
 * for that, at its clause ends (after `;`, `:` or `,`); a clause still too long, between words.
 */
function fittingPieces(directive: ContainerDirective, paragraph: Paragraph, title: string, labels: Labels): Paragraph[] {
  const fits = (piece: Paragraph): boolean => fitsSlide(title, [{ type: 'blockquote', children: [recommendationBadge(directive, labels), piece], data: { recommendationWords: 0 } }])
  const refine = (pieces: Paragraph[], boundary: RegExp): Paragraph[] => pieces.flatMap((piece) => (fits(piece) ? [piece] : splitParagraph(piece, boundary)))
  const clauses = refine(splitSentences(paragraph), /(?<=[;:,])\s+/)
  return refine(clauses, /\s+/)
}

/** A quote of a part: the badge, then its sentences rejoined into their paragraphs. */
function partQuote(directive: ContainerDirective, pieces: BlockContent[], whole: Blockquote, sentenceOf: Map<BlockContent, Paragraph>, labels: Labels): Blockquote {
  const children: BlockContent[] = [recommendationBadge(directive, labels)]
  let open: { source: Paragraph; paragraph: Paragraph } | undefined
  for (const piece of pieces) {
    const source = sentenceOf.get(piece)
    if (piece.type === 'paragraph' && source) {
      if (open?.source === source) open.paragraph.children.push({ type: 'text', value: ' ' }, ...piece.children)
      else {
        open = { source, paragraph: { type: 'paragraph', children: [...piece.children], position: source.position } }
        children.push(open.paragraph)
      }
      continue
    }
    open = undefined
    children.push(piece)
  }
  return { type: 'blockquote', children, data: whole.data }
}

/** "Recommendation 2: Strong recommendation, moderate certainty of evidence. Sources: (1) …; (3) …", on one line. */
function recommendationNote(each: Placed, references: FootnoteDefinition[], numbered: boolean, labels: Labels): Paragraph {
  const cited = citedNumbers(each.directive)
  const byNumber = new Map(references.map((definition, index) => [definition.data?.referenceNumber ?? index + 1, definition]))
  const list = cited.map((number) => `(${number}) ${toString(byNumber.get(number) ?? { type: 'text', value: '' }).trim().replace(/[^.!?]$/, '$&.')}`).join(' ')
  const sources = cited.length === 0 ? labels.text('noteNoSources') : labels.text('noteSources', { sources: list })
  const text = `${recommendationStrengthWords(each.directive, labels)}. ${sources}`
  const children: PhrasingContent[] = [{ type: 'text', value: numbered ? labels.text('noteNumbered', { n: each.number, text }) : text }]
  return { type: 'paragraph', children, data: { oneLine: true } }
}

const superscripts = '⁰¹²³⁴⁵⁶⁷⁸⁹'

/** The reference numbers a recommendation's citation marks show, in order, once each. */
function citedNumbers(directive: ContainerDirective): number[] {
  const numbers = new Set<number>()
  visit(directive, 'text', (node) => {
    if (!node.data?.citation) return
    const digits = [...node.value].map((character) => superscripts.indexOf(character)).filter((digit) => digit >= 0)
    if (digits.length > 0) numbers.add(Number(digits.join('')))
  })
  return [...numbers]
}
