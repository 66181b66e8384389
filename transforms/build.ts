import path from 'node:path'
import type { VFile } from 'vfile'
import { loadGlossary } from './glossary.ts'
import { listGuidelineIds, loadGuideline, sourceDir } from './load.ts'
import { transformGuideline, type GuidelineResult } from './pipeline.ts'
import { hasErrors } from './report.ts'
import { writeOutputs, type WriteResult } from './write.ts'

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

/** Loads, checks and transforms guidelines in memory; writes nothing. */
export async function transformAll(options: BuildOptions): Promise<TransformResult> {
  const known = await listGuidelineIds(options.root)
  const ids = options.ids && options.ids.length > 0 ? options.ids : known
  const unknown = ids.filter((id) => !known.includes(id))
  if (unknown.length > 0) throw new UnknownGuidelineError(unknown, known)

  const { file: glossaryFile, glossary } = await loadGlossary(options.root)
  const context = { sourceDir: path.join(options.root, sourceDir), glossary, today: options.today ?? new Date().toISOString().slice(0, 10) }
  const files: VFile[] = [glossaryFile]
  const results: GuidelineResult[] = []
  for (const id of ids) {
    const file = await loadGuideline(options.root, id)
    files.push(file)
    if (hasErrors(file)) continue
    const result = transformGuideline(file, context)
    if (result) results.push(result)
  }
  return { files, results, ok: !files.some(hasErrors) }
}

/** Transforms everything and, only when no guideline has an error, writes all Markdown outputs. */
export async function buildMarkdown(options: BuildOptions): Promise<TransformResult & { write?: WriteResult }> {
  const transformed = await transformAll(options)
  if (!transformed.ok) return transformed
  const write = await writeOutputs(options.root, transformed.results.flatMap((result) => result.outputs))
  return { ...transformed, write }
}
