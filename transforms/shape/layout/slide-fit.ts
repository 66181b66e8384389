import type { Heading, List, RootContent } from 'mdast'
import { blockSize, bodyBox, cachedTitleHeight, listHeight, stackHeight, type LayoutBox } from './block-height.ts'
import { contentBox, slideTheme } from './theme-metrics.ts'

/** How a slide's body is set: plain, or a long list in two columns, or a reference list in its smaller type. */
export interface SlideLayout {
  columns?: 1 | 2
  references?: boolean
}

const titleHeading = (title: string): Heading => ({ type: 'heading', depth: 2, children: [{ type: 'text', value: title }] })

/** The height a slide title takes with the gap under it. */
export function titleHeight(title: string): number {
  return cachedTitleHeight(title, (text) => {
    const size = blockSize(titleHeading(text), bodyBox(contentBox.width))
    return size.height + size.marginBottom
  })
}

function listBox(layout: SlideLayout): { box: LayoutBox; itemGap: number } {
  const width = layout.columns === 2 ? (contentBox.width - slideTheme.list.columnGap * slideTheme.fontSize) / 2 : contentBox.width
  if (!layout.references) return { box: bodyBox(width), itemGap: slideTheme.list.itemGap }
  const style = slideTheme.references
  return { box: { width, fontSize: slideTheme.fontSize * style.fontSize, lineHeight: style.lineHeight }, itemGap: style.itemGap }
}

/** The height of a slide body as the theme sets it. */
export function bodyHeight(children: RootContent[], layout: SlideLayout = {}): number {
  const list = children.length === 1 && children[0]?.type === 'list' ? children[0] : undefined
  if (layout.references && layout.columns !== 2 && children.length > 1 && children.every((child) => child.type === 'list')) {
    // Several runs of reference numbers, one under another in the reference type.
    const { box, itemGap } = listBox(layout)
    return children.reduce((sum, child) => sum + listHeight(child as List, box, itemGap), 0) + (children.length - 1) * slideTheme.list.marginBottom * box.fontSize
  }
  if (!list || (!layout.references && layout.columns !== 2)) return stackHeight(children, bodyBox(contentBox.width))
  const { box, itemGap } = listBox(layout)
  if (layout.columns !== 2) return listHeight(list, box, itemGap)
  return balancedColumns(list, box, itemGap)
}

/** The taller of two columns a browser balances a list into (items are never broken across them). */
function balancedColumns(list: List, box: LayoutBox, itemGap: number): number {
  const heights = list.children.map((item) => listHeight({ ...list, children: [item] }, box, itemGap))
  const gap = itemGap * box.fontSize
  const column = (items: number[]): number => items.reduce((sum, height) => sum + height, 0) + Math.max(0, items.length - 1) * gap
  let best = column(heights)
  for (let split = 1; split < heights.length; split++) best = Math.min(best, Math.max(column(heights.slice(0, split)), column(heights.slice(split))))
  return best
}

/** The room under a title. */
export function bodyRoom(title: string): number {
  return contentBox.height - titleHeight(title)
}

/** Whether a slide's title and body fit the slide in the theme's type. */
export function fitsSlide(title: string, children: RootContent[], layout: SlideLayout = {}): boolean {
  return bodyHeight(children, layout) <= bodyRoom(title)
}
