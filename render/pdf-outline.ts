// PDF bookmarks (the outline a reader's side panel shows). Chromium can write an outline of a
// document's headings itself (`outline: true`), but its titles are not to be trusted (a heading at
// the top of a page comes out twice: "Mastectomy…Mastectomy…"), so guidepress only reads where
// Chromium put each heading and writes the outline again with pdf-lib, titled from the page's own
// headings and nested by their level.
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFNull, PDFRef, PDFString, type PDFDocument, type PDFObject } from './pdf-lib.ts'

/** One bookmark: its title (plain text), level (1 = top), page (0-based) and, when known, the y of its top. */
export interface OutlineEntry {
  title: string
  level: number
  page: number
  top?: number
}

/** A heading as the printed page shows it (DOM order). */
export interface PageHeading {
  level: number
  text: string
  /** The element's id ('' when none). */
  id: string
}

/** A heading and where the PDF shows it: page (0-based), and the left and top of its box when known. */
export interface PlacedHeading extends PageHeading {
  page: number
  left?: number
  top?: number
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim()

/** Chromium's own outline, flattened in order: its titles as written, levels from nesting, page and top of each. */
export function readOutline(pdf: PDFDocument): Array<{ title: string; level: number; page: number; left?: number; top?: number }> {
  const pageIndex = new Map(pdf.getPages().map((page, index) => [page.ref.toString(), index]))
  const found: Array<{ title: string; level: number; page: number; left?: number; top?: number }> = []
  const walk = (parent: PDFDict, level: number): void => {
    let item = parent.lookup(PDFName.of('First'))
    const seen = new Set<PDFDict>()
    while (item instanceof PDFDict && !seen.has(item)) {
      seen.add(item)
      const title = item.lookup(PDFName.of('Title'))
      const dest = item.lookup(PDFName.of('Dest'))
      const target = dest instanceof PDFArray ? dest.get(0) : undefined
      const page = target instanceof PDFRef ? pageIndex.get(target.toString()) : undefined
      if (page !== undefined) {
        const left = dest instanceof PDFArray ? dest.lookup(2) : undefined
        const top = dest instanceof PDFArray ? dest.lookup(3) : undefined
        found.push({
          title: title instanceof PDFString || title instanceof PDFHexString ? collapse(title.decodeText()) : '',
          level,
          page,
          ...(left instanceof PDFNumber ? { left: left.asNumber() } : {}),
          ...(top instanceof PDFNumber ? { top: top.asNumber() } : {})
        })
      }
      walk(item, level + 1)
      item = item.lookup(PDFName.of('Next'))
    }
  }
  const root = pdf.catalog.lookup(PDFName.of('Outlines'))
  if (root instanceof PDFDict) walk(root, 1)
  return found
}

/**
 * The page of each heading: Chromium's outline entries matched in order to the page's headings (an
 * entry's title is the heading's text, or that text repeated). A heading Chromium left out (one
 * not drawn) gets no place.
 */
export function placeHeadings(headings: readonly PageHeading[], outline: ReturnType<typeof readOutline>): PlacedHeading[] {
  const placed: PlacedHeading[] = []
  let next = 0
  for (const entry of outline) {
    for (let at = next; at < headings.length; at += 1) {
      const heading = headings[at] as PageHeading
      const text = collapse(heading.text)
      if (text && entry.title.startsWith(text) && entry.title.split(text).join('').trim() === '') {
        placed.push({ ...heading, text, page: entry.page, ...(entry.left !== undefined ? { left: entry.left } : {}), ...(entry.top !== undefined ? { top: entry.top } : {}) })
        next = at + 1
        break
      }
    }
  }
  return placed
}

/** Deletes an outline already in the PDF (Chromium's), every item object included. */
export function removeOutline(pdf: PDFDocument): void {
  const context = pdf.context
  const ref = pdf.catalog.get(PDFName.of('Outlines'))
  const remove = (object: PDFObject | undefined): void => {
    if (!(object instanceof PDFRef)) return
    const dict = context.lookup(object)
    context.delete(object)
    if (!(dict instanceof PDFDict)) return
    let child = dict.get(PDFName.of('First'))
    const seen = new Set<string>()
    while (child instanceof PDFRef && !seen.has(child.toString())) {
      seen.add(child.toString())
      const next = (context.lookup(child) as PDFDict | undefined)?.get(PDFName.of('Next'))
      remove(child)
      child = next
    }
  }
  remove(ref)
  pdf.catalog.delete(PDFName.of('Outlines'))
}

interface Node {
  entry: OutlineEntry
  ref: PDFRef
  children: Node[]
}

/**
 * Writes `entries` (document order) as the PDF's outline, each nested under the nearest entry
 * before it with a lower level, all open. Entries with a `top` point at that height of their page,
 * others show the whole page.
 */
export function writeOutline(pdf: PDFDocument, entries: readonly OutlineEntry[]): void {
  const context = pdf.context
  const pages = pdf.getPages()
  const usable = entries.filter((entry) => entry.title && pages[entry.page])
  if (usable.length === 0) return
  const rootRef = context.nextRef()
  const top: Node[] = []
  const stack: Node[] = []
  for (const entry of usable) {
    const node: Node = { entry, ref: context.nextRef(), children: [] }
    while (stack.length > 0 && (stack[stack.length - 1] as Node).entry.level >= entry.level) stack.pop()
    const parent = stack[stack.length - 1]
    ;(parent ? parent.children : top).push(node)
    stack.push(node)
  }
  const descendants = (nodes: Node[]): number => nodes.reduce((sum, node) => sum + 1 + descendants(node.children), 0)
  const assign = (nodes: Node[], parentRef: PDFRef): void => {
    nodes.forEach((node, index) => {
      const page = pages[node.entry.page]
      const dest = PDFArray.withContext(context)
      dest.push((page as NonNullable<typeof page>).ref)
      if (node.entry.top === undefined) dest.push(PDFName.of('Fit'))
      else {
        dest.push(PDFName.of('XYZ'))
        dest.push(PDFNull)
        dest.push(PDFNumber.of(Math.round(node.entry.top * 100) / 100))
        dest.push(PDFNull)
      }
      const first = node.children[0]
      const last = node.children[node.children.length - 1]
      context.assign(
        node.ref,
        context.obj({
          Title: PDFHexString.fromText(node.entry.title),
          Parent: parentRef,
          Dest: dest,
          ...(index > 0 ? { Prev: (nodes[index - 1] as Node).ref } : {}),
          ...(index < nodes.length - 1 ? { Next: (nodes[index + 1] as Node).ref } : {}),
          ...(first && last ? { First: first.ref, Last: last.ref, Count: descendants(node.children) } : {})
        })
      )
      assign(node.children, node.ref)
    })
  }
  assign(top, rootRef)
  context.assign(
    rootRef,
    context.obj({ Type: 'Outlines', First: (top[0] as Node).ref, Last: (top[top.length - 1] as Node).ref, Count: descendants(top) })
  )
  pdf.catalog.set(PDFName.of('Outlines'), rootRef)
  pdf.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'))
}
