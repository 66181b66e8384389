// Reading a printed document's layout back from its PDF (pdfjs text positions): headings left at
// the end of a column or page with nothing of theirs after them, and how full the last page is.
// `break-after: avoid` alone does not hold in Chromium's multi-column layout (a recommendation box
// that may not split moves on and leaves its heading behind), so the print step checks here and
// prints again with a break before each heading found.
import type { PlacedHeading } from '../pdf-outline.ts'
import { joinPages, pageText, type TextItemLike } from '../pdf-text.ts'

export interface TextLine {
  text: string
  x: number
  /** Baseline, from the page's bottom (PDF units). */
  y: number
  /** Type size in points. */
  size: number
}

export interface PrintedPages {
  width: number
  height: number
  /** Per page, the text items in the page's body (the running head and page numbers left out). */
  pages: TextLine[][]
}

/** Text in the top and bottom margin boxes sits nearer the edge than this (in points): the summary's margins are the narrowest, 14–16 mm (40–45 pt). */
const MARGIN_BOX_EDGE = 34

/** The PDF's text positions, page by page, without the margin boxes; and its whole text as extractPdfText gives it (one parse for both). */
export async function readPrintedPages(bytes: Uint8Array): Promise<{ layout: PrintedPages; text: string }> {
  // unpdf: PDF.js built for servers, without eval or a native canvas (see render/pdf-text.ts).
  const { getDocumentProxy } = await import('unpdf')
  const doc = await getDocumentProxy(new Uint8Array(bytes), { disableFontFace: true, useSystemFonts: false, verbosity: 0 })
  try {
    const pages: TextLine[][] = []
    const texts: string[] = []
    let width = 0
    let height = 0
    for (let n = 1; n <= doc.numPages; n += 1) {
      const page = await doc.getPage(n)
      ;[, , width, height] = page.view as [number, number, number, number]
      const items = (await page.getTextContent()).items as Array<TextItemLike & { transform?: number[] }>
      texts.push(pageText(items))
      pages.push(
        items
          .map((item) => ({ text: item.str ?? '', x: item.transform?.[4] ?? 0, y: item.transform?.[5] ?? 0, size: Math.hypot(item.transform?.[2] ?? 0, item.transform?.[3] ?? 0) }))
          .filter((line) => line.text.trim() !== '' && line.y > MARGIN_BOX_EDGE && line.y < height - MARGIN_BOX_EDGE)
      )
      page.cleanup()
    }
    return { layout: { width, height, pages }, text: joinPages(texts) }
  } finally {
    await doc.loadingTask.destroy()
  }
}

const squeeze = (text: string): string => text.replace(/\s+/g, '')

/**
 * Headings (level 2 and below) after which nothing follows in their column or page: the text
 * below a heading's own lines, in the same column, is empty. `columns` is how many columns the
 * pages are set in.
 */
export function strandedHeadings(printed: PrintedPages, headings: readonly PlacedHeading[], columns: number): PlacedHeading[] {
  const columnWidth = printed.width / columns
  return headings.filter((heading) => {
    if (heading.level < 2 || heading.top === undefined || heading.left === undefined) return false
    const column = Math.min(columns - 1, Math.floor(heading.left / columnWidth))
    const inColumn = (printed.pages[heading.page] ?? [])
      .filter((line) => line.x >= column * columnWidth - 1 && line.x < (column + 1) * columnWidth && line.y <= (heading.top as number) + 1)
      .sort((a, b) => b.y - a.y || a.x - b.x)
    // The heading's own lines: from its top down until their text is the heading's.
    const wanted = squeeze(heading.text)
    let seen = ''
    let lastY: number | undefined
    for (const line of inColumn) {
      if (seen.length >= wanted.length) break
      seen += squeeze(line.text)
      lastY = line.y
    }
    if (lastY === undefined || !seen.startsWith(wanted)) return false
    return !inColumn.some((line) => line.y < (lastY as number) - 1)
  })
}

/** How much of a page's height (the last by default) its text fills (0–1), from the body's top to its lowest line. */
export function pageFill(printed: PrintedPages, page = printed.pages.length - 1): number {
  const lines = printed.pages[page] ?? []
  if (lines.length === 0) return 0
  const body = printed.height - 2 * MARGIN_BOX_EDGE
  const lowest = Math.min(...lines.map((line) => line.y))
  return Math.max(0, Math.min(1, (printed.height - MARGIN_BOX_EDGE - lowest) / body))
}
