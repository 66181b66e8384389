import type { List, ListItem, Paragraph, PhrasingContent, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { countBullets, countWords } from './slide-counts.ts'
import { fitsSlide } from './layout/slide-fit.ts'
import { withSizeCache } from './layout/block-height.ts'
import { continuationTitles, measuringTitle } from './slide-titles.ts'
import { englishLabels, type Labels } from '../catalogue/labels.ts'

declare module 'mdast' {
  interface ListData {
    /** A list guidepress writes (agenda, key messages): not the author's bullets, so density does not count it. */
    generated?: boolean
  }
}

export { countBullets, countWords }

/** The spec's cap on a slide body (source-format § Quality gates): packing never passes it. */
export const slideLimits = { bullets: 6, words: 60 } as const

/**
 * A recommendation is never refused for density: it is shown whole, in its official wording, in
 * the body type; one that does not fit one slide continues on the next (see recommendation-slides.ts).
 * Over `words` it is an error.
 */
export const recommendationLimits = { words: 150 } as const

/** A slide bullet over this many words is a warning (the density gate). */
export const longBulletWords = 25

/** The most slides one deck may have: past it, a guideline is too long to present (and to build quickly). */
export const deckSlideLimit = 200

/** A caption is one short sentence directly before a table or list: at most this many words. */
export const captionWords = 15

export interface Slide {
  title: string
  children: RootContent[]
}

/** A piece of a section that goes onto a slide whole. */
export interface Unit {
  node: RootContent
  bullets: number
  words: number
  /** The list a split item came from, so neighbours on one slide rejoin into one list. */
  list?: List
  /** The number an ordered item shows, so a continued list keeps counting. */
  start?: number
  alone?: boolean
  breakBefore?: boolean
  /** What a slide that starts with this unit is about: a `###` heading, a caption, a figure's title or alt text. */
  label?: string
  /** A `###` heading or a caption: kept with what follows; when it starts a later slide, it becomes the title. */
  keepWithNext?: boolean
  /** The `###` heading this unit comes under. */
  under?: string
}

/**
 * Packs a section's blocks onto as few slides as the theme's type fits (measured by the layout
 * model) within the spec's bullet and word cap: lists split between items, long paragraphs
 * between sentences, images on a slide of their own. The slides of a run are balanced (seven
 * bullets become four and three, not six and one). A later slide is titled from the source
 * (slide-titles.ts).
 */
export function packSlides(title: string, blocks: RootContent[], labels: Labels = englishLabels): Slide[] {
  const pages = splitAtBreaks(toUnits(blocks)).flatMap((run) => packBalanced(title, run, labels))
  return continuationTitles(title, pages, labels).map((pageTitle, index) => ({ title: pageTitle, children: pageBody(pages[index] ?? [], index > 0) }))
}

/** The blocks a page shows: a label that became its title is not repeated under it. */
function pageBody(page: Unit[], continuation: boolean): RootContent[] {
  const first = page[0]
  return joinLists(continuation && first?.keepWithNext && page.length > 1 ? page.slice(1) : page)
}

/** Runs of units between forced breaks; an image is a run of its own. */
function splitAtBreaks(units: Unit[]): Unit[][] {
  const runs: Unit[][] = [[]]
  for (const unit of units) {
    if (unit.breakBefore || unit.alone) runs.push([])
    if (!unit.breakBefore) runs.at(-1)?.push(unit)
    if (unit.alone) runs.push([])
  }
  return runs.filter((run) => run.length > 0)
}

type Limits = { bullets: number; words: number }

/** The fewest slides greedy packing needs, then the smallest caps that still need no more. */
function packBalanced(title: string, units: Unit[], labels: Labels): Unit[][] {
  // Greedy and balanced packing measure the same blocks on every stretch they try.
  return withSizeCache(() => packRun(title, units, labels))
}

function packRun(title: string, units: Unit[], labels: Labels): Unit[][] {
  const fits = pageFits(title, units, labels)
  const greedy = packGreedy(units, slideLimits, fits)
  // Balancing could move a caption or `###` heading off the top of the slide it titles: runs with one stay greedy.
  if (greedy.length <= 1 || units.some((unit) => unit.keepWithNext)) return greedy
  const count = greedy.length
  for (let words = Math.ceil(sum(units, 'words') / count); words <= slideLimits.words; words++) {
    for (let bullets = Math.ceil(sum(units, 'bullets') / count); bullets <= slideLimits.bullets; bullets++) {
      const pages = packGreedy(units, { bullets, words }, fits)
      if (pages.length === count) return pages
    }
  }
  return greedy
}

/** Whether a page of units, the stretch of `length` units of the run from `start` (a page and the unit it would take), fits under its title, and within the caps. */
type PageFits = (start: number, length: number, firstPage: boolean, limits: Limits) => boolean

/**
 * `PageFits` for the units of one run. A page is always a stretch of the run, so the layout model's
 * answer for a stretch is kept: balancing tries many caps, and the same stretches come up again.
 * The caps are checked on running totals, so no try copies or adds up a page.
 */
function pageFits(title: string, units: Unit[], labels: Labels): PageFits {
  const bullets = runningTotals(units, 'bullets')
  const words = runningTotals(units, 'words')
  const measured = new Map<number, boolean>()
  return (start, length, firstPage, limits) => {
    const end = start + length
    // A later page's `###` heading or caption becomes its title, so only the rest is its body.
    const titledByFirst = !firstPage && (units[start] as Unit).keepWithNext === true && length > 1
    const bodyStart = titledByFirst ? start + 1 : start
    if ((bullets[end] as number) - (bullets[bodyStart] as number) > limits.bullets || (words[end] as number) - (words[bodyStart] as number) > limits.words) return false
    const key = (start * (units.length + 1) + length) * 2 + (firstPage ? 1 : 0)
    let fits = measured.get(key)
    if (fits === undefined) {
      const next = units.slice(start, end)
      fits = fitsSlide(measuringTitle(title, next, firstPage, labels), joinLists(titledByFirst ? next.slice(1) : next))
      measured.set(key, fits)
    }
    return fits
  }
}

/** `totals[i]`: the units before the i-th, added up. */
function runningTotals(units: Unit[], key: 'bullets' | 'words'): number[] {
  const totals = [0]
  for (const unit of units) totals.push((totals.at(-1) as number) + (unit[key] ?? 0))
  return totals
}

/** Fills each page until the next unit does not fit; pages are stretches of the run, in order. */
function packGreedy(units: Unit[], limits: Limits, fits: PageFits): Unit[][] {
  const pages: Unit[][] = [[]]
  units.forEach((unit, index) => {
    const page = pages.at(-1) as Unit[]
    if (page.length > 0 && !fits(index - page.length, page.length + 1, pages.length === 1, limits)) {
      pages.push([])
      moveKeptWithNext(pages)
    }
    pages.at(-1)?.push(unit)
  })
  return pages
}

function sum(units: Array<{ words: number; bullets?: number }>, key: 'bullets' | 'words'): number {
  return units.reduce((total, unit) => total + (unit[key] ?? 0), 0)
}

/** A `###` heading or caption left last on a slide belongs with what follows it. */
function moveKeptWithNext(pages: Unit[][]): void {
  const previous = pages.at(-2)
  const current = pages.at(-1)
  if (!previous || !current || previous.length < 2) return
  if (previous.at(-1)?.keepWithNext) current.push(previous.pop() as Unit)
}

/** The units of a section's blocks, each knowing the `###` it comes under and what it is captioned. */
export function toUnits(blocks: RootContent[]): Unit[] {
  const units: Unit[] = []
  let under: string | undefined
  blocks.forEach((node, index) => {
    const next = blocks[index + 1]
    if (node.type === 'heading') {
      under = toString(node)
      units.push({ node, bullets: 0, words: countWords(node), label: under, keepWithNext: true })
      return
    }
    const add = (unit: Unit): void => {
      units.push(under === undefined ? unit : { ...unit, under })
    }
    if (node.type === 'thematicBreak') return add({ node, bullets: 0, words: 0, breakBefore: true })
    if (node.type === 'list') {
      let number = node.start ?? 1
      for (const item of node.children) add({ node: item, bullets: countBullets(item), words: countWords(item), list: node, start: number++ })
      return
    }
    if (node.type === 'paragraph' && node.children.some((child) => child.type === 'image')) return add({ node, bullets: 0, words: 0, alone: true, label: figureLabel(node) })
    if (isCaption(node, next)) return add({ node, bullets: 0, words: countWords(node), label: toString(node).replace(/[.:]\s*$/, ''), keepWithNext: true })
    if (node.type === 'paragraph' && countWords(node) > slideLimits.words) {
      for (const sentence of splitSentences(node)) add({ node: sentence, bullets: 0, words: countWords(sentence) })
      return
    }
    add({ node, bullets: countBullets(node), words: countWords(node) })
  })
  return units
}

/** A caption: one sentence of at most `captionWords` words directly before a table or list. */
export function isCaption(node: RootContent, next: RootContent | undefined): boolean {
  if (node.type !== 'paragraph' || (next?.type !== 'table' && next?.type !== 'list')) return false
  const text = toString(node).trim()
  return countWords(node) <= captionWords && !/[.!?:]\s+\S/.test(text) && node.children.every((child) => child.type !== 'image')
}

/** A figure's label longer than this many words is cut at its first clause (or after this many words). */
export const figureLabelWords = 8

/**
 * A figure's label: the image's title when it has one, else the first sentence of its alt text;
 * a sentence over `figureLabelWords` words gives its first clause (before `:`, `,` or `;`) when that
 * has at least three words, else its first words and "…".
 */
export function figureLabel(paragraph: Paragraph): string | undefined {
  const image = paragraph.children.find((child) => child.type === 'image')
  if (!image) return undefined
  const sentence = (image.title ?? image.alt ?? '').trim().split(/(?<=[.!?])\s+/)[0]?.replace(/[.:]$/, '') ?? ''
  const words = sentence.split(/\s+/).filter(Boolean)
  if (words.length <= figureLabelWords) return sentence || undefined
  const clause = sentence.split(/[:,;]\s/)[0] ?? ''
  const clauseWords = clause.split(/\s+/).filter(Boolean).length
  return clauseWords >= 3 && clauseWords <= figureLabelWords ? clause : `${words.slice(0, figureLabelWords).join(' ')}…`
}

/** Rejoins list items that came from one list and landed on one slide. */
export function joinLists(page: Unit[]): RootContent[] {
  const children: RootContent[] = []
  let open: { source: List; list: List } | undefined
  for (const unit of page) {
    if (unit.list && unit.node.type === 'listItem') {
      if (open?.source !== unit.list) {
        const list: List = { ...unit.list, children: [] }
        if (unit.list.ordered) list.start = unit.start ?? 1
        open = { source: unit.list, list }
        children.push(list)
      }
      open.list.children.push(unit.node as ListItem)
      continue
    }
    open = undefined
    children.push(unit.node)
  }
  return children
}

/** Sentence ends that fall in plain text: punctuation, space, a capital. */
export const sentenceBoundary = /(?<=[.!?])\s+(?=[A-Z])/

/** Splits a paragraph after sentence ends that fall in plain text (citation marks stay with their sentence). */
export function splitSentences(paragraph: Paragraph): Paragraph[] {
  return splitParagraph(paragraph, sentenceBoundary)
}

/** Splits a paragraph's plain text at `boundary` (a zero-width-ended pattern: the space it matches is dropped). */
export function splitParagraph(paragraph: Paragraph, boundary: RegExp): Paragraph[] {
  const pieces: PhrasingContent[][] = [[]]
  let sentenceEnded = false
  for (const child of paragraph.children) {
    if (child.type !== 'text' || child.data?.citation) {
      pieces.at(-1)?.push(child)
      continue
    }
    // A sentence that ends in citation marks (`…care.¹ Next`): the break is at the start of the next text.
    const afterCitation = boundary === sentenceBoundary && sentenceEnded && isCitation(pieces.at(-1)?.at(-1)) && /^\s+[A-Z]/.test(child.value)
    if (afterCitation) pieces.push([])
    sentenceEnded = /[.!?]$/.test(child.value)
    ;(afterCitation ? child.value.trimStart() : child.value).split(boundary).forEach((piece, index) => {
      if (index > 0) pieces.push([])
      if (piece !== '') pieces.at(-1)?.push({ type: 'text', value: piece })
    })
  }
  // Each piece keeps the paragraph's place in the source, so a message about its slide can point there.
  return pieces.filter((children) => children.length > 0).map((children) => ({ type: 'paragraph', children, position: paragraph.position }))
}

function isCitation(node: PhrasingContent | undefined): boolean {
  return node?.type === 'text' && node.data?.citation === true
}
