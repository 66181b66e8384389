// Rendering stage: committed Markdown (decks/, handouts/, summaries/) → dist/.
// Phase 1 writes the HTML that needs no browser; phase 2 starts ONE browser
// for every PDF and PPTX of every guideline, with pages rendered in parallel
// up to os.availableParallelism(). presenter.pdf (presenter.ts) is a small
// notes page printed beside each deck, with the deck PDF's pages drawn in.
import { readFile } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import path from 'node:path'
import pLimit from 'p-limit'
import { PDFDocument } from 'pdf-lib'
import { audienceTitle, indexTitles } from '../transforms/shape/labels.ts'
import { allowedDirs, readTheme, themeFileName } from './assets.ts'
import { BrowserSession, BrowserUnavailableError } from './browser.ts'
import { named, RenderError } from './errors.ts'
import { deckDocument, fitCss, renderDeckInBrowser, renderDeckMarkdown, type RenderedDeck } from './deck.ts'
import { documentHtml, printDocument } from './document.ts'
import { renderIndex, type IndexGuideline } from './index-page.ts'
import { finalizePdf } from './pdf-meta.ts'
import { extractPdfText } from './pdf-text.ts'
import { buildPptx } from './pptx.ts'
import { presenterHtml, presenterPdf, printPresenterLayout } from './presenter.ts'
import type { GuidelineMeta, RenderOptions, RenderReport } from './types.ts'
import { writeAtomic } from './write.ts'
import { renderedFileNames } from '../transforms/serialize/outputs.ts'

export type { CoverageRow, IndexExtras, IndexGuideline, ReadabilityRow } from './index-page.ts'
export type { GuidelineMeta, RenderOptions, RenderReport } from './types.ts'

/** The one browser of a build, with the project's allow-list; a build may start it early (see RenderOptions.session). */
export function startBrowser(root: string): Promise<BrowserSession> {
  return BrowserSession.start({ allowedDirs: allowedDirs(root) })
}

interface Job {
  meta: GuidelineMeta
  deck?: { file: string; rendered: RenderedDeck }
  docs: Array<{ kind: 'handout' | 'summary'; html: string }>
}

export async function renderAll(guidelines: GuidelineMeta[], options: RenderOptions): Promise<RenderReport> {
  const root = path.resolve(options.root)
  const report: RenderReport = { files: [], browserStarts: 0, pdfText: {}, warnings: [], blocked: [] }
  // Set once a render failed: pages still finishing must not write anything after that.
  let failed = false
  const emit = async (rel: string, data: string | Uint8Array): Promise<void> => {
    if (failed) throw new RenderError(`${rel} was not written: another output failed to render`)
    await (options.write ? options.write(rel, data) : writeAtomic(path.join(root, rel), data))
    report.files.push(rel)
    options.onFile?.(rel)
  }
  const dist = (id: string, name: string): string => path.posix.join('dist', id, name)
  const [themeCss, printCss] = await Promise.all([readTheme(root, 'guidepress.css'), readTheme(root, 'print.css')])
  const useBrowser = options.pdf || options.pptx

  // Phase 1: Markdown → HTML, no browser.
  const jobs: Job[] = []
  for (const meta of guidelines) {
    const job: Job = { meta, docs: [] }
    if (meta.outputs.includes('deck')) {
      const file = path.join(root, 'decks', `${meta.id}.md`)
      const rendered = renderDeckMarkdown({
        root,
        file,
        markdown: await readSource(file, root, options.markdown),
        themeCss,
        themeFile: themeFileName(root, 'guidepress.css'),
        lang: meta.lang,
        title: meta.title
      })
      job.deck = { file, rendered }
      if (!useBrowser) await emit(dist(meta.id, 'deck.html'), deckDocument(rendered, meta))
    }
    for (const kind of ['handout', 'summary'] as const) {
      if (!meta.outputs.includes(kind)) continue
      const file = path.join(root, kind === 'handout' ? 'handouts' : 'summaries', `${meta.id}.md`)
      const html = await documentHtml({
        root,
        file,
        markdown: await readSource(file, root, options.markdown),
        printCss,
        kind,
        title: audienceTitle(meta, kind),
        version: meta.version,
        updated: meta.updated,
        lang: meta.lang,
        draft: meta.status !== 'approved',
        paper: options.paper ?? 'A4'
      })
      job.docs.push({ kind, html })
      await emit(dist(meta.id, `${kind}.html`), html)
    }
    jobs.push(job)
  }

  const writeIndex = async (): Promise<void> => {
    const entries: IndexGuideline[] = jobs.map(({ meta }) => ({
      id: meta.id,
      title: meta.title,
      ...(meta.subtitle ? { subtitle: meta.subtitle } : {}),
      version: meta.version,
      updated: meta.updated,
      status: meta.status,
      files: ORDER.filter((name) => report.files.includes(dist(meta.id, name))),
      ...indexTitles(meta)
    }))
    const all = [...entries, ...(options.unchangedGuidelines ?? [])].sort((a, b) => a.id.localeCompare(b.id))
    await emit('dist/index.html', renderIndex(all, options.index))
  }

  if (!useBrowser) {
    await writeIndex()
    return report
  }

  // Phase 2: one browser for every PDF and PPTX.
  let session: BrowserSession
  try {
    session = await (options.session ?? startBrowser(root))
    report.browserStarts += 1
  } catch (error) {
    for (const job of jobs) {
      if (job.deck) await emit(dist(job.meta.id, 'deck.html'), deckDocument(job.deck.rendered, job.meta))
    }
    await writeIndex()
    throw error instanceof BrowserUnavailableError ? error : new BrowserUnavailableError(String(error), { cause: error })
  }

  const pages = pLimit(Math.max(1, Math.min(options.concurrency ?? availableParallelism(), availableParallelism())))
  // A page still queued when a render failed never opens.
  const limit = <T>(work: () => Promise<T>): Promise<T> =>
    pages(() => (failed ? Promise.reject(new RenderError('not rendered: another output failed first')) : work()))
  const tasks: Array<Promise<void>> = []
  try {
    for (const job of jobs) {
      const { meta } = job
      const pdfMeta = {
        title: meta.title,
        keywords: [meta.id, `version ${meta.version}`, meta.status],
        author: 'guidepress',
        lang: meta.lang,
        updated: meta.updated
      }
      const deck = job.deck
      if (deck) {
        const deckTask = limit(async () => {
          const result = await renderDeckInBrowser(session, deck.rendered, meta, {
            pdf: options.pdf,
            images: options.pptx,
            imageScale: options.imageScale ?? 1.5,
            ...(options.limits ? { limits: options.limits } : {})
          })
          for (const slide of result.overfull)
            report.warnings.push({ id: meta.id, output: 'deck.pdf', slide, ruleId: 'slide-overfull-rendered', message: `Slide ${slide} still overflows at 70% text size in deck.pdf; split its section or move text into :::notes` })
          const extraCss = fitCss(result.scales)
          await emit(dist(meta.id, 'deck.html'), deckDocument(deck.rendered, meta, { extraCss }))
          if (result.pdf) {
            // Loaded once here: finalizePdf works on it, and its page count needs no second parse.
            const loaded = await PDFDocument.load(result.pdf, { updateMetadata: false })
            const pages = loaded.getPageCount()
            const bytes = await finalizePdf(
              loaded,
              { ...pdfMeta, subject: `${meta.subtitle ?? 'Slides for clinicians'} · version ${meta.version}` },
              {
                notes: deck.rendered.notes,
                outline: result.slides.map((s, i) => s.heading || `Slide ${i + 1}`)
              }
            )
            if (pages !== deck.rendered.slideCount)
              report.warnings.push({ id: meta.id, output: 'deck.pdf', ruleId: 'pdf-page-count', message: `deck.pdf has ${pages} pages for ${deck.rendered.slideCount} slides; a slide broke across pages, so look for one that overflows` })
            const rel = dist(meta.id, 'deck.pdf')
            await emit(rel, bytes)
            report.pdfText[rel] = await extractPdfText(bytes)
          }
          if (options.pptx) {
            const bytes = await buildPptx({
              images: result.images,
              slides: result.slides,
              notes: deck.rendered.notes,
              title: meta.title,
              subject: `${meta.subtitle ?? 'Slides for clinicians'} · version ${meta.version}`,
              author: 'guidepress',
              updated: meta.updated
            })
            await emit(dist(meta.id, 'deck.pptx'), bytes)
          }
          return result.pdf
        })
        tasks.push(named(meta.id, options.pdf ? 'deck.pdf' : 'deck.pptx', deckTask).then(() => undefined))
        if (options.pdf) {
          // The notes layout prints alongside the deck; only drawing the slides in waits for it.
          const paper = options.paper ?? 'A4'
          const layout = limit(() =>
            printPresenterLayout(session, presenterHtml({ ...meta, notes: deck.rendered.notes, draft: meta.status !== 'approved', paper }), {
              id: meta.id,
              output: 'presenter.pdf',
              ...(options.limits ? { limits: options.limits } : {})
            })
          )
          tasks.push(
            named(meta.id, 'presenter.pdf', Promise.all([deckTask, layout])).then(async ([deckPdf, printed]) => {
              if (!deckPdf) return
              const subject = `Presenter notes · version ${meta.version}`
              const { bytes, warnings } = await presenterPdf(printed, deckPdf, { id: meta.id, paper, slides: deck.rendered.slideCount, meta: { ...pdfMeta, subject } })
              report.warnings.push(...warnings)
              // Not in pdfText: its text is deck.pdf's plus the notes, so checking its coverage would only repeat deck.pdf's.
              await emit(dist(meta.id, 'presenter.pdf'), bytes)
            })
          )
        }
      }
      if (!options.pdf) continue
      for (const doc of job.docs) {
        const output = `${doc.kind}.pdf`
        tasks.push(
          named(meta.id, output, limit(async () => {
            const raw = await printDocument(session, doc.html, { id: meta.id, output, ...(options.limits ? { limits: options.limits } : {}) })
            const label = doc.kind === 'handout' ? 'Patient handout' : 'Clinician summary'
            const bytes = await finalizePdf(raw, { ...pdfMeta, title: audienceTitle(meta, doc.kind), subject: `${label} · version ${meta.version}` })
            const rel = dist(meta.id, output)
            await emit(rel, bytes)
            report.pdfText[rel] = await extractPdfText(bytes)
          }))
        )
      }
    }
    // The first failure ends the render at once (closing the browser stops the other pages).
    await Promise.all(tasks.map((task) => task.catch((error: unknown) => {
      failed = true
      throw error
    })))
  } finally {
    // Not the proxy's refusals: most are the browser's own calls home, which say nothing about the guideline.
    report.blocked.push(...session.blocked)
    await session.close()
    // Every page has ended now (closing the browser ends them); none writes after this returns.
    await Promise.allSettled(tasks)
  }
  await writeIndex()
  return report
}

const ORDER = renderedFileNames

async function readSource(file: string, root: string, inMemory: ReadonlyMap<string, string> | undefined): Promise<string> {
  const given = inMemory?.get(path.relative(root, file).split(path.sep).join('/'))
  if (given !== undefined) return given
  try {
    return await readFile(file, 'utf8')
  } catch (error) {
    throw new Error(`Cannot render ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)} (write the Markdown outputs first)`, {
      cause: error
    })
  }
}
