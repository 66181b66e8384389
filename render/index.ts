// Rendering stage: committed Markdown (decks/, handouts/, summaries/) → dist/.
// Phase 1 writes the HTML that needs no browser; phase 2 starts ONE browser
// for every PDF and PPTX of every guideline, with pages rendered in parallel
// up to os.availableParallelism(). presenter.pdf (presenter.ts) is a small
// notes page printed beside each deck, with the deck PDF's pages drawn in.
import { allowedDirs } from './assets.ts'
import { BrowserSession, BrowserUnavailableError } from './browser.ts'
import { renderInBrowser } from './browser-outputs.ts'
import { deckDocument } from './deck.ts'
import { renderHtml, writeIndex } from './html-outputs.ts'
import { dist, RenderRun } from './run.ts'
import type { GuidelineMeta, RenderOptions, RenderReport } from './types.ts'

export type { CoverageRow, IndexExtras, IndexGuideline, ReadabilityRow } from './index-page.ts'
export type { GuidelineMeta, RenderOptions, RenderReport } from './types.ts'

/** The one browser of a build, with the project's allow-list; a build may start it early (see RenderOptions.session). */
export function startBrowser(root: string): Promise<BrowserSession> {
  return BrowserSession.start({ allowedDirs: allowedDirs(root) })
}

/** Every output of the given guidelines: their HTML, then (for PDFs or PPTX) the browser's outputs, then the index page. */
export async function renderAll(guidelines: GuidelineMeta[], options: RenderOptions): Promise<RenderReport> {
  const run = new RenderRun(options)
  const useBrowser = options.pdf || options.pptx
  const jobs = await renderHtml(run, guidelines, useBrowser)
  if (useBrowser) {
    let session: BrowserSession
    try {
      session = await (options.session ?? startBrowser(run.root))
      run.report.browserStarts += 1
    } catch (error) {
      // No browser: the HTML outputs are still written in full, as a --no-pdf build would.
      for (const job of jobs) {
        if (job.deck) await run.emit(dist(job.meta.id, 'deck.html'), deckDocument(job.deck.rendered, job.meta))
        for (const doc of job.docs) if (!doc.written) await run.emit(dist(job.meta.id, `${doc.kind}.html`), doc.html)
      }
      await writeIndex(run, jobs)
      throw error instanceof BrowserUnavailableError ? error : new BrowserUnavailableError(String(error), { cause: error })
    }
    await renderInBrowser(run, jobs, session)
  }
  await writeIndex(run, jobs)
  return run.report
}
