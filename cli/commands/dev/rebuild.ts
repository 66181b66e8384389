import path from 'node:path'
import type { VFile } from 'vfile'
import { reporter } from 'vfile-reporter'
import { buildProject } from '../build.ts'
import { BuildInProgressError } from '../../project/lock.ts'
import type { BuildProblem } from './inject.ts'
import type { PreparedGuideline } from '../../../transforms/pipeline.ts'
import type { BrowserSession } from '../../../render/browser.ts'

export interface RebuildOptions {
  root: string
  /** Also render PDFs (slower); PPTX is left to `guidepress build` either way. */
  pdf: boolean
  /** The browser kept across the session's builds (with `pdf`). */
  browser?: { session(): Promise<BrowserSession> }
  today?: string
  lockWaitMs?: number
  onLockWait?: (pid: number) => void
  /** The build's HTML pages, as soon as they are rendered (see `buildProject`). */
  onRendered?: (pages: ReadonlyMap<string, string>) => void | Promise<void>
  /** Pages to render and hand over first (see `buildProject`). */
  firstPages?: ReadonlySet<string>
  /** What the early pages read and checked, by guideline (see `PreparedGuideline`). */
  prepared?: ReadonlyMap<string, PreparedGuideline>
}

export interface RebuildResult {
  /** Everything built was moved into place and nothing failed. */
  ok: boolean
  /** Guidelines built now, and those the cache kept. */
  built: string[]
  unchanged: string[]
  /** Files guidepress had made that this build removed (a deleted guideline's, PDFs after a quick build). */
  removed: string[]
  /** Files whose errors failed the build (relative paths). */
  failedFiles: string[]
  /** What a page shows while this build is the last one. */
  problems: BuildProblem[]
  /** The located messages exactly as `guidepress build` prints them ('' when there are none). */
  report: string
  /** Non-fatal findings of rendering, such as a slide still overfull. */
  warnings: string[]
  seconds: number
}

/**
 * One incremental build through `buildProject` (lock, cache, staging and all): unchanged
 * guidelines are skipped, and a failed build writes nothing, so the last good `dist/` stays.
 */
export async function rebuild(options: RebuildOptions): Promise<RebuildResult> {
  const started = performance.now()
  const seconds = () => (performance.now() - started) / 1000
  try {
    const outcome = await buildProject({ ...options, pptx: false })
    // PDF coverage errors land on these same files; a build that wrote nothing always has one.
    const files = outcome.transformed.files
    const problems = files.flatMap(errorsOf)
    // No browser is not a failed build: the Markdown and HTML were written and are served.
    const noBrowser = outcome.browserError ? [`${outcome.browserError.message}. The Markdown outputs and HTML files were written; the PDFs were not.`] : []
    return {
      ok: problems.length === 0,
      built: outcome.committed ? outcome.transformed.results.map((result) => result.meta.id) : [],
      unchanged: outcome.unchanged,
      removed: outcome.committed ? (outcome.removed ?? []) : [],
      failedFiles: files.filter((file) => errorsOf(file).length > 0).map(relativePath),
      problems,
      report: reporter(files, { quiet: true }),
      warnings: noBrowser,
      seconds: seconds()
    }
  } catch (error) {
    // Another build holding the lock too long, or an internal error: shown like any other failure.
    const message = error instanceof Error ? error.message : String(error)
    const reason = error instanceof BuildInProgressError ? message : `Internal error: ${message}`
    return { ok: false, built: [], unchanged: [], removed: [], failedFiles: [], problems: [{ severity: 'error', reason }], report: '', warnings: [], seconds: seconds() }
  }
}

function errorsOf(file: VFile): BuildProblem[] {
  const name = relativePath(file)
  return file.messages
    .filter((message) => message.fatal === true)
    .map((message) => ({
      place: message.line == null ? name : `${name}:${message.line}:${message.column ?? 1}`,
      severity: 'error' as const,
      reason: message.reason,
      ...(message.ruleId ? { ruleId: message.ruleId } : {})
    }))
}

function relativePath(file: VFile): string {
  const name = file.path ?? '(unknown file)'
  return (path.isAbsolute(name) ? path.relative(file.cwd, name) : name).split(path.sep).join('/')
}
