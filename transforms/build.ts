import path from 'node:path'
import type { VFile } from 'vfile'
import { loadGlossary } from './glossary.ts'
import { guidelineFile, listGuidelineIds, readGuidelineSource, sourceDir, type GuidelineSource } from './load.ts'
import { transformGuideline, type GuidelineResult } from './pipeline.ts'
import { hasErrors } from './report.ts'
import { cachePath, inShard, isCurrent, readCache, serializeCache, sha256, sharedInputsHash, type BuildCache, type CacheEntry } from './cache.ts'
import { InterruptGuard } from './interrupt.ts'
import { acquireBuildLock } from './lock.ts'
import type { RenderedGuidelines } from './render-stage.ts'
import type { BrowserSession } from './render/browser.ts'
import { BrowserUnavailableError } from './render/errors.ts'
import { sourceMapFiles } from './source-map.ts'
import { toolkitRoot } from './toolkit.ts'
import { Staging, stageOutputs, type WriteResult } from './write.ts'

export interface BuildOptions {
  root: string
  /** Only these guidelines; all of `source/` when empty. */
  ids?: string[]
  /** `YYYY-MM-DD`; today in UTC when not given. */
  today?: string
}

export interface TransformResult {
  /** Every file read, with its messages. */
  files: VFile[]
  results: GuidelineResult[]
  ok: boolean
}

export class UnknownGuidelineError extends Error {
  constructor(readonly ids: string[], readonly known: string[]) {
    super(`Unknown guideline ${ids.map((id) => `\`${id}\``).join(', ')}; known: ${known.join(', ') || '(none: add source/<id>.md)'}`)
  }
}

/** The guidelines in `source/`, and those asked for (all when none are named); an unknown id is a usage error. */
async function selectIds(root: string, asked: string[] | undefined): Promise<{ known: string[]; ids: string[] }> {
  const known = await listGuidelineIds(root)
  const ids = asked && asked.length > 0 ? asked : known
  const unknown = ids.filter((id) => !known.includes(id))
  if (unknown.length > 0) throw new UnknownGuidelineError(unknown, known)
  return { known, ids }
}

/**
 * Loads, checks and transforms guidelines in memory; writes nothing. `sources` are sources already
 * read (by a build's plan), so no file is read twice.
 */
export async function transformAll(options: BuildOptions, sources?: ReadonlyMap<string, GuidelineSource>): Promise<TransformResult> {
  const { ids } = await selectIds(options.root, options.ids)

  const { file: glossaryFile, glossary } = await loadGlossary(options.root)
  const context = { sourceDir: path.join(options.root, sourceDir), glossary, today: options.today ?? new Date().toISOString().slice(0, 10) }
  const files: VFile[] = [glossaryFile]
  const results: GuidelineResult[] = []
  for (const id of ids) {
    const file = guidelineFile(options.root, id, sources?.get(id) ?? (await readGuidelineSource(options.root, id)))
    files.push(file)
    if (hasErrors(file)) continue
    const result = transformGuideline(file, context)
    if (result) results.push(result)
  }
  return { files, results, ok: !files.some(hasErrors) }
}

export interface BuildProjectOptions extends BuildOptions {
  pdf: boolean
  pptx: boolean
  /** Called for each file as it is produced (it lands in the project when the build commits). */
  onFile?: (path: string) => void
  /** Rebuild every guideline, even those the cache says are unchanged. */
  force?: boolean
  /** Build only a stable share of the guidelines (`index` of `count`, 1-based), for CI matrices. */
  shard?: { index: number; count: number }
  /** How long to wait for another build holding the lock. */
  lockWaitMs?: number
  onLockWait?: (pid: number) => void
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
}

interface BuildPlan {
  cache: BuildCache
  keys: Map<string, string>
  /** Guidelines to build now, and those whose last build still stands. */
  stale: string[]
  unchanged: string[]
  /** The stale guidelines' sources, as read for their keys. */
  sources: Map<string, GuidelineSource>
}

/** Which guidelines this build covers (named, sharded) and which of them changed since they were last built. */
async function planBuild(options: BuildProjectOptions): Promise<BuildPlan> {
  const selected = await selectIds(options.root, options.ids)
  const known = selected.known
  let ids = selected.ids
  const shard = options.shard
  if (shard) ids = ids.filter((id) => inShard(id, shard))
  const cache = options.force ? {} : await readCache(options.root)
  // A guideline deleted from source/ leaves the cache too, so one added again later is built afresh.
  for (const id of Object.keys(cache)) if (!known.includes(id)) delete cache[id]
  const shared = await sharedInputsHash(options.root, toolkitRoot)
  const keys = new Map<string, string>()
  const stale: string[] = []
  const unchanged: string[] = []
  const sources = new Map<string, GuidelineSource>()
  for (const id of ids) {
    const source = await readGuidelineSource(options.root, id)
    // A source that is not a readable file is never current; transforming it reports why.
    const key = 'bytes' in source ? sha256(`${shared}\n${sha256(source.bytes)}`) : undefined
    if (key && (await isCurrent(options.root, cache[id], key, { pdf: options.pdf, pptx: options.pptx }))) {
      unchanged.push(id)
      continue
    }
    stale.push(id)
    sources.set(id, source)
    if (key) keys.set(id, key)
  }
  return { cache, keys, stale, unchanged, sources }
}

/** The cache after this build: fresh entries for what was built, the rest kept (minus deleted guidelines). */
function updatedCache(plan: BuildPlan, results: GuidelineResult[], rendered: RenderedGuidelines | undefined, formats: CacheEntry['formats'], sourceMaps: string[]): BuildCache {
  const cache: BuildCache = { ...plan.cache }
  for (const result of results) {
    const id = result.meta.id
    const prefix = `dist/${id}/`
    const dist = (rendered?.report.files ?? []).filter((file) => file.startsWith(prefix))
    cache[id] = {
      key: plan.keys.get(id) ?? '',
      formats,
      markdown: Object.fromEntries(result.outputs.map((output) => [output.path, sha256(output.text)])),
      // Source maps count as built files (a rebuild notices one deleted), but dist/index.html links only rendered ones.
      dist: [...sourceMaps.filter((file) => file.startsWith(prefix)), ...dist],
      index: {
        guideline: {
          id,
          title: result.meta.title,
          ...(result.meta.subtitle ? { subtitle: result.meta.subtitle } : {}),
          version: result.meta.version,
          updated: result.meta.updated,
          status: result.meta.status,
          files: dist.map((file) => file.slice(prefix.length))
        },
        coverage: (rendered?.index.coverage ?? []).filter((row) => row.id === id),
        readability: (rendered?.index.readability ?? []).filter((row) => row.id === id)
      }
    }
  }
  return cache
}

/**
 * The whole build, all or nothing: transform every guideline; stage the Markdown outputs and
 * everything rendered for `dist/`; check the PDFs' text; then move it all into place at once.
 * One build runs at a time, and an interrupt before the final moves leaves the project untouched.
 */
export async function buildProject(options: BuildProjectOptions): Promise<BuildOutcome> {
  const lock = await acquireBuildLock(options.root, { waitMs: options.lockWaitMs ?? 10 * 60_000, onWait: options.onLockWait })
  let staging: Staging | undefined
  let earlyBrowser: Promise<BrowserSession> | undefined
  const guard = new InterruptGuard(async () => {
    // Each step on its own: one failing must not keep the others from running.
    const closeBrowsers = import('./render/browser.ts').then((browser) => browser.closeAllSessions())
    await Promise.allSettled([closeBrowsers, staging?.discard()])
    await lock.release()
  })
  try {
    const plan = await planBuild(options)
    if (plan.stale.length === 0) return { transformed: { files: [], results: [], ok: true }, committed: true, unchanged: plan.unchanged }
    // Loaded only when needed (the renderer brings a browser driver, Marp and a PDF reader), and
    // started now: the browser's launch then overlaps the transform instead of following it.
    const renderStage = import('./render-stage.ts')
    renderStage.catch(() => undefined) // awaited, and so reported, only if the build gets to rendering
    if (options.pdf) {
      earlyBrowser = renderStage.then((stage) => stage.startBrowser(options.root))
      earlyBrowser.catch(() => undefined) // a launch failure is reported where rendering awaits it
    }
    const transformed = await transformAll({ ...options, ids: plan.stale }, plan.sources)
    if (!transformed.ok) return { transformed, committed: false, unchanged: plan.unchanged }
    const open = await Staging.open(options.root)
    staging = open
    const outputs = transformed.results.flatMap((result) => result.outputs)
    const write = await stageOutputs(open, outputs)
    for (const file of write.written) options.onFile?.(file)
    // Staged before rendering: a build without a browser (or whose browser fails) still writes them.
    const sourceMaps = transformed.results.flatMap(sourceMapFiles)
    for (const map of sourceMaps) {
      await open.stage(map.path, map.text)
      options.onFile?.(map.path)
    }
    let rendered: RenderedGuidelines | undefined
    let browserError: BrowserUnavailableError | undefined
    try {
      const { renderGuidelines } = await renderStage
      rendered = await renderGuidelines(options.root, transformed.results, {
        ...(earlyBrowser ? { session: earlyBrowser } : {}),
        pdf: options.pdf,
        pptx: options.pptx,
        onFile: options.onFile,
        markdown: new Map(outputs.map((output) => [output.path, output.text])),
        write: (relative, data) => open.stage(relative, data),
        unchanged: plan.unchanged.flatMap((id) => plan.cache[id]?.index ?? [])
      })
    } catch (error) {
      if (!(error instanceof BrowserUnavailableError)) throw error
      browserError = error
    }
    // PDF coverage reports onto the guidelines' own files.
    if (transformed.files.some(hasErrors)) {
      await open.discard()
      return { transformed, write, rendered, committed: false, unchanged: plan.unchanged }
    }
    const formats = { pdf: options.pdf && !browserError, pptx: options.pdf && options.pptx && !browserError }
    const sourceMapPaths = sourceMaps.map((map) => map.path)
    await open.stage(cachePath, serializeCache(updatedCache(plan, transformed.results, rendered, formats, sourceMapPaths)))
    await guard.critical(() => open.commit())
    return { transformed, write, rendered, browserError, committed: true, unchanged: plan.unchanged, sourceMaps: sourceMapPaths }
  } catch (error) {
    await staging?.discard()
    throw error
  } finally {
    // Rendering closes the browser; a build that stopped before rendering closes it here.
    await earlyBrowser?.then((session) => session.close()).catch(() => undefined)
    guard.dispose()
    await lock.release()
  }
}
