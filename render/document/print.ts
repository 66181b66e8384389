// Printing a handout or summary: where each heading lands (for the PDF's bookmarks) and, for a
// handout longer than CONTENTS_AFTER_PAGES pages, a contents list whose page numbers are those of
// the PDF that carries it: print, list the sections with their pages, print again with the list in,
// and again until every listed number is the page its section starts on.
import type { Page } from 'puppeteer-core'
import { PDFDocument } from 'pdf-lib'
import type { BrowserSession } from '../browser.ts'
import { documentHtml, withPrintPage, type DocumentInput, type PrintSteps, type PrintTarget } from '../document.ts'
import { RenderError } from '../errors.ts'
import { placeHeadings, readOutline, type PageHeading, type PlacedHeading } from '../pdf-outline.ts'
import { smallFigures, type SmallFigure } from './figures.ts'
import { pageFill, readPrintedPages, strandedHeadings, type PrintedPages } from './layout.ts'
import { CONTENTS_ID, NOTES_ID, type ContentsEntry } from './parts.ts'

/** A handout gets a contents list when its text (the notes page not counted) takes more pages than this. */
export const CONTENTS_AFTER_PAGES = 4
/** Prints before giving up on a layout that keeps moving (each print can only add a contents list or a break). */
const MAX_PRINTS = 6

export interface PrintedDocument {
  /** Chromium's PDF (its own outline still in; finalizePdf replaces it with `headings`). */
  pdf: Uint8Array
  /** Every heading Chromium placed, in document order, with its page (0-based). */
  headings: PlacedHeading[]
  /** The HTML printed: the input's, plus the contents list when the handout is long. */
  html: string
  /** The contents list, when there is one. */
  contents?: ContentsEntry[]
  /** A handout's figures whose labels print under 9 pt. */
  smallFigures: SmallFigure[]
}

/** The page's headings in document order, text as the reader sees it (markup gone, spaces collapsed). A string: no bundler helper may reach the page. */
const HEADINGS_SCRIPT = `[...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((heading) => ({
  level: Number(heading.tagName.slice(1)),
  text: (heading.textContent || '').replace(/\\s+/g, ' ').trim(),
  id: heading.id
}))`

function pageHeadings(page: Page): Promise<PageHeading[]> {
  return page.evaluate(HEADINGS_SCRIPT) as Promise<PageHeading[]>
}

async function printOnce(page: Page, steps: PrintSteps, html: string): Promise<{ pdf: Uint8Array; headings: PlacedHeading[]; pages: number }> {
  await steps.load(html)
  const headings = await steps.within(pageHeadings(page), 'reading the headings')
  const pdf = await steps.print({ outline: true })
  const loaded = await PDFDocument.load(pdf, { updateMetadata: false })
  return { pdf, headings: placeHeadings(headings, readOutline(loaded)), pages: loaded.getPageCount() }
}

/** The `##` sections a contents list names: every one the Markdown wrote, with its page (1-based). */
export function contentsEntries(headings: readonly PlacedHeading[]): ContentsEntry[] {
  return headings
    .filter((heading) => heading.level === 2 && heading.id !== CONTENTS_ID && heading.id !== NOTES_ID && heading.id.startsWith('section-'))
    .map((heading) => ({ id: heading.id, title: heading.text, page: heading.page + 1 }))
}

/** Pages of the text: up to the notes page, which starts a page of its own. */
function textPages(printed: { headings: PlacedHeading[]; pages: number }): number {
  const notes = printed.headings.find((heading) => heading.id === NOTES_ID)
  return notes ? notes.page : printed.pages
}

const samePages = (a: readonly ContentsEntry[] | undefined, b: readonly ContentsEntry[] | undefined): boolean =>
  (a ?? []).length === (b ?? []).length && (a ?? []).every((entry, index) => entry.id === b?.[index]?.id && entry.page === b[index]?.page)

/** What the print step adds to a document's HTML; each print may add more until the layout holds. */
interface Layout {
  contents?: ContentsEntry[]
  breakBefore: string[]
  /** Slightly tighter spacing, tried when the last page would hold only a few lines. */
  tight?: boolean
}

interface Settled {
  pdf: Uint8Array
  headings: PlacedHeading[]
  html: string
  layout: Layout
  /** Pages of text (a handout's notes page not counted) and how full the last of them is. */
  textPages: number
  lastFill: number
  pages: PrintedPages
}

/** The last page of text is this full or less: worth one print with tighter spacing to save it. */
export const SHORT_LAST_PAGE = 0.2

/**
 * Prints a document until its layout holds: no heading left at the end of a column or page
 * without what follows it (each such heading starts the next one instead), and, for a long
 * handout, a contents list whose numbers are the pages its sections start on. When the last page
 * of text holds only a few lines, it is printed once more with tighter spacing, kept only if that
 * saves the page.
 */
export async function printDocumentPdf(session: BrowserSession, input: DocumentInput, target: PrintTarget): Promise<PrintedDocument> {
  const columns = input.kind === 'summary' ? 2 : 1
  return withPrintPage(session, target, async (page, steps) => {
    const settle = async (start: Layout): Promise<Settled> => {
      let layout = start
      for (let print = 1; print <= MAX_PRINTS; print += 1) {
        const html = await documentHtml({ ...input, ...layout })
        const printed = await printOnce(page, steps, html)
        const pages = await readPrintedPages(printed.pdf)
        const stranded = strandedHeadings(pages, printed.headings, columns)
          .map((heading) => heading.id)
          .filter((id) => id.startsWith('section-') && !layout.breakBefore.includes(id))
        const text = textPages(printed)
        const wantsContents = input.kind === 'handout' && (layout.contents !== undefined || text > CONTENTS_AFTER_PAGES)
        const contents = wantsContents ? contentsEntries(printed.headings) : undefined
        if (stranded.length === 0 && samePages(contents, layout.contents))
          return { pdf: printed.pdf, headings: printed.headings, html, layout, textPages: text, lastFill: pageFill(pages, text - 1), pages }
        layout = { ...layout, breakBefore: [...layout.breakBefore, ...stranded], ...(contents ? { contents } : {}) }
      }
      throw new RenderError(
        `${target.id}: ${target.output}: the layout still moved after ${MAX_PRINTS} prints (headings left at a column's end, or the contents list's page numbers); shorten a section title so each fits one line`
      )
    }
    let result = await settle({ breakBefore: [] })
    if (result.textPages > 1 && result.lastFill <= SHORT_LAST_PAGE) {
      const tight = await settle({ ...result.layout, tight: true })
      if (tight.textPages < result.textPages) result = tight
    }
    const figures = input.kind === 'handout' ? smallFigures(result.pages, result.html, input.markdown) : []
    return { pdf: result.pdf, headings: result.headings, html: result.html, smallFigures: figures, ...(result.layout.contents ? { contents: result.layout.contents } : {}) }
  })
}
