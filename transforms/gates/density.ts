import type { Root, RootContent } from 'mdast'
import type { Position } from 'unist'
import { visit } from '../visit.ts'
import type { VFile } from 'vfile'
import { reportError, reportWarning } from '../messages.ts'
import { countBullets, countWords, deckSlideLimit, longBulletWords, recommendationLimits, slideLimits } from '../shape/slides.ts'
import { firstPosition } from '../format/text.ts'
import { toString } from 'mdast-util-to-string'
import { bodyHeight, bodyRoom, fitsSlide, type SlideLayout } from '../shape/layout/slide-fit.ts'
import { slideTheme } from '../shape/layout/theme-metrics.ts'

export { longBulletWords }

export interface SlideFigures {
  slides: number
  mostBullets: number
  mostWords: number
  longBullets: number
}

/** The slides of a deck tree: the runs between thematic breaks, without their title heading and comments. */
export function slideBodies(deck: Root): RootContent[][] {
  return deckSlides(deck).map((slide) => slide.body)
}

interface DeckSlideParts {
  title: string
  body: RootContent[]
  layout: SlideLayout
}

/** Each slide's title, body and the layout its `_class` gives (two columns, reference type). */
function deckSlides(deck: Root): DeckSlideParts[] {
  const slides: RootContent[][] = [[]]
  for (const node of deck.children) {
    if (node.type === 'yaml') continue
    if (node.type === 'thematicBreak') slides.push([])
    else slides.at(-1)?.push(node)
  }
  return slides.map((slide) => {
    const titleIndex = slide.findIndex((node) => node.type === 'heading')
    const classes = slide.flatMap((node) => (node.type === 'html' ? (/_class:\s*([^>]*?)\s*-->/.exec(node.value)?.[1]?.split(/\s+/) ?? []) : []))
    return {
      title: titleIndex >= 0 ? toString(slide[titleIndex] as RootContent) : '',
      body: slide.filter((node, index) => index !== titleIndex && node.type !== 'html'),
      layout: { columns: classes.includes('two-columns') ? 2 : 1, references: classes.includes('references') }
    }
  })
}

/** Lists guidepress writes (agenda, key messages, references) are navigation, not the author's bullets. */
function isGeneratedList(node: RootContent): boolean {
  return node.type === 'list' && Boolean(node.data?.generated || node.data?.references)
}

/**
 * Slides stay readable: after splitting no slide may exceed the limits (an error at its first
 * block's source line), and a single bullet over 25 words is a warning at its line. A
 * recommendation is shown whole, so it never counts against a slide's limits; only one longer
 * than any slide can show is an error. A deck longer than anyone can present is an error too.
 */
export function checkSlideDensity(file: VFile, deck: Root): SlideFigures {
  const figures: SlideFigures = { slides: 0, mostBullets: 0, mostWords: 0, longBullets: 0 }
  const slides = deckSlides(deck)
  const bodies = slides.map((slide) => slide.body)
  for (const { title, body, layout } of slides) {
    figures.slides += 1
    const content = body.filter((node) => node.data?.recommendationWords === undefined && !isGeneratedList(node))
    checkHeight(file, title, body, layout)
    checkRecommendations(file, body)
    const bullets = countBullets(content)
    const words = countWords(content)
    figures.mostBullets = Math.max(figures.mostBullets, bullets)
    figures.mostWords = Math.max(figures.mostWords, words)
    if (bullets > slideLimits.bullets || words > slideLimits.words) {
      reportError(file, `Unexpected overfull slide (${bullets} bullets, ${words} words; at most ${slideLimits.bullets} and ${slideLimits.words}); shorten the list item or sentence that cannot be split, or move its detail into a \`:::summary\` or \`:::notes\` block`, firstPlace(content), 'slide-overfull')
    }
    for (const node of content) {
      visit(node, (item) => {
        // A reference is cited as published, not a bullet to shorten; agenda items have no source line.
        if (item.type === 'list' && item.data?.references) return 'skip'
        if (item.type !== 'listItem' || !item.position) return
        const itemWords = countWords(item.children.filter((child) => child.type !== 'list'))
        if (itemWords <= longBulletWords) return
        figures.longBullets += 1
        reportWarning(file, `Unexpected long bullet (${itemWords} words; keep slide bullets to ${longBulletWords}); move detail to the notes or the summary`, item.position, 'bullet-too-long')
      })
    }
  }
  if (figures.slides > deckSlideLimit) {
    const firstExtra = firstPlace(bodies[deckSlideLimit] ?? [])
    reportError(file, `Unexpected deck of ${figures.slides} slides (at most ${deckSlideLimit}; slide ${deckSlideLimit + 1} starts here); move detail for patients or clinicians into \`:::handout\` or \`:::summary\` blocks, or split the guideline into several files`, firstExtra ?? { line: 1, column: 1 }, 'deck-too-many-slides')
  }
  return figures
}

/**
 * The layout model's view of the slide: a body taller than the room under its title (a table with
 * long cells, a sentence or bullet too long to split) is a warning at its first block, before any
 * browser sees it.
 */
function checkHeight(file: VFile, title: string, body: RootContent[], layout: SlideLayout): void {
  if (body.length === 0 || fitsSlide(title, body, layout)) return
  const height = Math.round(bodyHeight(body, layout))
  const room = Math.round(bodyRoom(title))
  reportWarning(file, `Unexpected slide taller than the slide (its body needs about ${height} px, ${room} px are free under the title “${title}” at ${slideTheme.fontSize} px type); shorten the table's cells or the bullet, split the table, or move detail into \`:::notes\` or \`:::summary\``, firstPlace(body) ?? { line: 1, column: 1 }, 'slide-too-tall')
}

/** A recommendation longer than a slide can show in readable type is an error at its text. */
function checkRecommendations(file: VFile, body: RootContent[]): void {
  for (const node of body) {
    const words = node.data?.recommendationWords
    if (words === undefined || words <= recommendationLimits.words || (node.data?.recommendationPart ?? 1) > 1) continue
    reportError(file, `Unexpected recommendation of ${words} words (at most ${recommendationLimits.words}, its labels not counted); keep the recommendation to what is recommended and move its rationale or detail into a \`:::summary\` block, or split it into two recommendations`, firstPosition(node), 'recommendation-too-long')
  }
}

/** The source place of the first node (or descendant) of a slide that has one. */
function firstPlace(body: RootContent[]): Position | undefined {
  return body.map(firstPosition).find(Boolean)
}
