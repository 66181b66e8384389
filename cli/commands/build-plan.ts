// What a build covers: which guidelines it builds now, which keep their last build, and the build
// cache after it. Split from build.ts, which runs the plan.
import { inShard, isCurrent, readCache, sha256, sharedInputsHash, type BuildCache, type CacheEntry } from '../project/cache.ts'
import { listGuidelineIds, readGuidelineSource, type GuidelineSource } from '../../transforms/input/load.ts'
import { indexTitles } from '../../transforms/shape/labels.ts'
import type { GuidelineResult } from '../../transforms/pipeline.ts'
import type { RenderedGuidelines } from '../../render/stage.ts'
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
  return { known, cache, keys, stale, unchanged, sources, kept }
}

/** The cache after this build: fresh entries for what was built, the rest kept (minus deleted guidelines). */
export function updatedCache(plan: BuildPlan, results: GuidelineResult[], rendered: RenderedGuidelines | undefined, formats: CacheEntry['formats'], sourceMaps: string[]): BuildCache {
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
