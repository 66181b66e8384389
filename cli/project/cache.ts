import { createHash } from 'node:crypto'
import { readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { glossaryPath } from '../../transforms/input/glossary.ts'
import { referencesPaths } from '../../transforms/input/references.ts'
import { configFileNames } from '../../transforms/input/config-schema.ts'
import { linkProblem, readProjectFile } from '../../transforms/input/paths.ts'
import { imagesDir, themeFiles } from './paths.ts'
import { codeStamp } from '../../bin/code-stamp.js'
import type { CoverageRow, IndexGuideline, ReadabilityRow } from '../../render/index.ts'
import type { KeptWarning } from '../../transforms/messages.ts'
import type { RenderWarning } from '../../render/errors.ts'
import { audienceOfRenderedFile } from '../../transforms/serialize/outputs.ts'

export const cachePath = 'dist/.guidepress-cache.json'
/**
 * 2: entries also list the source maps and presenter.pdf, which version-1 builds did not make.
 * 3: entries carry the audience titles and the readability formula the index shows.
 */
const cacheVersion = 3

export interface CacheEntry {
  /** Hash of everything the guideline's outputs depend on. */
  key: string
  /** pdfNotes: deck.pdf carries the speaker notes as annotations (`--pdf-notes`). */
  formats: { pdf: boolean; pptx: boolean; pdfNotes?: boolean }
  /** Hash of each Markdown output, to notice outputs edited or deleted since. */
  markdown: Record<string, string>
  /** Files in dist/ the guideline built. */
  dist: string[]
  /** What dist/index.html shows for it. */
  index: { guideline: IndexGuideline; coverage: CoverageRow[]; readability: ReadabilityRow[] }
  /**
   * Per output (deck, handout, summary), a hash of everything its rendered files depend on
   * (renderKey). A guideline rebuilt because its source changed keeps the rendered files of an
   * output whose hash is the same: editing the handout's wording leaves the deck's PDFs and PPTX.
   */
  rendered?: Record<string, string>
  /** The warnings its build reported on the guideline's file, said again while it is not rebuilt. */
  warnings?: KeptWarning[]
  /**
   * Per output, what the renderer found in its files (a nearly empty slide, say), in the output's
   * own terms (slide, output line): said again, placed anew, while a rebuild keeps those files.
   */
  renderWarnings?: Record<string, CachedRenderWarning[]>
}

/** A renderer's warning as the cache keeps it (its guideline is the entry's). */
export type CachedRenderWarning = Omit<RenderWarning, 'id'>

/**
 * One output's cached render warnings read back: only well-formed ones about that output's own
 * files (the cache is a file in dist/, never trusted further).
 */
export function validRenderWarnings(entry: CacheEntry, audience: string): CachedRenderWarning[] {
  const all: unknown = entry.renderWarnings
  if (typeof all !== 'object' || all === null || !Object.hasOwn(all, audience)) return []
  const value: unknown = (all as Record<string, unknown>)[audience]
  if (!Array.isArray(value)) return []
  const optionalInteger = (field: unknown): boolean => field === undefined || Number.isInteger(field)
  return value
    .filter(
      (each): each is CachedRenderWarning =>
        typeof each === 'object' && each !== null && typeof each.output === 'string' && audienceOfRenderedFile(each.output) === audience && typeof each.ruleId === 'string' && typeof each.message === 'string' && optionalInteger(each.slide) && optionalInteger(each.outputLine)
    )
    .map(({ output, slide, outputLine, ruleId, message }) => ({ output, ...(slide !== undefined ? { slide } : {}), ...(outputLine !== undefined ? { outputLine } : {}), ruleId, message }))
}

export type BuildCache = Record<string, CacheEntry>

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

export async function readCache(root: string): Promise<BuildCache> {
  try {
    const read = await readProjectFile(root, cachePath)
    if (!('bytes' in read)) return {}
    const parsed = JSON.parse(read.bytes.toString('utf8')) as { version?: number; entries?: BuildCache }
    return parsed.version === cacheVersion && parsed.entries ? parsed.entries : {}
  } catch {
    return {}
  }
}

export function serializeCache(entries: BuildCache): string {
  const sorted = Object.fromEntries(Object.entries(entries).sort(([a], [b]) => a.localeCompare(b)))
  return `${JSON.stringify({ version: cacheVersion, entries: sorted }, null, 2)}\n`
}

/**
 * The inputs every guideline shares: the glossary, the bibliography, the project config, the themes,
 * the images and the toolkit's own code. A change to any of them rebuilds every guideline (each
 * handout uses the glossary, every output the themes and the config; a new key may be what a
 * guideline's failed build lacked). The code is its stamp (bin/code-stamp.js: sizes and times of
 * the toolkit's sources and installed packages), not the version, which editing the toolkit or
 * upgrading a dependency leaves as it was.
 */
export async function sharedInputsHash(root: string, toolkitRoot: string): Promise<string> {
  const hash = createHash('sha256')
  hash.update(`toolkit code ${codeStamp(toolkitRoot)}\n`)
  // Read as the build reads them: a file that must not be read (a pipe, a link out) is hashed as
  // refused, and the build reports it. A missing theme is guidepress's own; a missing glossary is
  // none at all (never the toolkit's, which no build reads).
  hash.update(`${glossaryPath} ${await inputHash(root, glossaryPath, undefined)}\n`)
  for (const file of referencesPaths) hash.update(`${file} ${await inputHash(root, file, undefined)}\n`)
  // The config sets defaults, contacts, brand and paper for every guideline's outputs.
  for (const file of configFileNames) hash.update(`${file} ${await inputHash(root, file, undefined)}\n`)
  for (const file of themeFiles) hash.update(`${file} ${await inputHash(root, file, toolkitRoot)}\n`)
  const imagesRefused = (await linkProblem(root, imagesDir)) !== undefined
  for (const file of imagesRefused ? [] : await listFiles(path.join(root, imagesDir))) {
    const image = path.join(root, imagesDir, file)
    // Only plain files are read: a named pipe would block, and a link to a folder cannot be hashed.
    const plain = await stat(image).then((info) => info.isFile(), () => false)
    hash.update(`${file} ${plain ? sha256(await readFile(image)) : 'not a file'}\n`)
  }
  return hash.digest('hex')
}

async function inputHash(root: string, file: string, fallbackRoot: string | undefined): Promise<string> {
  const read = await readProjectFile(root, file)
  if ('problem' in read) return 'refused'
  if ('bytes' in read) return sha256(read.bytes)
  const fallback = fallbackRoot === undefined ? undefined : await readFile(path.join(fallbackRoot, file)).catch(() => undefined)
  return fallback ? sha256(fallback) : 'none'
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
  const files: string[] = []
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const relative = path.posix.join(prefix, entry.name)
    if (entry.isDirectory()) files.push(...(await listFiles(path.join(dir, entry.name), relative)))
    else files.push(relative)
  }
  return files
}

/**
 * What one output's rendered files depend on: its Markdown, the guideline's metadata (titles,
 * version, status, language, topics and their terms, which the PDFs' coverage is checked against),
 * the inputs every guideline shares (themes, images, config, the toolkit's code) and the formats.
 */
export function renderKey(shared: string, markdown: string, meta: unknown, formats: CacheEntry['formats']): string {
  return sha256(`${shared}\n${sha256(markdown)}\n${JSON.stringify(meta)}\n${JSON.stringify(formats)}`)
}

/** Whether a guideline's last build is still what a build now would give, with every file in place. */
export async function isCurrent(root: string, entry: CacheEntry | undefined, key: string, formats: { pdf: boolean; pptx: boolean; pdfNotes?: boolean }): Promise<boolean> {
  if (!entry || entry.key !== key) return false
  if ((formats.pdf && !entry.formats.pdf) || (formats.pptx && formats.pdf && !entry.formats.pptx)) return false
  // deck.pdf with notes and without are different files: switching either way rebuilds.
  if (formats.pdf && (formats.pdfNotes ?? false) !== (entry.formats.pdfNotes ?? false)) return false
  for (const [file, hash] of Object.entries(entry.markdown)) {
    const read = await readProjectFile(root, file)
    if (!('bytes' in read) || sha256(read.bytes) !== hash) return false
  }
  for (const file of entry.dist) {
    if (!(await stat(path.join(root, file)).then(() => true, () => false))) return false
  }
  return true
}

/** A stable share of the guidelines for shard `index` of `count` (1-based), whatever else is in the library. */
export function inShard(id: string, shard: { index: number; count: number }): boolean {
  return Number.parseInt(sha256(id).slice(0, 8), 16) % shard.count === shard.index - 1
}
