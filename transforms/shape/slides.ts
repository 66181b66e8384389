import type { List, ListItem, Paragraph, PhrasingContent, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { visit } from 'unist-util-visit'

/** The most a slide body holds before the rest continues on a next slide. */
export const slideLimits = { bullets: 6, words: 60 } as const

/**
 * A recommendation is never split or refused for density: it is shown whole, in its official
 * wording. Up to `fullSize` words it shares a slide at full size; longer, it gets a slide of its
 * own in smaller type (`long`, then `longer`: the theme's `long-recommendation` and
 * `longer-recommendation`, no smaller than 24 px at 1280×720); over `words` it is an error.
 */
export const recommendationLimits = { fullSize: slideLimits.words, long: 100, words: 150 } as const

/** The most slides one deck may have: past it, a guideline is too long to present (and to build quickly). */
export const deckSlideLimit = 200

export interface Slide {
  title: string
  children: RootContent[]
}

/** A piece of a section that goes onto a slide whole. */
interface Unit {
  node: RootContent
  bullets: number
  words: number
  /** The list a split item came from, so neighbours on one slide rejoin into one list. */
  list?: List
  /** The number an ordered item shows, so a continued list keeps counting. */
  start?: number
  alone?: boolean
  breakBefore?: boolean
}

export function countWords(node: RootContent | RootContent[]): number {
  const nodes = Array.isArray(node) ? node : [node]
  return nodes.reduce((sum, each) => sum + toString(each).split(/\s+/).filter(Boolean).length, 0)
}

export function countBullets(node: RootContent | RootContent[]): number {
  let bullets = 0
  for (const each of Array.isArray(node) ? node : [node]) {
    visit(each, (child) => {
      if (child.type === 'listItem' || child.type === 'tableRow') bullets++
    })
  }
  return bullets
}

/**
 * Packs a section's blocks onto as few slides as keep each within the limits: lists split
 * between items, long paragraphs between sentences, images on a slide of their own. The slides
 * of a run are balanced (seven bullets become four and three, not six and one). Later slides are
 * titled "… (continued)".
 */
export function packSlides(title: string, blocks: RootContent[]): Slide[] {
  const pages = splitAtBreaks(blocks.flatMap(toUnits)).flatMap(packBalanced)
  return pages.map((page, index) => ({ title: index === 0 ? title : `${title} (continued)`, children: joinLists(page) }))
}

type Limits = { bullets: number; words: number }

/** A recommendation ready for a slide, with the words of its own text (its labels do not count). */
export interface RecommendationUnit {
  node: RootContent
  words: number
}

export interface RecommendationPage {
  children: RootContent[]
  /** The theme class that sets a long recommendation in smaller type; absent at full size. */
  size?: 'long-recommendation' | 'longer-recommendation'
}

/**
 * Recommendations onto slides: short ones share slides within the word limit (labels not
 * counted), a long one has a slide to itself in a smaller type size. None is ever split.
 */
export function packRecommendations(units: RecommendationUnit[]): RecommendationPage[] {
  const pages: RecommendationPage[] = []
  let shared: RecommendationUnit[] = []
  const flush = (): void => {
    if (shared.length > 0) pages.push({ children: shared.map((unit) => unit.node) })
    shared = []
  }
  for (const unit of units) {
    if (unit.words > recommendationLimits.fullSize) {
      flush()
      pages.push({ children: [unit.node], size: unit.words > recommendationLimits.long ? 'longer-recommendation' : 'long-recommendation' })
      continue
    }
    const crowded = sum(shared, 'words') + unit.words > slideLimits.words || countBullets(shared.map((each) => each.node)) + countBullets(unit.node) > slideLimits.bullets
    if (shared.length > 0 && crowded) flush()
    shared.push(unit)
  }
  flush()
  return pages
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

/** The fewest slides greedy packing needs, then the smallest limits that still need no more. */
function packBalanced(units: Unit[]): Unit[][] {
  const greedy = packGreedy(units, slideLimits)
  if (greedy.length <= 1) return greedy
  const count = greedy.length
  for (let words = Math.ceil(sum(units, 'words') / count); words <= slideLimits.words; words++) {
    for (let bullets = Math.ceil(sum(units, 'bullets') / count); bullets <= slideLimits.bullets; bullets++) {
      const pages = packGreedy(units, { bullets, words })
      if (pages.length === count) return pages
    }
  }
  return greedy
}

function packGreedy(units: Unit[], limits: Limits): Unit[][] {
  const pages: Unit[][] = [[]]
  for (const unit of units) {
    const page = pages.at(-1) as Unit[]
    const fits = sum(page, 'bullets') + unit.bullets <= limits.bullets && sum(page, 'words') + unit.words <= limits.words
    if (page.length > 0 && !fits) {
      pages.push([])
      moveTrailingHeading(pages)
    }
    pages.at(-1)?.push(unit)
  }
  return pages
}

function sum(units: Array<{ words: number; bullets?: number }>, key: 'bullets' | 'words'): number {
  return units.reduce((total, unit) => total + (unit[key] ?? 0), 0)
}

/** A `###` heading left last on a slide belongs with what follows it. */
function moveTrailingHeading(pages: Unit[][]): void {
  const previous = pages.at(-2)
  const current = pages.at(-1)
  if (!previous || !current || previous.length < 2) return
  if (previous.at(-1)?.node.type === 'heading') current.push(previous.pop() as Unit)
}

function toUnits(node: RootContent): Unit[] {
  if (node.type === 'thematicBreak') return [{ node, bullets: 0, words: 0, breakBefore: true }]
  if (node.type === 'list') {
    let number = node.start ?? 1
    return node.children.map((item) => ({ node: item, bullets: countBullets(item), words: countWords(item), list: node, start: number++ }))
  }
  if (node.type === 'paragraph' && node.children.some((child) => child.type === 'image')) {
    return [{ node, bullets: 0, words: 0, alone: true }]
  }
  if (node.type === 'paragraph' && countWords(node) > slideLimits.words) {
    return splitSentences(node).map((sentence) => ({ node: sentence, bullets: 0, words: countWords(sentence) }))
  }
  return [{ node, bullets: countBullets(node), words: countWords(node) }]
}

/** Rejoins list items that came from one list and landed on one slide. */
function joinLists(page: Unit[]): RootContent[] {
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

/** Splits a long paragraph after sentence ends that fall in plain text. */
function splitSentences(paragraph: Paragraph): Paragraph[] {
  const sentences: PhrasingContent[][] = [[]]
  for (const child of paragraph.children) {
    if (child.type !== 'text') {
      sentences.at(-1)?.push(child)
      continue
    }
    const pieces = child.value.split(/(?<=[.!?])\s+(?=[A-Z])/)
    pieces.forEach((piece, index) => {
      if (index > 0) sentences.push([])
      sentences.at(-1)?.push({ type: 'text', value: piece })
    })
  }
  // Each piece keeps the paragraph's place in the source, so a message about its slide can point there.
  return sentences.filter((children) => children.length > 0).map((children) => ({ type: 'paragraph', children, position: paragraph.position }))
}
