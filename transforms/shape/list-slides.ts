import type { List } from 'mdast'
import { fitsSlide, type SlideLayout } from './layout/slide-fit.ts'
import type { Slide } from './slides.ts'

export interface ListSlide extends Slide {
  columns: 1 | 2
}

/**
 * A list guidepress writes (agenda, key messages, references) onto slides: one column when it fits,
 * else two, else as many two-column slides as it needs, each titled with the items it holds
 * ("References 1–7", "References 8–13"), the items shared evenly between them. The theme sets the columns from the `two-columns` class.
 * Lists of sentences (key messages) stay in one column (`most`): short lines read badly.
 */
export function listSlides(title: string, list: List, layout: Omit<SlideLayout, 'columns'>, most: 1 | 2 = 2): ListSlide[] {
  if (list.children.length === 0) return []
  for (const columns of most === 1 ? ([1] as const) : ([1, 2] as const)) {
    if (fitsSlide(title, [list], { ...layout, columns })) return [{ title, children: [list], columns }]
  }
  const start = list.start ?? 1
  const slice = (from: number, to: number): List => ({ ...list, ...(list.ordered ? { start: start + from } : {}), children: list.children.slice(from, to) })
  const fits = (from: number, to: number): boolean => fitsSlide(rangeTitle(title, from + 1, to), [slice(from, to)], { ...layout, columns: most })
  return balancedRanges(list.children.length, fits).map(([from, to]) => ({ title: rangeTitle(title, from + 1, to), children: [slice(from, to)], columns: most }))
}

/**
 * Item ranges `[from, to)` for a list over several slides: as many slides as filling each in turn
 * needs, then the items shared out evenly when every share still fits, so the last slide is not
 * left holding one or two items.
 */
function balancedRanges(count: number, fits: (from: number, to: number) => boolean): Array<[number, number]> {
  const greedy: Array<[number, number]> = []
  for (let from = 0; from < count; ) {
    let to = from + 1
    while (to < count && fits(from, to + 1)) to += 1
    greedy.push([from, to])
    from = to
  }
  if (greedy.length < 2) return greedy
  // Shares that differ by one item at most: the first `count % slides` slides take one more.
  const slides = greedy.length
  const even: Array<[number, number]> = []
  for (let index = 0, from = 0; index < slides; index += 1) {
    const to = from + Math.floor(count / slides) + (index < count % slides ? 1 : 0)
    even.push([from, to])
    from = to
  }
  return even.every(([from, to]) => fits(from, to)) ? even : greedy
}

function rangeTitle(title: string, from: number, to: number): string {
  return from === to ? `${title} ${from}` : `${title} ${from}–${to}`
}

/**
 * Reference lists of a deck that cites only some works (runs of numbers, each its own list): one
 * column, the items shared evenly over as few slides as hold them, titled with the numbers they show
 * ("References 6–9").
 */
export function referenceRunSlides(title: string, lists: List[]): ListSlide[] {
  const items = lists.flatMap((list) => list.children.map((item, index) => ({ item, number: (list.start ?? 1) + index, list })))
  const pages: Array<typeof items> = []
  const asLists = (page: typeof items): List[] => {
    const result: List[] = []
    for (const { item, number, list } of page) {
      const last = result.at(-1)
      if (last && (last.start ?? 1) + last.children.length === number) last.children.push(item)
      else result.push({ ...list, start: number, children: [item] })
    }
    return result
  }
  const fits = (from: number, to: number): boolean => fitsSlide(`${title} 00–00`, asLists(items.slice(from, to)), { references: true })
  for (const [from, to] of balancedRanges(items.length, fits)) pages.push(items.slice(from, to))
  return pages.map((page) => ({ title: rangeTitle(title, page[0]?.number ?? 1, page.at(-1)?.number ?? 1), children: asLists(page), columns: 1 as const }))
}
