// A slide's content as the objects PowerPoint shows: text boxes, tables, pictures and
// recommendation quotes, each able to say how tall it is at a given type size.
import type { Blockquote, List, Paragraph, RootContent, Table } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { HouseStyle } from './house-style.ts'
import { loadPicture, type Picture } from './images.ts'
import { LINE_HEIGHT, linesOf, paragraphsHeight } from './measure.ts'
import { blockParagraphs, inlineRuns, type Run, type RunStyle } from './runs.ts'

export type Part =
  | { kind: 'text'; blocks: RootContent[] }
  | { kind: 'table'; table: Table }
  | { kind: 'picture'; picture: Picture; alt: string }
  | { kind: 'recommendation'; label: string; strong: boolean; body: RootContent[] }
  | { kind: 'columns'; columns: [List, List] }

/** A list this long on an agenda or references slide is set in two columns, as the HTML slide does. */
const TWO_COLUMNS_FROM = 7

/** Where a deck's pictures come from. */
export interface PictureSource {
  root: string
  file: string
}

/** Consecutive text blocks share one box; a table, a picture or a recommendation is a part of its own. */
export function slideParts(blocks: RootContent[], pictures: PictureSource, classes: string[] = []): Part[] {
  const parts: Part[] = []
  const listed = classes.includes('agenda') || classes.includes('references')
  const onRecommendationSlide = classes.includes('recommendation')
  const only = blocks.length === 1 ? blocks[0] : undefined
  if (listed && only?.type === 'list' && only.children.length >= TWO_COLUMNS_FROM) {
    const half = Math.ceil(only.children.length / 2)
    const second: List = { ...only, start: (only.start ?? 1) + half, children: only.children.slice(half) }
    return [{ kind: 'columns', columns: [{ ...only, children: only.children.slice(0, half) }, second] }]
  }
  const text = (block: RootContent): void => {
    const last = parts.at(-1)
    if (last?.kind === 'text') last.blocks.push(block)
    else parts.push({ kind: 'text', blocks: [block] })
  }
  for (const block of blocks) {
    if (block.type === 'table') parts.push({ kind: 'table', table: block })
    else if (block.type === 'blockquote' && recommendation(block, onRecommendationSlide)) parts.push(recommendation(block, onRecommendationSlide) as Part)
    else if (block.type === 'paragraph' && block.children.some((child) => child.type === 'image')) {
      for (const child of block.children) {
        if (child.type !== 'image') continue
        const picture = loadPicture(pictures.root, pictures.file, child.url)
        const alt = child.alt ?? ''
        // An image PowerPoint cannot show (or not under source/images/) is shown by its alt text.
        if (picture) parts.push({ kind: 'picture', picture, alt })
        else text({ type: 'paragraph', children: [{ type: 'text', value: alt }] })
      }
      const rest = block.children.filter((child) => child.type !== 'image' && toString(child).trim() !== '')
      if (rest.length > 0) text({ type: 'paragraph', children: rest })
    } else text(block)
  }
  return parts
}

/**
 * `> **Strong recommendation · High certainty.** Text`: the label, and the text without it. On a
 * recommendation slide any quote that opens with bold words is one (whatever the label's language).
 */
function recommendation(quote: Blockquote, onRecommendationSlide: boolean): Part | undefined {
  const [first, ...rest] = quote.children
  if (first?.type !== 'paragraph') return undefined
  const [lead, ...after] = first.children
  if (lead?.type !== 'strong' || !(onRecommendationSlide || /\brecommendation\b/i.test(toString(lead)))) return undefined
  const label = toString(lead).trim().replace(/[.:]$/, '')
  const [space, ...text] = after
  const body: Paragraph = { type: 'paragraph', children: space?.type === 'text' ? [{ ...space, value: space.value.replace(/^\s+/, '') }, ...text] : after }
  return { kind: 'recommendation', label, strong: /^strong\b/i.test(label), body: [body, ...rest] }
}

export interface Sizes {
  body: number
  table: number
}

/** The height a part needs at these sizes in a column `width` wide (a picture: the least it may take). */
export function partHeight(part: Part, sizes: Sizes, width: number, style: (size: number) => RunStyle): number {
  switch (part.kind) {
    case 'text':
      return paragraphsHeight(blockParagraphs(part.blocks, style(sizes.body)), sizes.body, width)
    case 'table':
      return tableRowHeights(part.table, sizes.table, tableColumnWidths(part.table, width), style(sizes.table)).reduce((a, b) => a + b, 0)
    case 'picture':
      return Math.min(2.2, (width * part.picture.height) / part.picture.width)
    case 'columns':
      return Math.max(...part.columns.map((list) => paragraphsHeight(blockParagraphs([list], style(sizes.body)), sizes.body, columnWidth(width))))
    case 'recommendation':
      return BADGE_HEIGHT + BADGE_GAP + paragraphsHeight(blockParagraphs(part.body, style(sizes.body)), sizes.body, width - QUOTE_INDENT)
  }
}

export const COLUMN_GAP = 0.4
export const columnWidth = (width: number): number => (width - COLUMN_GAP) / 2

export const BADGE_HEIGHT = 0.5
export const BADGE_GAP = 0.12
export const QUOTE_INDENT = 0.25
export const CELL_MARGIN: [number, number, number, number] = [0.06, 0.12, 0.06, 0.12]

/** Column widths from each column's longest cell, none under a sixth of the table. */
export function tableColumnWidths(table: Table, width: number): number[] {
  const columns = Math.max(...table.children.map((row) => row.children.length), 1)
  const longest = Array.from({ length: columns }, (_, column) =>
    Math.max(4, ...table.children.map((row) => Math.sqrt(toString(row.children[column] ?? { type: 'text', value: '' }).length) * 4))
  )
  const floor = width / columns / 2.5
  const total = longest.reduce((a, b) => a + b, 0)
  const widths = longest.map((length) => Math.max(floor, (length / total) * width))
  const scale = width / widths.reduce((a, b) => a + b, 0)
  return widths.map((w) => Math.round(w * scale * 1000) / 1000)
}

export function tableRowHeights(table: Table, size: number, widths: number[], style: RunStyle): number[] {
  return table.children.map((row) => {
    const lines = Math.max(1, ...row.children.map((cell, column) => linesOf(cellText(cell.children, style), size, (widths[column] ?? 1) - CELL_MARGIN[1] - CELL_MARGIN[3])))
    return Math.round(((lines * LINE_HEIGHT * size) / 72 + CELL_MARGIN[0] + CELL_MARGIN[2] + 0.02) * 1000) / 1000
  })
}

function cellText(children: Paragraph['children'], style: RunStyle): string {
  return inlineRuns(children, style).map((run: Run) => run.text ?? '').join('')
}

/** Which colours a recommendation badge takes: strong filled, conditional outlined (told apart in greyscale too). */
export function badgeColours(strong: boolean, house: HouseStyle): { fill: string; line: string; text: string } {
  return strong ? { fill: house.brand, line: house.brand, text: house.onBrand } : { fill: house.surface, line: house.brand, text: house.brand }
}

