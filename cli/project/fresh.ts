// The no-op fast path. A build that leaves every guideline current records what the project looked
// like afterwards: the size, modification and change times and inode of every file under the
// folders a build reads and writes. The next `guidepress build` with the same options compares that
// record with the project before loading anything else; when nothing differs, it has nothing to do.
// Without this, deciding "nothing changed" loads the whole pipeline (parser, schema, YAML) and reads
// and hashes every source and output: most of a no-op's time.
//
// Deliberately cautious: any difference at all (a file touched, an editor's swap file, a build under
// way) falls back to the full check in build-plan.ts, which is what decides; this only ever skips
// work when the full check would find none. The change time is kept as well as the modification
// time because no tool can set it back, so an edit that restores a file's size and mtime is still seen.
// Node built-ins only (and the small transforms/messages.ts): this module runs before the pipeline is loaded.
import { createHash } from 'node:crypto'
import { lstat, readdir, readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { lockName } from './lock.ts'
import { validKeptWarnings, type KeptWarning } from '../../transforms/messages.ts'

export const freshRecordPath = 'dist/.guidepress-fresh.json'
/** 2: the record keeps the build's warnings, said again by a build with nothing to do. */
const recordVersion = 2

export interface FreshRecord {
  version: number
  /** The build options and toolkit code the record holds for (see `freshKey`). */
  key: string
  /** Files and folders (project-relative) whose every file is listed in `listing`. */
  paths: string[]
  listing: string
  guidelines: number
  /** The warnings of the build that left every guideline current, by project-relative file. */
  warnings: FileWarnings[]
}

export interface FileWarnings {
  path: string
  warnings: KeptWarning[]
}

/** What else must match: the options that change what a build makes, and the toolkit's code. */
export function freshKey(options: { pdf: boolean; pptx: boolean; pdfNotes: boolean }, code: string): string {
  return JSON.stringify({ pdf: options.pdf, pptx: options.pptx, pdfNotes: options.pdfNotes, code })
}

/**
 * One line per file under `paths` (folders walked, links not followed), hashed. A path that is
 * missing or is a link is listed as such, so one appearing or changing kind is a difference too.
 */
export async function projectListing(root: string, paths: readonly string[]): Promise<string> {
  const hash = createHash('sha256')
  const visit = async (relative: string): Promise<void> => {
    const info = await lstat(path.join(root, relative)).catch(() => undefined)
    if (!info) return void hash.update(`${relative} missing\n`)
    if (info.isDirectory()) {
      // The record itself (and its temporary copy) is not part of what it records.
      const names = (await readdir(path.join(root, relative))).filter((name) => !(relative === 'dist' && name.startsWith('.guidepress-fresh'))).sort()
      hash.update(`${relative}/ ${names.length}\n`)
      for (const name of names) await visit(`${relative}/${name}`)
      return
    }
    const kind = info.isFile() ? 'file' : info.isSymbolicLink() ? 'link' : 'other'
    hash.update(`${relative} ${kind} ${info.size} ${info.mtimeMs} ${info.ctimeMs} ${info.ino}\n`)
  }
  for (const relative of paths) await visit(relative)
  return hash.digest('hex')
}

/**
 * How many guidelines are current, and that build's warnings, when the project is exactly as the
 * last build that left them all current recorded it (with the same key); undefined whenever anything may differ.
 */
export async function freshGuidelines(root: string, key: string): Promise<{ guidelines: number; warnings: FileWarnings[] } | undefined> {
  try {
    const record = JSON.parse(await readFile(path.join(root, freshRecordPath), 'utf8')) as Partial<FreshRecord>
    if (record.version !== recordVersion || record.key !== key || typeof record.listing !== 'string' || typeof record.guidelines !== 'number') return undefined
    const paths = record.paths
    // Only plain project-relative paths: a record is data, never a way to make a build look elsewhere.
    if (!Array.isArray(paths) || paths.some((each) => typeof each !== 'string' || !isPlainRelative(each))) return undefined
    // Another build is under way (or was cut short): let the full path wait for it, or clean up after it.
    if (await lstat(path.join(root, lockName)).then(() => true, () => false)) return undefined
    if ((await projectListing(root, paths)) !== record.listing) return undefined
    const warnings = (Array.isArray(record.warnings) ? record.warnings : []).flatMap((each: unknown) =>
      typeof each === 'object' && each !== null && 'path' in each && typeof each.path === 'string' && isPlainRelative(each.path) && 'warnings' in each ? [{ path: each.path, warnings: validKeptWarnings(each.warnings) }] : []
    )
    return { guidelines: record.guidelines, warnings }
  } catch {
    return undefined
  }
}

/** Records the project as it is now, after a build that left all `guidelines` current. */
export async function recordFresh(root: string, key: string, paths: readonly string[], guidelines: number, warnings: FileWarnings[]): Promise<void> {
  const record: FreshRecord = { version: recordVersion, key, paths: [...paths], listing: await projectListing(root, paths), guidelines, warnings }
  const file = path.join(root, freshRecordPath)
  // Renamed into place: a build reading it meanwhile sees the old record or the new one, whole.
  const temporary = `${file}.${process.pid}.tmp`
  await writeFile(temporary, `${JSON.stringify(record)}\n`)
  await rename(temporary, file)
}

function isPlainRelative(relative: string): boolean {
  return relative !== '' && !path.isAbsolute(relative) && !relative.split(/[\\/]/).some((segment) => segment === '..' || segment === '')
}
