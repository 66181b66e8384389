// The outputs made in the browser: per deck its PDF, PPTX, fitted deck.html and presenter.pdf; per
// handout and summary its PDF. Pages render in parallel, each guideline's as soon as its HTML is
// made; the first failure ends the render.
import { availableParallelism } from 'node:os'
import pLimit from 'p-limit'
import { PDFDocument } from './pdf-lib.ts'
import { audienceTitle } from '../transforms/shape/labels.ts'
import { labelsFor } from '../transforms/catalogue/labels.ts'
import type { BrowserSession } from './browser.ts'
import { deckDocument, fitCss, renderDeckInBrowser } from './deck.ts'
import { printDocumentPdf } from './document/print.ts'
import { slideWarnings } from './deck/fit.ts'
import { noteMarkdown } from './deck/notes.ts'
import { named, RenderError } from './errors.ts'
import { finalizePdf, type PdfMetadata } from './pdf-meta.ts'
import { extractPdfText } from './pdf-text.ts'
import { deckPptx } from './pptx/index.ts'
import { presenterHtml, presenterPdf, printPresenterLayout } from './presenter.ts'
import { dist, type Job, type RenderRun } from './run.ts'

/** Runs `work` on a page of its own once the browser is up and one of the pages is free. */
type Limit = <T>(work: (session: BrowserSession) => Promise<T>) => Promise<T>
type Deck = NonNullable<Job['deck']>
/** A guideline's PDF metadata; each output adds its own subject. */
type DocumentMeta = Omit<PdfMetadata, 'subject'>

/**
 * Every browser output of the guidelines given to `add`, in one session. A guideline's outputs
 * start as soon as it is added, while the HTML of the next is still being made, and run in
 * parallel; the first failure ends the render.
 */
export class BrowserOutputs {
  private readonly tasks: Array<Promise<void>> = []
  /** The browser's part of each output (what holds a page), settled however it ended. */
  private readonly browserSteps: Array<Promise<unknown>> = []
  private readonly limit: Limit
  /** The browser never started: the tasks failed with that, which is no output's fault. */
  private startFailed = false
  private firstError: unknown

  constructor(
    private readonly run: RenderRun,
    private readonly session: Promise<BrowserSession>
  ) {
    session.catch(() => undefined) // reported by `finish`
    const pages = pLimit(Math.max(1, Math.min(run.options.concurrency ?? availableParallelism(), availableParallelism())))
    // A page still queued when a render failed never opens.
    this.limit = (work) => {
      const step = pages(async () => {
        if (run.failed) throw new RenderError('not rendered: another output failed first')
        const started = await session.catch((error: unknown) => {
          this.startFailed = true
          throw error
        })
        return work(started)
      })
      this.browserSteps.push(step.catch(() => undefined))
      return step
    }
  }

  /** Starts the browser outputs of one guideline whose HTML phase is done. */
  add(job: Job): void {
    const { run } = this
    const { meta } = job
    const pdfMeta = { title: meta.title, keywords: [meta.id, `version ${meta.version}`, meta.status], author: 'guidepress', lang: meta.lang, updated: meta.updated }
    const started = [...(job.deck ? deckTasks(run, job, job.deck, this.limit, pdfMeta) : []), ...(run.options.pdf ? job.docs.map((doc) => documentPdfTask(run, job, doc, this.limit, pdfMeta)) : [])]
    for (const task of started) {
      // The first failure ends the render at once (closing the browser stops the other pages).
      const watched = task.catch((error: unknown) => {
        if (this.startFailed) throw error
        if (!run.failed) this.firstError = error
        run.failed = true
        this.session.then((session) => session.close()).catch(() => undefined)
        throw error
      })
      watched.catch(() => undefined) // awaited by `finish`
      this.tasks.push(watched)
    }
  }

  /**
   * Waits for every output added. The browser is closed after a failure, and unless `keepOpen` as
   * soon as its last step has ended: every output is added by now, so it has nothing left to do,
   * and its close overlaps the PDF work still running in node. Throws the first failure; a browser
   * that never started throws its launch error.
   */
  async finish(options: { keepOpen: boolean }): Promise<void> {
    let session: BrowserSession | undefined
    try {
      session = await this.session
      const started = session
      if (!options.keepOpen) void Promise.all(this.browserSteps).then(() => started.close())
      await Promise.all(this.tasks)
    } catch (error) {
      throw this.firstError ?? error
    } finally {
      if (session) {
        // Not the proxy's refusals: most are the browser's own calls home, which say nothing about the guideline.
        const activity = session.takeActivity()
        this.run.report.blocked.push(...activity.blocked)
        this.run.report.browserPages += activity.pagesOpened
        if (this.run.failed || !options.keepOpen) await session.close()
      }
      // Every page has ended now (closing the browser ends them); none writes after this returns.
      await this.settled()
    }
  }

  /**
   * Ends the render after a failure elsewhere (the HTML phase): the browser closes, the pages stop.
   * Returns the error to report: an output's own failure when one came first (it made the other fail).
   */
  async abandon(error: unknown): Promise<unknown> {
    if (!this.run.failed) this.firstError = error
    this.run.failed = true
    await this.session.then((session) => session.close()).catch(() => undefined)
    await this.settled()
    return this.firstError
  }

  /** Waits until every output added has ended, however. */
  async settled(): Promise<void> {
    await Promise.allSettled(this.tasks)
  }
}

/**
 * The deck's PDF and PPTX with its fitted deck.html, then (with PDFs) its presenter.pdf. Only the
 * browser's part of each holds one of the pages: pdf-lib, PDF.js and the PPTX (which needs no
 * browser at all) run beside the pages still printing.
 */
function deckTasks(run: RenderRun, job: Job, deck: Deck, limit: Limit, pdfMeta: DocumentMeta): Array<Promise<void>> {
  const { options, report } = run
  const { meta } = job
  const labels = labelsFor(meta.lang, options.messages)
  const deckTask = limit((session) =>
    renderDeckInBrowser(session, deck.rendered, meta, {
      pdf: options.pdf,
      ...(options.limits ? { limits: options.limits } : {})
    })
  ).then(async (result) => {
    report.warnings.push(...slideWarnings(meta.id, result))
    const extraCss = fitCss(result.scales)
    await run.emit(dist(meta.id, 'deck.html'), deckDocument(deck.rendered, meta, { extraCss, labels }))
    if (!result.pdf) return undefined
    // Loaded once here: finalizePdf works on it, and its page count needs no second parse.
    const loaded = await PDFDocument.load(result.pdf, { updateMetadata: false })
    const pages = loaded.getPageCount()
    const bytes = await finalizePdf(
      loaded,
      { ...pdfMeta, subject: labels.text('pdfSubject', { kind: meta.subtitle ?? labels.text('deckKind'), version: meta.version }) },
      {
        ...(options.pdfNotes ? { notes: deck.rendered.notes.map(noteMarkdown), notesTitle: labels.text('speakerNotes') } : {}),
        outline: result.slides.map((s, i) => s.heading || labels.text('slideNumber', { n: i + 1 }))
      }
    )
    if (pages !== deck.rendered.slideCount)
      report.warnings.push({ id: meta.id, output: 'deck.pdf', ruleId: 'pdf-page-count', message: `deck.pdf has ${pages} pages for ${deck.rendered.slideCount} slides; a slide broke across pages, so look for one that overflows` })
    const rel = dist(meta.id, 'deck.pdf')
    await run.emit(rel, bytes)
    report.pdfText[rel] = await extractPdfText(bytes)
    return bytes
  })
  const tasks: Array<Promise<void>> = [named(meta.id, options.pdf ? 'deck.pdf' : 'deck.pptx', deckTask).then(() => undefined)]
  if (options.pptx) {
    // Made from the deck's Markdown: written once the deck's PDF and HTML are (a failed deck writes no PPTX).
    const pptx = deckPptx(run.root, deck.file, meta, options.markdown, options.brand, labels)
    pptx.catch(() => undefined)
    tasks.push(named(meta.id, 'deck.pptx', Promise.all([pptx, deckTask])).then(async ([made]) => run.emit(dist(meta.id, 'deck.pptx'), made.bytes)))
  }
  if (!options.pdf) return tasks
  // The notes layout prints alongside the deck; only drawing the slides in waits for it.
  const paper = options.paper ?? 'A4'
  const layout = limit((session) =>
    printPresenterLayout(session, presenterHtml({ ...meta, notes: deck.rendered.notes, draft: meta.status !== 'approved', paper, organisation: options.organisation?.name, ...(options.messages ? { messages: options.messages } : {}), ...(options.brand ? { brand: options.brand } : {}) }), {
      id: meta.id,
      output: 'presenter.pdf',
      ...(options.limits ? { limits: options.limits } : {})
    })
  )
  tasks.push(
    named(meta.id, 'presenter.pdf', Promise.all([deckTask, layout])).then(async ([deckPdf, printed]) => {
      if (!deckPdf) return
      const subject = labels.text('pdfSubject', { kind: labels.text('presenterNotes'), version: meta.version })
      const { bytes, warnings } = await presenterPdf(printed, deckPdf, { id: meta.id, paper, slides: deck.rendered.slideCount, meta: { ...pdfMeta, subject }, labels })
      report.warnings.push(...warnings)
      // Not in pdfText: its text is deck.pdf's plus the notes, so checking its coverage would only repeat deck.pdf's.
      await run.emit(dist(meta.id, 'presenter.pdf'), bytes)
    })
  )
  return tasks
}

/** A handout's or summary's PDF, printed from its HTML (only the printing holds a page). */
function documentPdfTask(run: RenderRun, job: Job, doc: Job['docs'][number], limit: Limit, pdfMeta: DocumentMeta): Promise<void> {
  const { meta } = job
  const output = `${doc.kind}.pdf`
  const target = { id: meta.id, output, ...(run.options.limits ? { limits: run.options.limits } : {}) }
  return named(meta.id, output, limit((session) => printDocumentPdf(session, doc.input, target, doc.html)).then(async (printed) => {
    const labels = labelsFor(meta.lang, run.options.messages)
    const label = labels.text(doc.kind === 'handout' ? 'handoutKind' : 'summaryKind')
    const headings = printed.headings.map((heading) => ({ title: heading.text, level: heading.level, page: heading.page, ...(heading.top !== undefined ? { top: heading.top } : {}) }))
    const bytes = await finalizePdf(printed.pdf, { ...pdfMeta, title: audienceTitle(meta, doc.kind), subject: labels.text('pdfSubject', { kind: label, version: meta.version }) }, { headings })
    if (!doc.written) await run.emit(dist(meta.id, `${doc.kind}.html`), printed.html)
    for (const figure of printed.smallFigures)
      run.report.warnings.push({ id: meta.id, output, outputLine: figure.line, ruleId: 'figure-label-small', message: `${figure.src}: its labels print at ${figure.size.toFixed(1)} pt in ${output} (“${figure.label}”), under 9 pt; set them larger in the SVG, or make the figure wider` })
    const rel = dist(meta.id, output)
    await run.emit(rel, bytes)
    run.report.prints[rel] = printed.prints
    // Chromium's text, read in the same parse as the layout: finalizePdf changes no page's content.
    run.report.pdfText[rel] = printed.text
  }))
}
