import type { List } from 'mdast'
import { fitsSlide, type SlideLayout } from './layout/slide-fit.ts'
import type { Slide } from './slides.ts'

export interface ListSlide extends Slide {
  columns: 1 | 2
}

/**
 * A list guidepress writes (agenda, key messages, references) onto slides: one column when it fits,
 * else two, else as many two-column slides as it needs, each titled with the items it holds
 * ("References 1–8", "Agenda 9–14"). The theme sets the columns from the `two-columns` class.
 * Lists of sentences (key messages) stay in one column (`most`): short lines read badly.
 */
export function listSlides(title: string, list: List, layout: Omit<SlideLayout, 'columns'>, most: 1 | 2 = 2): ListSlide[] {
  if (list.children.length === 0) return []
  for (const columns of most === 1 ? ([1] as const) : ([1, 2] as const)) {
    if (fitsSlide(title, [list], { ...layout, columns })) return [{ title, children: [list], columns }]
  }
  const pages: List[] = []
  const start = list.start ?? 1
  let first = 0
  while (first < list.children.length) {
    let end = first + 1
    const slice = (to: number): List => ({ ...list, ...(list.ordered ? { start: start + first } : {}), children: list.children.slice(first, to) })
    while (end < list.children.length && fitsSlide(rangeTitle(title, first + 1, end + 1), [slice(end + 1)], { ...layout, columns: most })) end += 1
    pages.push(slice(end))
    first = end
  }
  let shown = 0
  return pages.map((page) => {
    const from = shown + 1
    shown += page.children.length
    return { title: rangeTitle(title, from, shown), children: [page], columns: most }
  })
}

function rangeTitle(title: string, from: number, to: number): string {
  return from === to ? `${title} ${from}` : `${title} ${from}–${to}`
}

/**
 * Reference lists of a deck that cites only some works (runs of numbers, each its own list): one
 * column, as many items as fit a slide, titled with the numbers they show ("References 6–9").
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
  for (const entry of items) {
    const page = pages.at(-1)
    if (page && fitsSlide(`${title} 00–00`, asLists([...page, entry]), { references: true })) page.push(entry)
    else pages.push([entry])
  }
  return pages.map((page) => ({ title: rangeTitle(title, page[0]?.number ?? 1, page.at(-1)?.number ?? 1), children: asLists(page), columns: 1 as const }))
}
