// Rendering stage: committed Markdown (decks/, handouts/, summaries/) → dist/.
// Each guideline's HTML is made in turn; ONE browser, started at once, makes
// every PDF and PPTX, a guideline's as soon as its HTML is ready, with pages
// rendered in parallel up to os.availableParallelism(). presenter.pdf
// (presenter.ts) is a small notes page printed beside each deck, with the deck
// PDF's pages drawn in.
import { BrowserUnavailableError } from './browser.ts'
import { startBrowser } from './browser/start.ts'
import { BrowserOutputs } from './browser-outputs.ts'
import { deckDocument } from './deck.ts'
import { renderHtml, writeIndex } from './html-outputs.ts'
import { dist, RenderRun, type Job } from './run.ts'
import type { GuidelineMeta, RenderOptions, RenderReport } from './types.ts'

export { startBrowser } from './browser/start.ts'
export type { CoverageRow, IndexExtras, IndexGuideline, ReadabilityRow } from './index-page.ts'
export type { GuidelineMeta, RenderOptions, RenderReport } from './types.ts'

/**
 * Every output of the given guidelines: their HTML, and (for PDFs or PPTX) the browser's outputs of
 * each guideline as soon as its HTML is made, then the index page. A browser passed in
 * (`options.session`) is left open after success, for its owner to close, unless `closeSession`.
 */
export async function renderAll(guidelines: GuidelineMeta[], options: RenderOptions): Promise<RenderReport> {
  const run = new RenderRun(options)
  if (!options.pdf && !options.pptx) {
    await writeIndex(run, await renderHtml(run, guidelines, false))
    return run.report
  }
  const starting = options.session ?? startBrowser(run.root)
  const browserOutputs = new BrowserOutputs(run, starting)
  let jobs: Job[]
  try {
    jobs = await renderHtml(run, guidelines, true, (job) => browserOutputs.add(job))
  } catch (error) {
    throw await browserOutputs.abandon(error)
  }
  try {
    await starting
    run.report.browserStarts += 1
  } catch (error) {
    // No browser: the HTML outputs are still written in full, as a --no-pdf build would. Every
    // browser output failed with the launch error and wrote nothing, unless one failed on its own
    // first (a PPTX needs the browser only at its end): that failure is the one to report.
    await browserOutputs.settled()
    if (run.failed) throw await browserOutputs.abandon(error)
    for (const job of jobs) {
      if (job.deck) await run.emit(dist(job.meta.id, 'deck.html'), deckDocument(job.deck.rendered, job.meta))
      for (const doc of job.docs) if (!doc.written) await run.emit(dist(job.meta.id, `${doc.kind}.html`), doc.html)
    }
    await writeIndex(run, jobs)
    throw error instanceof BrowserUnavailableError ? error : new BrowserUnavailableError(String(error), { cause: error })
  }
  await browserOutputs.finish({ keepOpen: options.session !== undefined && !options.closeSession })
  await writeIndex(run, jobs)
  return run.report
}
