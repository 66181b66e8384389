// Printing a handout or summary: where each heading lands (for the PDF's bookmarks) and, for a
// handout longer than CONTENTS_AFTER_PAGES pages, a contents list whose page numbers are those of
// the PDF that carries it: print, list the sections with their pages, print again with the list in,
// and again until every listed number is the page its section starts on.
//
// The page is loaded once; each later layout (a contents list, a break before a heading, tighter
// spacing) only replaces its <main> and its body's class, which is all a layout changes. A handout
// long enough to be sure to need a contents list is printed first with the list already in (its
// page numbers not yet known), so its sections are where the list puts them from the first print:
// two prints instead of three.
import type { Page } from 'puppeteer-core'
import { PDFDocument } from '../pdf-lib.ts'
import type { BrowserSession } from '../browser.ts'
import { documentLayouts, withPrintPage, type DocumentInput, type DocumentPage, type PrintSteps, type PrintTarget } from '../document.ts'
import { RenderError } from '../errors.ts'
import { placeHeadings, readOutline, type PageHeading, type PlacedHeading } from '../pdf-outline.ts'
import { smallFigures, type SmallFigure } from './figures.ts'
import { pageFill, readPrintedPages, strandedHeadings, type PrintedPages } from './layout.ts'
import { CONTENTS_ID, isSectionId, NOTES_ID, type ContentsEntry } from './parts.ts'

/** A handout gets a contents list when its text (the notes page not counted) takes more pages than this. */
export const CONTENTS_AFTER_PAGES = 4
/** Prints before giving up on a layout that keeps moving (each print can only add a contents list or a break). */
const MAX_PRINTS = 6
/**
 * A handout whose Markdown is longer than this is printed first with its contents list in. A
 * handout page holds about 1,300 characters of Markdown, so this is about twice the length that
 * needs a list; a shorter one that needs it anyway costs one print more, never a wrong list.
 */
const SURELY_LONG_CHARS = 1300 * CONTENTS_AFTER_PAGES * 2

export interface PrintedDocument {
  /** Chromium's PDF, loaded (its own outline still in; finalizePdf replaces it with `headings`). */
  pdf: PDFDocument
  /** Every heading Chromium placed, in document order, with its page (0-based). */
  headings: PlacedHeading[]
  /** The HTML printed: the input's, plus the contents list when the handout is long. */
  html: string
  /** The PDF's text, as render/pdf-text.ts extracts it (read from the same parse as the layout). */
  text: string
  /** The contents list, when there is one. */
  contents?: ContentsEntry[]
  /** A handout's figures whose labels print under 9 pt. */
  smallFigures: SmallFigure[]
  /** How many times the page was printed. */
  prints: number
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

/** Shows another layout of the loaded page: its body's class and <main> replaced, then its images and fonts awaited. */
const relayoutScript = (shown: DocumentPage): string => `(async () => {
  document.body.className = ${JSON.stringify(shown.bodyClass)}
  document.querySelector('main').innerHTML = ${JSON.stringify(shown.main)}
  await Promise.all([...document.images].map((image) => (image.complete ? undefined : image.decode().catch(() => undefined))))
  await document.fonts.ready
})()`

interface Printed {
  pdf: PDFDocument
  headings: PlacedHeading[]
  pages: number
  layout: PrintedPages
  text: string
}

async function printOnce(page: Page, steps: PrintSteps): Promise<Printed> {
  const headings = await steps.within(pageHeadings(page), 'reading the headings')
  const bytes = await steps.print({ outline: true })
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false })
  const { layout, text } = await readPrintedPages(bytes)
  return { pdf, headings: placeHeadings(headings, readOutline(pdf)), pages: pdf.getPageCount(), layout, text }
}

/** The `##` sections a contents list names: every one the Markdown wrote, with its page (1-based). */
export function contentsEntries(headings: readonly PlacedHeading[]): ContentsEntry[] {
  return headings
    .filter((heading) => heading.level === 2 && isSectionId(heading.id))
    .map((heading) => ({ id: heading.id, title: heading.text, page: heading.page + 1 }))
}

/** The contents list before its pages are known: each number 1, as wide as a real one (print.css gives it two digits' width). */
const trialContents = (headings: readonly PageHeading[]): ContentsEntry[] => contentsEntries(headings.map((heading) => ({ ...heading, page: 0 })))

/** Pages of the text: up to the notes page, which starts a page of its own. */
function textPages(printed: { headings: PlacedHeading[]; pages: number }): number {
  const notes = printed.headings.find((heading) => heading.id === NOTES_ID)
  return notes ? notes.page : printed.pages
}

/**
 * Whether the text would still take more than CONTENTS_AFTER_PAGES pages without its contents
 * list: taking the list out saves at most the pages it spans, and one more for a block moved on.
 */
function longWithoutContents(printed: Printed): boolean {
  const at = printed.headings.findIndex((heading) => heading.id === CONTENTS_ID)
  const next = printed.headings.slice(at + 1).find((heading) => heading.level <= 2)
  if (at < 0 || !next) return false
  const spans = next.page - (printed.headings[at] as PlacedHeading).page + 1
  return textPages(printed) - spans - 1 > CONTENTS_AFTER_PAGES
}

const samePages = (a: readonly ContentsEntry[] | undefined, b: readonly ContentsEntry[] | undefined): boolean =>
  (a ?? []).length === (b ?? []).length && (a ?? []).every((entry, index) => entry.id === b?.[index]?.id && entry.page === b[index]?.page)

/** What the print step adds to a document's HTML; each print may add more until the layout holds. */
interface Layout {
  contents?: ContentsEntry[]
  breakBefore: string[]
  /** Slightly tighter spacing, tried when the last page would hold only a few lines. */
  tight?: boolean
  /** The contents list is in ahead of knowing the handout needs one (its page numbers not yet known). */
  trial?: boolean
}

interface Settled {
  printed: Printed
  html: string
  layout: Layout
  /** Pages of text (a handout's notes page not counted) and how full the last of them is. */
  textPages: number
  lastFill: number
}

/** The last page of text is this full or less: worth one print with tighter spacing to save it. */
export const SHORT_LAST_PAGE = 0.2

/**
 * Prints a document until its layout holds: no heading left at the end of a column or page
 * without what follows it (each such heading starts the next one instead), and, for a long
 * handout, a contents list whose numbers are the pages its sections start on. When the last page
 * of text holds only a few lines, it is printed once more with tighter spacing, kept only if that
 * saves the page. `plainHtml` is the input's HTML as made already (no contents list, no breaks).
 */
export async function printDocumentPdf(session: BrowserSession, input: DocumentInput, target: PrintTarget, plainHtml?: string): Promise<PrintedDocument> {
  const columns = input.kind === 'summary' ? 2 : 1
  const layoutPage = documentLayouts(input)
  return withPrintPage(session, target, async (page, steps) => {
    let loaded = false
    let prints = 0
    /** Shows a layout (loading the page the first time) and returns its HTML. */
    const show = async (layout: Layout): Promise<string> => {
      const plain = !layout.contents && layout.breakBefore.length === 0 && !layout.tight
      if (!loaded && plain && plainHtml !== undefined) {
        await steps.load(plainHtml)
        loaded = true
        return plainHtml
      }
      const shown = await layoutPage(layout)
      if (loaded) await steps.within(page.evaluate(relayoutScript(shown)), 'laying the page out again')
      else await steps.load(shown.html)
      loaded = true
      return shown.html
    }
    const settle = async (start: Layout): Promise<Settled> => {
      let layout = start
      for (let print = 1; print <= MAX_PRINTS; print += 1) {
        const html = await show(layout)
        const printed = await printOnce(page, steps)
        prints += 1
        if (layout.trial && !longWithoutContents(printed)) {
          // Maybe short enough without the list: print without it, as for any other handout.
          layout = { breakBefore: [] }
          continue
        }
        const stranded = strandedHeadings(printed.layout, printed.headings, columns)
          .map((heading) => heading.id)
          .filter((id) => isSectionId(id) && !layout.breakBefore.includes(id))
        const text = textPages(printed)
        const wantsContents = input.kind === 'handout' && (layout.contents !== undefined || text > CONTENTS_AFTER_PAGES)
        const contents = wantsContents ? contentsEntries(printed.headings) : undefined
        if (!layout.trial && stranded.length === 0 && samePages(contents, layout.contents))
          return { printed, html, layout, textPages: text, lastFill: pageFill(printed.layout, text - 1) }
        layout = { breakBefore: [...layout.breakBefore, ...stranded], ...(layout.tight ? { tight: true } : {}), ...(contents ? { contents } : {}) }
      }
      throw new RenderError(
        `${target.id}: ${target.output}: the layout still moved after ${MAX_PRINTS} prints (headings left at a column's end, or the contents list's page numbers); shorten a section title so each fits one line`
      )
    }
    let start: Layout = { breakBefore: [] }
    if (input.kind === 'handout' && input.markdown.length > SURELY_LONG_CHARS) {
      await show(start)
      start = { breakBefore: [], contents: trialContents(await steps.within(pageHeadings(page), 'reading the headings')), trial: true }
    }
    let result = await settle(start)
    if (result.textPages > 1 && result.lastFill <= SHORT_LAST_PAGE) {
      const tight = await settle({ ...result.layout, tight: true })
      if (tight.textPages < result.textPages) result = tight
    }
    const figures = input.kind === 'handout' ? smallFigures(result.printed.layout, result.html, input.markdown) : []
    return {
      pdf: result.printed.pdf,
      headings: result.printed.headings,
      html: result.html,
      text: result.printed.text,
      smallFigures: figures,
      prints,
      ...(result.layout.contents ? { contents: result.layout.contents } : {})
    }
  })
}
