// What a build covers: which guidelines it builds now, which keep their last build, and the build
// cache after it. Split from build.ts, which runs the plan.
import { stat } from 'node:fs/promises'
import type { VFile } from 'vfile'
import path from 'node:path'
import { inShard, isCurrent, readCache, renderKey, sha256, sharedInputsHash, validRenderWarnings, type BuildCache, type CacheEntry, type CachedRenderWarning } from '../project/cache.ts'
import { listGuidelineIds, readGuidelineSource, sourceDir, type GuidelineSource } from '../../transforms/input/load.ts'
import { indexTitles } from '../../transforms/shape/labels.ts'
import { outputFolders, type GuidelineResult } from '../../transforms/pipeline.ts'
import { audienceOfRenderedFile, renderedFileNames, renderedFilesOf } from '../../transforms/serialize/outputs.ts'
import type { Audience } from '../../transforms/types.ts'
import { keptWarnings, validKeptWarnings } from '../../transforms/messages.ts'
import { restoredWarnings } from '../../transforms/restored-warnings.ts'
import type { RenderedGuidelines } from '../../render/stage.ts'
import type { RenderWarning } from '../../render/errors.ts'
import { toolkitRoot } from '../../transforms/input/toolkit.ts'
import { UnknownGuidelineError } from './unknown-guideline.ts'

export { UnknownGuidelineError }

/**
 * The guidelines in `source/`, and those asked for (all when none are named; an id named twice is
 * built once); an unknown id is a usage error.
 */
export async function selectIds(root: string, asked: string[] | undefined): Promise<{ known: string[]; ids: string[] }> {
  const known = await listGuidelineIds(root)
  const ids = asked && asked.length > 0 ? [...new Set(asked)] : known
  const unknown = ids.filter((id) => !known.includes(id))
  if (unknown.length > 0) throw new UnknownGuidelineError(unknown, known)
  return { known, ids }
}

export interface PlanOptions {
  root: string
  ids?: string[]
  pdf: boolean
  pptx: boolean
  pdfNotes?: boolean
  force?: boolean
  shard?: { index: number; count: number }
}

export interface BuildPlan {
  /** Every guideline in `source/`. */
  known: string[]
  cache: BuildCache
  keys: Map<string, string>
  /** Guidelines to build now, and those asked for whose last build still stands. */
  stale: string[]
  unchanged: string[]
  /** The stale guidelines' sources, as read for their keys. */
  sources: Map<string, GuidelineSource>
  /** What dist/index.html keeps showing for every guideline not built now (named or not), from its last build. */
  kept: CacheEntry['index'][]
  /** The hash of the inputs every guideline shares (cache.ts). */
  shared: string
}

/** Which guidelines this build covers (named, sharded) and which of them changed since they were last built. */
export async function planBuild(options: PlanOptions): Promise<BuildPlan> {
  const { known, ids: selected } = await selectIds(options.root, options.ids)
  const shard = options.shard
  const ids = shard ? selected.filter((id) => inShard(id, shard)) : selected
  // Read even with --force: the guidelines not built now keep their entries (and their index rows).
  const cache = await readCache(options.root)
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
    if (!options.force && key && (await isCurrent(options.root, cache[id], key, { pdf: options.pdf, pptx: options.pptx, pdfNotes: options.pdfNotes ?? false }))) {
      unchanged.push(id)
      continue
    }
    stale.push(id)
    sources.set(id, source)
    if (key) keys.set(id, key)
  }
  const kept = known.filter((id) => !stale.includes(id)).flatMap((id) => cache[id]?.index ?? [])
  return { known, cache, keys, stale, unchanged, sources, kept, shared }
}

/** Outputs of a guideline built now whose rendered files from its last build still stand, and those files. */
export interface KeptRender {
  audiences: Set<Audience>
  files: string[]
  /** What the renderer found in those files when it made them, to say again. */
  warnings: RenderWarning[]
}

/**
 * For each guideline built now, the outputs whose rendered files from its last build still stand:
 * the same renderKey (cache.ts), every file in place. They are not rendered again.
 */
export async function keptRenders(root: string, plan: BuildPlan, results: GuidelineResult[], formats: CacheEntry['formats']): Promise<Map<string, KeptRender>> {
  const kept = new Map<string, KeptRender>()
  for (const result of results) {
    const id = result.meta.id
    const entry = plan.cache[id]
    // The cache is a file in dist/: anything not as written is no reason to keep a file.
    if (typeof entry?.rendered !== 'object' || entry.rendered === null || !Array.isArray(entry.dist)) continue
    const found: KeptRender = { audiences: new Set(), files: [], warnings: [] }
    for (const [audience, key] of renderKeys(plan, result, formats)) {
      const names = new Set(renderedFilesOf(audience))
      const files = entry.dist.filter((file) => path.posix.dirname(file) === `dist/${id}` && names.has(path.posix.basename(file)))
      if (entry.rendered[audience] !== key || files.length === 0) continue
      const inPlace = await Promise.all(files.map((file) => stat(path.join(root, file)).then((info) => info.isFile(), () => false)))
      if (inPlace.includes(false)) continue
      found.audiences.add(audience)
      found.files.push(...files)
      found.warnings.push(...validRenderWarnings(entry, audience).map((warning) => ({ ...warning, id })))
    }
    if (found.audiences.size > 0) kept.set(id, found)
  }
  return kept
}

/** Each output of a guideline built now, with its renderKey. */
function renderKeys(plan: BuildPlan, result: GuidelineResult, formats: CacheEntry['formats']): Array<[Audience, string]> {
  return result.outputs.flatMap((output) => {
    const audience = (Object.keys(outputFolders) as Audience[]).find((each) => output.path.startsWith(`${outputFolders[each]}/`))
    return audience ? [[audience, renderKey(plan.shared, output.text, result.meta, formats)] as [Audience, string]] : []
  })
}

/** The cache after this build: fresh entries for what was built, the rest kept (minus deleted guidelines). */
export function updatedCache(plan: BuildPlan, results: GuidelineResult[], rendered: RenderedGuidelines | undefined, formats: CacheEntry['formats'], sourceMaps: string[], kept: ReadonlyMap<string, KeptRender>): BuildCache {
  const cache: BuildCache = { ...plan.cache }
  for (const result of results) {
    const id = result.meta.id
    const prefix = `dist/${id}/`
    const made = new Set([...(rendered?.report.files ?? []).filter((file) => file.startsWith(prefix)), ...(kept.get(id)?.files ?? [])])
    const dist = renderedFileNames.map((name) => `${prefix}${name}`).filter((file) => made.has(file))
    cache[id] = {
      key: plan.keys.get(id) ?? '',
      formats,
      markdown: Object.fromEntries(result.outputs.map((output) => [output.path, sha256(output.text)])),
      // Source maps count as built files (a rebuild notices one deleted), but dist/index.html links only rendered ones.
      dist: [...sourceMaps.filter((file) => file.startsWith(prefix)), ...dist],
      rendered: Object.fromEntries(renderKeys(plan, result, formats)),
      warnings: keptWarnings(result.file),
      renderWarnings: renderWarningsOf(id, result, rendered, kept.get(id)),
      index: {
        guideline: {
          id,
          title: result.meta.title,
          ...(result.meta.subtitle ? { subtitle: result.meta.subtitle } : {}),
          version: result.meta.version,
          updated: result.meta.updated,
          status: result.meta.status,
          files: dist.map((file) => file.slice(prefix.length)),
          ...indexTitles(result.meta)
        },
        coverage: (rendered?.index.coverage ?? []).filter((row) => row.id === id),
        readability: (rendered?.index.readability ?? []).filter((row) => row.id === id)
      }
    }
  }
  return cache
}

/** Per output of a guideline built now, its render warnings: this build's, or the last build's for files kept. */
function renderWarningsOf(id: string, result: GuidelineResult, rendered: RenderedGuidelines | undefined, kept: KeptRender | undefined): Record<string, CachedRenderWarning[]> {
  const warnings = [...(rendered?.report.warnings ?? []).filter((warning) => warning.id === id), ...(kept?.warnings ?? [])]
  const byAudience: Record<string, CachedRenderWarning[]> = {}
  for (const { id: _guideline, ...warning } of warnings) {
    const audience = audienceOfRenderedFile(warning.output)
    if (audience && result.meta.outputs.includes(audience)) (byAudience[audience] ??= []).push(warning)
  }
  return byAudience
}

/** The guidelines not built now whose last build had warnings, with those warnings, to print again. */
export function unchangedWarnings(root: string, plan: BuildPlan): VFile[] {
  return plan.unchanged.flatMap((id) => {
    const warnings = validKeptWarnings(plan.cache[id]?.warnings)
    return warnings.length > 0 ? [restoredWarnings(root, path.posix.join(sourceDir, `${id}.md`), warnings)] : []
  })
}
