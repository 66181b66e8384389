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
import { CONTENTS_ID, NOTES_ID, type ContentsEntry } from './parts.ts'

/** A handout gets a contents list when its text (the notes page not counted) takes more pages than this. */
export const CONTENTS_AFTER_PAGES = 4
/** Prints with the contents list in before giving up on page numbers that keep moving. */
const MAX_CONTENTS_PRINTS = 4

export interface PrintedDocument {
  /** Chromium's PDF (its own outline still in; finalizePdf replaces it with `headings`). */
  pdf: Uint8Array
  /** Every heading Chromium placed, in document order, with its page (0-based). */
  headings: PlacedHeading[]
  /** The HTML printed: the input's, plus the contents list when the handout is long. */
  html: string
  /** The contents list, when there is one. */
  contents?: ContentsEntry[]
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

const samePages = (a: readonly ContentsEntry[], b: readonly ContentsEntry[]): boolean =>
  a.length === b.length && a.every((entry, index) => entry.id === b[index]?.id && entry.page === b[index]?.page)

/** Prints a document (and a long handout's contents list, numbered from the PDF itself). */
export async function printDocumentPdf(session: BrowserSession, input: DocumentInput, target: PrintTarget): Promise<PrintedDocument> {
  return withPrintPage(session, target, async (page, steps) => {
    const html = await documentHtml(input)
    const first = await printOnce(page, steps, html)
    if (input.kind !== 'handout' || textPages(first) <= CONTENTS_AFTER_PAGES) return { pdf: first.pdf, headings: first.headings, html }
    let contents = contentsEntries(first.headings)
    for (let print = 1; print <= MAX_CONTENTS_PRINTS; print += 1) {
      const numbered = await documentHtml({ ...input, contents })
      const printed = await printOnce(page, steps, numbered)
      const found = contentsEntries(printed.headings)
      if (samePages(found, contents)) return { pdf: printed.pdf, headings: printed.headings, html: numbered, contents }
      contents = found
    }
    throw new RenderError(
      `${target.id}: ${target.output}: the contents list's page numbers still moved after ${MAX_CONTENTS_PRINTS} prints; shorten a section title so each fits one line`
    )
  })
}
