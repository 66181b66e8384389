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
