// dist/<id>/presenter.pdf: three slides per page, each beside its speaker notes, for rehearsing.
//
// No extra screenshots and no second layout of the deck: the browser prints a light text-only
// page (running head, slide numbers, notes; fixed mm geometry with an empty box where each slide
// goes), and pdf-lib draws the pages of the deck PDF already printed into those boxes as
// embedded vector pages. That is one small print, run in parallel with the deck, plus ~0.1–0.3 s
// of pdf-lib for a 32-slide deck; the slides stay vector (sharp, and the file about the size of
// deck.pdf). Reusing the PPTX's PNGs instead would tie this file to --pptx and make it raster and
// several times larger. Both halves are deterministic (pdf-lib's resource names come from a
// seeded generator), so finalizePdf's fixed metadata gives identical bytes on every build.
import { beginMarkedContent, endMarkedContent, PDFDocument, rgb } from './pdf-lib.ts'
import { escapeHtml, FONT_STACK, fontFaceCss, htmlStart } from './assets.ts'
import type { BrowserSession } from './browser.ts'
import { SLIDE_HEIGHT, SLIDE_WIDTH } from './deck.ts'
import { pageCss, pageLabels, printHtml, type PaperSize, type PrintedPage, type PrintTarget } from './document.ts'
import { englishLabels, type Labels } from '../transforms/catalogue/labels.ts'
import { drawForm, pagesAsForms } from './pdf-forms.ts'
import { finalizePdf, type PdfMetadata } from './pdf-meta.ts'
import type { RenderWarning } from './errors.ts'
import { noteHtml, noteMarkdown } from './deck/notes.ts'
import { brandCss } from './brand.ts'
import type { ProjectConfig } from '../transforms/input/config-schema.ts'

export const SLIDES_PER_PAGE = 3
/** Notes start at 10 pt and shrink in 8% steps down to this size before they count as too long. */
const NOTES_PT = 10
const NOTES_FLOOR_PT = 7.5
/** The words of a slide without notes in English (the catalogue's; a guideline's own language is used on its page). */
export const NO_NOTES = englishLabels.text('noSpeakerNotes')

const MM_TO_PT = 72 / 25.4
const PAPER_MM: Record<PaperSize, { width: number; height: number }> = {
  A4: { width: 210, height: 297 },
  Letter: { width: 215.9, height: 279.4 }
}

/** Page geometry in millimetres, shared by the HTML layout and the pdf-lib drawing. */
export interface PresenterGeometry {
  paper: PaperSize
  page: { width: number; height: number }
  margin: { top: number; right: number; bottom: number; left: number }
  /** Height of one of the three rows; the rows fill the page's content box (less a rounding reserve). */
  row: number
  /** Space above and below the contents of a row. */
  pad: number
  slide: { width: number; height: number }
  /** Between the slide and its notes. */
  gap: number
}

export function presenterGeometry(paper: PaperSize): PresenterGeometry {
  const page = PAPER_MM[paper]
  const margin = { top: 18, right: 14, bottom: 14, left: 14 }
  // 0.6 mm less than the content box, so rounding never pushes a row onto a page of its own.
  const row = (page.height - margin.top - margin.bottom - 0.6) / SLIDES_PER_PAGE
  const width = 108
  return { paper, page, margin, row, pad: 4, slide: { width, height: (width * SLIDE_HEIGHT) / SLIDE_WIDTH }, gap: 7 }
}

export function presenterPageCount(slides: number): number {
  return Math.max(1, Math.ceil(slides / SLIDES_PER_PAGE))
}

/** Where slide `index` (0-based) goes: its page and its box in mm from the page's top-left corner. */
export function slideBox(g: PresenterGeometry, index: number): { page: number; left: number; top: number; width: number; height: number } {
  const row = index % SLIDES_PER_PAGE
  return { page: Math.floor(index / SLIDES_PER_PAGE), left: g.margin.left, top: g.margin.top + row * g.row + g.pad, ...g.slide }
}

/** A note as the presenter reads it: without the label line that only keeps Marp from reading it as directives. */
export function noteParagraphs(note: string): string[] {
  return noteMarkdown(note).split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean)
}

export interface PresenterInput extends PrintedPage {
  notes: string[]
  /** The config's brand (render/brand.ts): its colours and font over the house ones, as on the handout. */
  brand?: ProjectConfig['brand']
}

/** The text half of the handout: one sheet per page, three rows per sheet, an empty box for each slide. */
export function presenterHtml(input: PresenterInput): string {
  const g = presenterGeometry(input.paper)
  const total = input.notes.length
  const labels = pageLabels(input)
  const rows = input.notes.map((note, index) => {
    // Paragraphs and bullets as written (a note's Markdown), not one run of text.
    const text = noteHtml(note) || `<p class="gp-none">${escapeHtml(labels.text('noSpeakerNotes'))}</p>`
    return `<section class="gp-row" aria-label="${escapeHtml(labels.text('slideNumber', { n: index + 1 }))}"><div class="gp-slide"></div>` +
      `<div class="gp-notes" data-slide="${index + 1}"><h2>${escapeHtml(labels.text('slideOf', { n: index + 1, total }))}</h2>` +
      `<div class="gp-text">${text}</div><p class="gp-cut">${escapeHtml(labels.text('notesCutShort'))}</p></div></section>`
  })
  const sheets: string[] = []
  for (let i = 0; i < Math.max(rows.length, 1); i += SLIDES_PER_PAGE) sheets.push(`<div class="gp-sheet">\n${rows.slice(i, i + SLIDES_PER_PAGE).join('\n')}\n</div>`)
  const { margin: m } = g
  // Explicit sizes: the notes are fitted on screen, so the layout must not depend on the viewport.
  const contentWidth = g.page.width - m.left - m.right
  const contentHeight = g.page.height - m.top - m.bottom - 0.6
  return `${htmlStart(input.lang, `${input.title} – ${labels.text('presenterNotes')}`)}
<style>
${fontFaceCss(true)}
${pageCss({ ...input, kind: 'presenter' }, `${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm`)}
html{font-family:var(--gp-font,${FONT_STACK});color:var(--gp-ink,#1a2330);background:var(--gp-surface,#fff);font-variant-ligatures:none;-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0}
.gp-sheet{width:${contentWidth}mm;height:${contentHeight}mm;overflow:hidden;break-after:page}
.gp-sheet:last-child{break-after:auto}
.gp-row{position:relative;box-sizing:border-box;height:${g.row}mm;padding:${g.pad}mm 0;display:flex;gap:${g.gap}mm;overflow:hidden}
.gp-row+.gp-row::before{content:"";position:absolute;left:0;right:0;top:0;border-top:0.3mm solid var(--gp-rule,#c5d3da)}
.gp-slide{flex:none;width:${g.slide.width}mm;height:${g.slide.height}mm}
.gp-notes{flex:1;min-width:0;display:flex;flex-direction:column}
.gp-notes h2{margin:0 0 1.5mm;font-size:11pt;line-height:1.2;color:var(--gp-brand,#0b5870)}
.gp-text{flex:1 1 0;min-height:0;overflow:hidden;font-size:${NOTES_PT}pt;line-height:1.35}
.gp-text p,.gp-text ul,.gp-text ol{margin:0 0 0.45em}
.gp-text ul,.gp-text ol{padding-left:1.2em}
.gp-text li+li{margin-top:0.15em}
.gp-text li>p{margin:0}
.gp-text>:last-child{margin-bottom:0}
.gp-none{color:var(--gp-muted,#4a5563)}
.gp-cut{display:none;margin:1mm 0 0;font-size:8pt;font-weight:700;color:#5c3300}
.gp-notes.gp-overfull .gp-cut{display:block}
sup{font-size:0.7em;line-height:0;vertical-align:super}
${brandCss(input.brand, ':root')}</style>
</head>
<body>
${sheets.join('\n')}
</body>
</html>
`
}

// Runs in the page as a string (see deck.ts): shrinks each slide's notes in 8% steps to the floor;
// returns the slides whose notes still do not fit (their text then ends at a whole line).
const FIT_SCRIPT = `(() => {
  const floor = ${(NOTES_FLOOR_PT * 4) / 3}
  const overfull = []
  for (const box of document.querySelectorAll('.gp-notes')) {
    const text = box.querySelector('.gp-text')
    const over = () => text.scrollHeight > text.clientHeight + 1
    let size = parseFloat(getComputedStyle(text).fontSize)
    while (over() && size > floor) {
      size = Math.max(floor, Math.round(size * 0.92 * 10) / 10)
      text.style.fontSize = size + 'px'
    }
    if (over()) {
      // Show the cut-short line, and end the text on a whole line rather than half a one.
      box.classList.add('gp-overfull')
      const line = parseFloat(getComputedStyle(text).lineHeight)
      const height = Math.floor(text.clientHeight / line) * line
      text.style.flex = 'none'
      text.style.height = height + 'px'
      overfull.push(Number(box.dataset.slide))
    }
  }
  return overfull
})()`

export interface PresenterLayout {
  pdf: Uint8Array
  /** Slides (1-based) whose notes were cut short even at the smallest type. */
  overfull: number[]
}

/** Prints the text half in a fresh page of the shared browser, fitting each slide's notes first. */
export async function printPresenterLayout(session: BrowserSession, html: string, target: PrintTarget): Promise<PresenterLayout> {
  const { pdf, prepared } = await printHtml(session, html, target, async (page) => (await page.evaluate(FIT_SCRIPT)) as number[])
  return { pdf, overfull: prepared }
}

/** The finished presenter.pdf, with warnings for notes cut short and an unexpected page count. */
export async function presenterPdf(
  printed: PresenterLayout,
  deck: Uint8Array,
  options: { id: string; paper: PaperSize; slides: number; meta: PdfMetadata; labels?: Labels }
): Promise<{ bytes: Uint8Array; warnings: RenderWarning[] }> {
  const warnings: RenderWarning[] = printed.overfull.map((slide) => ({
    id: options.id,
    output: 'presenter.pdf',
    slide,
    ruleId: 'notes-cut-short',
    message: `The notes of slide ${slide} do not fit presenter.pdf even at ${NOTES_FLOOR_PT} pt and are cut short there; shorten them (deck.pptx and deck.html keep them whole)`
  }))
  const { bytes, pages } = await composePresenterPdf(printed.pdf, deck, options)
  const expected = presenterPageCount(options.slides)
  if (pages !== expected)
    warnings.push({ id: options.id, output: 'presenter.pdf', ruleId: 'pdf-page-count', message: `presenter.pdf has ${pages} pages for ${options.slides} slides (expected ${expected})` })
  return { bytes, warnings }
}

/** Draws each page of the deck PDF into its box on the printed layout, then fixes the metadata. */
async function composePresenterPdf(
  layout: Uint8Array,
  deck: Uint8Array,
  options: { paper: PaperSize; slides: number; meta: PdfMetadata; labels?: Labels }
): Promise<{ bytes: Uint8Array; pages: number }> {
  const labels = options.labels ?? englishLabels
  const g = presenterGeometry(options.paper)
  const pdf = await PDFDocument.load(layout, { updateMetadata: false })
  const source = await PDFDocument.load(deck, { updateMetadata: false })
  // Copied first (one copier, so the fonts the slides share are copied once), then made forms in
  // the same document (pdf-forms.ts).
  const copied = await pdf.copyPages(source, source.getPageIndices().slice(0, options.slides))
  const slides = await pagesAsForms(pdf, copied)
  const pages = pdf.getPages()
  slides.forEach((slide, index) => {
    const box = slideBox(g, index)
    const page = pages[box.page]
    if (!page) return
    const rect = {
      x: box.left * MM_TO_PT,
      y: page.getHeight() - (box.top + box.height) * MM_TO_PT,
      width: box.width * MM_TO_PT,
      height: box.height * MM_TO_PT
    }
    // The pictures repeat deck.pdf; for the tagged structure they are artifacts beside the notes.
    page.pushOperators(beginMarkedContent('Artifact'))
    drawForm(page, slide, rect)
    page.drawRectangle({ ...rect, borderColor: rgb(0.77, 0.83, 0.85), borderWidth: 0.6 })
    page.pushOperators(endMarkedContent())
  })
  const outline = pages.map((_, i) => {
    const first = i * SLIDES_PER_PAGE + 1
    const last = Math.min(options.slides, first + SLIDES_PER_PAGE - 1)
    return first >= last ? labels.text('slideNumber', { n: first }) : labels.text('slidesRange', { from: first, to: last })
  })
  return { bytes: await finalizePdf(pdf, options.meta, { outline }), pages: pages.length }
}
