import path from 'node:path'
import { VFile } from 'vfile'
import { keptRenders, planBuild, selectIds, unchangedWarnings, updatedCache } from './build-plan.ts'
import { cachePath, serializeCache } from '../project/cache.ts'
import { loadGlossary } from '../../transforms/input/glossary.ts'
import { loadReferences } from '../../transforms/input/references.ts'
import { loadConfig, type LoadedConfig } from '../../transforms/input/config.ts'
import { InterruptGuard } from '../project/interrupt.ts'
import { guidelineFile, readGuidelineSource, sourceDir, type GuidelineSource } from '../../transforms/input/load.ts'
import { acquireBuildLock } from '../project/lock.ts'
import { outputsNoLongerMade, outputsOfDeletedGuidelines } from '../project/orphans.ts'
import { transformGuideline, type GuidelineResult, type PreparedGuideline } from '../../transforms/pipeline.ts'
import type { Audience } from '../../transforms/types.ts'
import { buildFootprint, checkProjectPaths } from '../project/paths.ts'
import { freshKey, recordFresh } from '../project/fresh.ts'
import { codeStamp } from '../../bin/code-stamp.js'
import { toolkitRoot } from '../../transforms/input/toolkit.ts'
import type { RenderedGuidelines } from '../../render/stage.ts'
import type { BrowserSession } from '../../render/browser.ts'
import { BrowserUnavailableError } from '../../render/errors.ts'
import { hasErrors, keptWarnings, reportError } from '../../transforms/messages.ts'
import { sourceMapFiles } from '../../transforms/serialize/source-map.ts'
import { CommitBlockedError, removeFolderIfEmpty, Staging, stageOutputs, type WriteResult } from '../project/write.ts'

export { UnknownGuidelineError } from './build-plan.ts'

export interface BuildOptions {
  root: string
  /** Only these guidelines; all of `source/` when empty. */
  ids?: string[]
  /** `YYYY-MM-DD`; today in UTC when not given. */
  today?: string
  /** The project's config, when already read (a build reads it before planning); read here otherwise. */
  config?: LoadedConfig
  /** Only these outputs of each guideline (`transformGuideline`; `guidepress dev`'s early pages), all when not given. */
  audiences?: readonly Audience[]
  /** Guidelines just read and checked by `guidepress dev`'s early pages, by id: used only where the source and inputs are the same. */
  prepared?: ReadonlyMap<string, PreparedGuideline>
}

export interface TransformResult {
  /** Every file read, with its messages. */
  files: VFile[]
  results: GuidelineResult[]
  ok: boolean
}

/**
 * Loads, checks and transforms guidelines in memory; writes nothing. `sources` are sources already
 * read (by a build's plan), so no file is read twice.
 */
export async function transformAll(options: BuildOptions, sources?: ReadonlyMap<string, GuidelineSource>): Promise<TransformResult> {
  const { ids } = await selectIds(options.root, options.ids)

  const { file: configFile, config } = options.config ?? (await loadConfig(options.root))
  const { file: glossaryFile, glossary } = await loadGlossary(options.root)
  const references = await loadReferences(options.root)
  const context = { sourceDir: path.join(options.root, sourceDir), glossary, bibliography: references.bibliography, today: options.today ?? new Date().toISOString().slice(0, 10), config }
  const files: VFile[] = [...(configFile ? [configFile] : []), glossaryFile, ...references.files, ...(await checkProjectPaths(options.root))]
  const results: GuidelineResult[] = []
  for (const id of ids) {
    // A turn for other work between guidelines: a browser starting meanwhile needs this process's
    // replies to its messages, and would otherwise wait for the whole transform.
    await new Promise((resolve) => setImmediate(resolve))
    const file = guidelineFile(options.root, id, sources?.get(id) ?? (await readGuidelineSource(options.root, id)))
    files.push(file)
    if (hasErrors(file)) continue
    const result = transformGuideline(file, context, options.audiences, options.prepared?.get(id))
    if (result) results.push(result)
  }
  return { files, results, ok: !files.some(hasErrors) }
}

export interface BuildProjectOptions extends BuildOptions {
  /** Whether PDFs (and PPTX) may be made: `--no-pdf` and `--no-pptx` say no whatever the config's `formats` say. */
  pdf: boolean
  pptx: boolean
  /** Speaker notes as annotations in deck.pdf (`--pdf-notes`). */
  pdfNotes?: boolean
  /** Called for each file the build wrote, once it is in the project (after the commit; never for a failed build). */
  onFile?: (path: string) => void
  /** Called for each file the build removed (made by guidepress for a guideline that no longer makes it). */
  onRemove?: (path: string) => void
  /** Rebuild every guideline, even those the cache says are unchanged. */
  force?: boolean
  /** Called as each step of the build ends (`--timings`): planned, browser started, transformed, rendered, committed, browser closed. */
  onPhase?: (phase: string) => void
  /** A browser kept open across builds (`guidepress dev --pdf`): used instead of starting one, and left open. */
  browser?: { session(): Promise<BrowserSession> }
  /** Build only a stable share of the guidelines (`index` of `count`, 1-based), for CI matrices. */
  shard?: { index: number; count: number }
  /** How long to wait for another build holding the lock. */
  lockWaitMs?: number
  onLockWait?: (pid: number) => void
  /**
   * The HTML pages (project-relative path → page), once rendered and before the rest of the build
   * (source maps, the commit) runs: `guidepress dev` shows them straight away. Not called when
   * the build already failed; it may still fail later (a blocked output), and then writes nothing.
   */
  onRendered?: (pages: ReadonlyMap<string, string>) => void | Promise<void>
  /**
   * HTML pages (project-relative) to render before the rest, e.g. those open in `guidepress dev`'s
   * browser: once they are rendered, `onRendered` gets them first (and the rest of the build waits
   * for it), then every page as usual. Quick builds only (no PDFs).
   */
  firstPages?: ReadonlySet<string>
}

export interface BuildOutcome {
  transformed: TransformResult
  write?: WriteResult
  rendered?: RenderedGuidelines
  /** No browser could start: Markdown and HTML were still written. */
  browserError?: BrowserUnavailableError
  /** Whether the new files were moved into place. */
  committed: boolean
  /** Guidelines skipped because nothing they depend on changed since their last build. */
  unchanged: string[]
  /** The source maps written to `dist/<id>/<output>.map.json`. */
  sourceMaps?: string[]
  /** Files guidepress had made that the build removed (deleted guidelines, outputs no longer made). */
  removed?: string[]
  /** The warnings of the last builds of guidelines not built now (and the config's), to print with the rest. */
  replayed?: VFile[]
}

const nothingTransformed: TransformResult = { files: [], results: [], ok: true }

/**
 * The whole build, all or nothing: transform every guideline; stage the Markdown outputs and
 * everything rendered for `dist/`, and mark what guidepress made that nothing makes any more; check
 * the PDFs' text; then move it all into place at once (or, when a move fails, nothing). One build
 * runs at a time, and an interrupt before the final moves leaves the project untouched.
 */
export async function buildProject(options: BuildProjectOptions): Promise<BuildOutcome> {
  const lock = await acquireBuildLock(options.root, { waitMs: options.lockWaitMs ?? 10 * 60_000, onWait: options.onLockWait })
  let staging: Staging | undefined
  let earlyBrowser: Promise<BrowserSession> | undefined
  const guard = new InterruptGuard(async () => {
    // Each step on its own: one failing must not keep the others from running.
    const closeBrowsers = import('../../render/browser.ts').then((browser) => browser.closeAllSessions())
    await Promise.allSettled([closeBrowsers, staging?.discard()])
    await lock.release()
  })
  try {
    // Links out of the project and pipes are refused before anything is read through them.
    const refused = await checkProjectPaths(options.root)
    if (refused.length > 0) return { transformed: { files: refused, results: [], ok: false }, committed: false, unchanged: [] }
    const loaded = await loadConfig(options.root)
    if (loaded.file && hasErrors(loaded.file)) return { transformed: { files: [loaded.file], results: [], ok: false }, committed: false, unchanged: [] }
    // A build over the whole library records the project for the next one's fast path (fresh.ts),
    // keyed on the options as given: the fast path runs before the config is read.
    const whole = !(options.ids?.length ?? 0) && options.shard === undefined
    const key = freshKey({ pdf: options.pdf, pptx: options.pptx, pdfNotes: options.pdfNotes ?? false }, codeStamp(toolkitRoot))
    const recordAllCurrent = async (guidelines: number, reported: VFile[]): Promise<void> => {
      const warnings = reported.map((file) => ({ path: file.path, warnings: keptWarnings(file) })).filter((each) => each.warnings.length > 0)
      // Best effort: without a record the next build takes the full check, nothing worse.
      if (whole && guidelines > 0) await recordFresh(options.root, key, buildFootprint, guidelines, warnings).catch(() => undefined)
    }
    // The command line can only take formats away: `--no-pdf` wins over `formats: [html, pdf]`.
    const configured = loaded.config.formats
    options = { ...options, config: loaded, pdf: options.pdf && configured.includes('pdf'), pptx: options.pptx && configured.includes('pptx') }
    const plan = await planBuild(options)
    options.onPhase?.('planned')
    // What the last builds of the guidelines not built now warned about, said again.
    const replayed = unchangedWarnings(options.root, plan)
    const deleted = await outputsOfDeletedGuidelines(options.root, plan.known)
    if (plan.stale.length === 0 && deleted.files.length === 0) {
      // Nothing is transformed, so the config's own warnings are said here (a transform says them otherwise).
      const said = [...(loaded.file?.messages.length ? [loaded.file] : []), ...replayed]
      await recordAllCurrent(plan.unchanged.length, said)
      return { transformed: nothingTransformed, committed: true, unchanged: plan.unchanged, replayed: said }
    }
    const building = plan.stale.length > 0
    if (options.pdf && building) {
      // Started before the transform, whose CPU work would hold up the launch's own steps, so the
      // launch overlaps it. Only the browser driver is loaded first: loading the whole renderer
      // (below) before would delay the launch by a second.
      earlyBrowser = options.browser ? options.browser.session() : (await import('../../render/browser/start.ts')).startBrowser(options.root)
      earlyBrowser.then(() => options.onPhase?.('browser started'), () => undefined) // a launch failure is reported where rendering awaits it
    }
    // Loaded only when needed (the renderer brings Marp, a PDF reader and PPTX writer).
    const renderStage = import('../../render/stage.ts')
    renderStage.catch(() => undefined) // awaited, and so reported, only if the build gets to rendering
    const transformed = building ? await transformAll({ ...options, ids: plan.stale }, plan.sources) : nothingTransformed
    options.onPhase?.('transformed')
    if (!transformed.ok) return { transformed, committed: false, unchanged: plan.unchanged }
    const open = await Staging.open(options.root)
    staging = open
    const outputs = transformed.results.flatMap((result) => result.outputs)
    const write = await stageOutputs(open, outputs)
    // Named only once the commit put them in place: a build that fails after staging wrote nothing.
    const produced: string[] = [...write.written]
    let rendered: RenderedGuidelines | undefined
    const pages = new Map<string, string>()
    let browserError: BrowserUnavailableError | undefined
    // Outputs whose Markdown and everything else they are rendered from are as last built keep their files.
    const kept = options.force ? new Map() : await keptRenders(options.root, plan, transformed.results, { pdf: options.pdf, pptx: options.pdf && options.pptx, pdfNotes: options.pdf && (options.pdfNotes ?? false) })
    try {
      const { renderGuidelines } = await renderStage
      rendered = await renderGuidelines(options.root, transformed.results, {
        kept,
        // A browser of the build's own closes as soon as its last print ends; `guidepress dev` keeps its own.
        ...(earlyBrowser ? { session: earlyBrowser, closeSession: !options.browser } : {}),
        // Only dist/index.html when nothing is built (a deleted guideline leaves it): no browser.
        pdf: options.pdf && building,
        pptx: options.pptx,
        config: loaded.config,
        pdfNotes: options.pdfNotes ?? false,
        onFile: (file) => produced.push(file),
        markdown: new Map(outputs.map((output) => [output.path, output.text])),
        write: (relative, data) => {
          if (typeof data === 'string' && relative.endsWith('.html')) pages.set(relative, data)
          return open.stage(relative, data)
        },
        unchanged: plan.kept,
        // The transform passed, and a quick build checks nothing after rendering that could fail it.
        ...(options.firstPages && options.onRendered && !options.pdf ? { first: { pages: options.firstPages, rendered: async () => options.onRendered?.(new Map(pages)) } } : {})
      })
    } catch (error) {
      if (!(error instanceof BrowserUnavailableError)) throw error
      browserError = error
    }
    options.onPhase?.('rendered')
    // The browser's work is done: it closes while the build stages its source maps and commits.
    if (!options.browser) void earlyBrowser?.then((session) => session.close()).catch(() => undefined)
    if (!transformed.files.some(hasErrors)) await options.onRendered?.(pages)
    // After rendering, so `guidepress dev` shows the pages sooner; a build whose browser failed
    // still writes them, as it writes the HTML.
    const sourceMaps = transformed.results.flatMap(sourceMapFiles)
    for (const map of sourceMaps) {
      await open.stage(map.path, map.text)
      produced.push(map.path)
    }
    // PDF coverage reports onto the guidelines' own files.
    if (transformed.files.some(hasErrors)) {
      await open.discard()
      return { transformed, write, rendered, committed: false, unchanged: plan.unchanged }
    }
    const sourceMapPaths = sourceMaps.map((map) => map.path)
    const made = new Set([...outputs.map((output) => output.path), ...sourceMapPaths, ...(rendered?.report.files ?? []), ...[...kept.values()].flatMap((each) => each.files)])
    for (const result of transformed.results) for (const file of await outputsNoLongerMade(options.root, result.meta.id, made)) open.remove(file)
    for (const file of deleted.files) open.remove(file)
    const formats = { pdf: options.pdf && !browserError, pptx: options.pdf && options.pptx && !browserError, pdfNotes: (options.pdfNotes ?? false) && options.pdf && !browserError }
    await open.stage(cachePath, serializeCache(updatedCache(plan, transformed.results, rendered, formats, sourceMapPaths, kept)))
    let removed: string[]
    try {
      removed = (await guard.critical(() => open.commit())).removed
      options.onPhase?.('committed')
    } catch (error) {
      if (!(error instanceof CommitBlockedError)) throw error
      await open.discard()
      const blocked = error.blocked.map((each) => blockedFile(options.root, each.path, each.reason))
      return { transformed: { ...transformed, files: [...transformed.files, ...blocked], ok: false }, write, rendered, committed: false, unchanged: plan.unchanged }
    }
    for (const folder of deleted.folders) await removeFolderIfEmpty(options.root, folder)
    if (!browserError) await recordAllCurrent(plan.known.length, [...transformed.files, ...replayed])
    for (const file of produced) options.onFile?.(file)
    for (const file of removed) options.onRemove?.(file)
    return { transformed, write, rendered, browserError, committed: true, unchanged: plan.unchanged, sourceMaps: sourceMapPaths, removed, replayed }
  } catch (error) {
    await staging?.discard()
    throw error
  } finally {
    // Rendering leaves the browser open when it succeeds, and the build then starts its close;
    // whatever happened, the build ends only once the browser has.
    if (earlyBrowser && !options.browser) await earlyBrowser.then((session) => session.close()).then(() => options.onPhase?.('browser closed'), () => undefined)
    guard.dispose()
    await lock.release()
  }
}

/** An output that could not be moved into place, as a located error on its own path. */
function blockedFile(root: string, relative: string, reason: string): VFile {
  const file = new VFile({ cwd: root, path: relative })
  reportError(file, reason, { line: 1, column: 1 }, 'output-blocked')
  return file
}
