import type { Root, RootContent } from 'mdast'
import type { Position } from 'unist'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { reportError, reportWarning } from './report.ts'
import { countBullets, countWords, slideLimits } from './slides.ts'
import { firstPosition } from './text.ts'

export const longBulletWords = 25

export interface SlideFigures {
  slides: number
  mostBullets: number
  mostWords: number
  longBullets: number
}

/** The slides of a deck tree: the runs between thematic breaks, without their title heading and comments. */
export function slideBodies(deck: Root): RootContent[][] {
  const slides: RootContent[][] = [[]]
  for (const node of deck.children) {
    if (node.type === 'yaml') continue
    if (node.type === 'thematicBreak') slides.push([])
    else slides.at(-1)?.push(node)
  }
  return slides.map((slide) => {
    const titleIndex = slide.findIndex((node) => node.type === 'heading')
    return slide.filter((node, index) => index !== titleIndex && node.type !== 'html')
  })
}

/**
 * Slides stay readable: after splitting no slide may exceed the limits (an error at its first
 * block's source line), and a single bullet over 25 words is a warning at its line.
 */
export function checkSlideDensity(file: VFile, deck: Root): SlideFigures {
  const figures: SlideFigures = { slides: 0, mostBullets: 0, mostWords: 0, longBullets: 0 }
  for (const body of slideBodies(deck)) {
    figures.slides += 1
    const bullets = countBullets(body)
    const words = countWords(body)
    figures.mostBullets = Math.max(figures.mostBullets, bullets)
    figures.mostWords = Math.max(figures.mostWords, words)
    const place = firstPlace(body)
    if (bullets > slideLimits.bullets || words > slideLimits.words) {
      reportError(file, `Unexpected overfull slide (${bullets} bullets, ${words} words; at most ${slideLimits.bullets} and ${slideLimits.words}); split the list item or sentence that cannot be split`, place, 'slide-overfull')
    }
    for (const node of body) {
      visit(node, 'listItem', (item) => {
        const itemWords = countWords(item.children.filter((child) => child.type !== 'list'))
        if (itemWords <= longBulletWords) return
        figures.longBullets += 1
        reportWarning(file, `Unexpected long bullet (${itemWords} words; keep slide bullets to ${longBulletWords}); move detail to the notes or the summary`, item.position, 'bullet-too-long')
      })
    }
  }
  return figures
}

/** The source place of the first node (or descendant) of a slide that has one. */
function firstPlace(body: RootContent[]): Position | undefined {
  return body.map(firstPosition).find(Boolean)
}
