import type { List, PhrasingContent, RootContent, Table } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { slideTheme } from './theme-metrics.ts'
import { lineCount, longestWord, naturalWidth, phrasingRuns, type TextRun } from './text-width.ts'

/** Where a block is set: the width it may fill and its type, in px. */
export interface LayoutBox {
  width: number
  fontSize: number
  lineHeight: number
}

/** A block's height and the margin under it (dropped when it is the last thing in its box). */
export interface BlockSize {
  height: number
  marginBottom: number
}

/** The body box of a slide: the theme's type on the content width (or a column of it). */
export function bodyBox(width: number): LayoutBox {
  return { width, fontSize: slideTheme.fontSize, lineHeight: slideTheme.lineHeight }
}

/** Blocks stacked one after another; the last one's bottom margin does not count. */
export function stackHeight(blocks: RootContent[], box: LayoutBox): number {
  let height = 0
  let margin = 0
  for (const block of blocks) {
    const size = blockSize(block, box)
    if (size.height === 0 && size.marginBottom === 0) continue
    height += margin + size.height
    margin = size.marginBottom
  }
  return height
}

function textHeight(runs: TextRun[], box: LayoutBox): number {
  return lineCount(runs, box.width, box.fontSize) * box.fontSize * box.lineHeight
}

/** Sizes measured while `withSizeCache` runs, by block and then box. */
let measured: WeakMap<RootContent, Array<{ box: LayoutBox; size: BlockSize }>> | undefined
/** Title heights measured while `withSizeCache` runs, by title. */
let titles: Map<string, number> | undefined

/**
 * Runs `measure` keeping each block's size once measured in a box: packing a run of blocks onto
 * slides measures each stretch of it, so the same blocks again and again. Nothing may change the
 * blocks while it runs.
 */
export function withSizeCache<T>(measure: () => T): T {
  if (measured) return measure()
  measured = new WeakMap()
  titles = new Map()
  try {
    return measure()
  } finally {
    measured = undefined
    titles = undefined
  }
}

/** `measure(title)`, once per title while `withSizeCache` runs. */
export function cachedTitleHeight(title: string, measure: (title: string) => number): number {
  let height = titles?.get(title)
  if (height === undefined) {
    height = measure(title)
    titles?.set(title, height)
  }
  return height
}

export function blockSize(block: RootContent, box: LayoutBox): BlockSize {
  if (!measured) return measureBlock(block, box)
  let sizes = measured.get(block)
  if (!sizes) {
    sizes = []
    measured.set(block, sizes)
  }
  const known = sizes.find((each) => each.box.width === box.width && each.box.fontSize === box.fontSize && each.box.lineHeight === box.lineHeight)
  if (known) return known.size
  const size = measureBlock(block, box)
  sizes.push({ box: { ...box }, size })
  return size
}

function measureBlock(block: RootContent, box: LayoutBox): BlockSize {
  const em = box.fontSize
  switch (block.type) {
    case 'paragraph':
      // A figure fills the room left under the text (the theme's flex rules): it needs none of its own.
      if (block.children.some((child) => child.type === 'image')) return { height: 0, marginBottom: 0 }
      return { height: textHeight(phrasingRuns(block.children), box), marginBottom: slideTheme.paragraphGap * em }
    case 'heading': {
      const size = em * (block.depth === 1 ? slideTheme.heading.h1 : block.depth === 2 ? slideTheme.heading.h2 : slideTheme.heading.h3)
      const height = textHeight(phrasingRuns(block.children, true), { width: box.width, fontSize: size, lineHeight: slideTheme.heading.lineHeight })
      const rule = block.depth === 2 ? (slideTheme.heading.ruleGap + slideTheme.heading.ruleHeight) * size : 0
      return { height: height + rule, marginBottom: slideTheme.heading.marginBottom * size }
    }
    case 'list':
      return { height: listHeight(block, box), marginBottom: slideTheme.list.marginBottom * em }
    case 'table':
      return { height: tableHeight(block, box), marginBottom: slideTheme.paragraphGap * em }
    case 'blockquote': {
      const quote = slideTheme.quote
      const inner = { ...box, width: box.width - (2 * quote.paddingInline + quote.border) * em }
      const padding = 2 * quote.paddingBlock * em
      const [badge, ...text] = block.children
      if (block.data?.recommendationWords === undefined || badge?.type !== 'paragraph') return { height: stackHeight(block.children, inner) + padding, marginBottom: quote.gap * em }
      // A recommendation's first paragraph is its badge line, set smaller (the theme's badge rules).
      const style = slideTheme.badge
      const badgeBox = { width: inner.width, fontSize: em * style.fontSize, lineHeight: slideTheme.lineHeight }
      const badgeHeight = blockSize(badge, badgeBox).height + 2 * style.paddingBlock * badgeBox.fontSize + style.marginBottom * badgeBox.fontSize
      return { height: badgeHeight + stackHeight(text, inner) + padding, marginBottom: quote.gap * em }
    }
    case 'code':
      return { height: block.value.split('\n').length * em * 0.8 * box.lineHeight + em, marginBottom: slideTheme.paragraphGap * em }
    case 'html':
    case 'yaml':
    case 'definition':
    case 'footnoteDefinition':
    case 'thematicBreak':
      return { height: 0, marginBottom: 0 }
    default:
      return { height: textHeight([{ text: toString(block), bold: false, scale: 1 }], box), marginBottom: slideTheme.paragraphGap * em }
  }
}

/** A list: each item's blocks beside the marker indent, items a small gap apart. */
export function listHeight(list: List, box: LayoutBox, itemGap: number = slideTheme.list.itemGap): number {
  const inner = { ...box, width: box.width - slideTheme.list.indent * box.fontSize }
  const items = list.children.map((item) => {
    // A tight list's paragraphs have no margins (markdown-it drops their <p>); nested lists keep the type.
    const tight = !list.spread && !item.spread
    return item.children.reduce((height, child, index) => {
      const size = blockSize(child, inner)
      const last = index === item.children.length - 1
      return height + size.height + (last || (tight && child.type === 'paragraph') ? 0 : size.marginBottom)
    }, 0)
  })
  return items.reduce((sum, height) => sum + height, 0) + Math.max(0, items.length - 1) * itemGap * box.fontSize
}

/** The column widths a browser's automatic table layout gives: content widths, shrunk towards the longest words to fit. */
export function tableColumns(table: Table, box: LayoutBox): number[] {
  const style = slideTheme.table
  const size = box.fontSize * style.fontSize
  const padding = 2 * style.paddingInline * size + style.border
  const columns = Math.max(0, ...table.children.map((row) => row.children.length))
  const least = Array.from({ length: columns }, () => 0)
  const most = Array.from({ length: columns }, () => 0)
  table.children.forEach((row, rowIndex) => {
    row.children.forEach((cell, column) => {
      const runs = phrasingRuns(cell.children as PhrasingContent[], rowIndex === 0)
      least[column] = Math.max(least[column] ?? 0, longestWord(runs, size) + padding)
      most[column] = Math.max(most[column] ?? 0, naturalWidth(runs, size) + padding)
    })
  })
  const leastSum = least.reduce((sum, width) => sum + width, 0)
  const mostSum = most.reduce((sum, width) => sum + width, 0)
  if (mostSum <= box.width) return most
  if (leastSum >= box.width) return least
  const share = (box.width - leastSum) / (mostSum - leastSum)
  return least.map((width, column) => width + ((most[column] ?? width) - width) * share)
}

function tableHeight(table: Table, box: LayoutBox): number {
  const style = slideTheme.table
  const size = box.fontSize * style.fontSize
  const widths = tableColumns(table, box)
  const padding = 2 * style.paddingInline * size + style.border
  return table.children.reduce((height, row, rowIndex) => {
    const lines = Math.max(1, ...row.children.map((cell, column) => lineCount(phrasingRuns(cell.children as PhrasingContent[], rowIndex === 0), Math.max(1, (widths[column] ?? box.width) - padding), size)))
    return height + lines * size * style.lineHeight + 2 * style.paddingBlock * size + style.border
  }, style.border as number)
}
