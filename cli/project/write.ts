import { access, constants, lstat, mkdir, readdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { isAlive } from './lock.ts'
import { linkProblem, readProjectFile } from '../../transforms/input/paths.ts'
import type { OutputFile } from '../../transforms/types.ts'

export interface WriteResult {
  written: string[]
  unchanged: string[]
}

const stagingPrefix = '.guidepress-staging-'
/** Inside the staging folder: the files a commit replaced or removed, kept until it has succeeded. */
const previousDir = '.previous'

/** Why one file could not be moved into place: its project-relative path, and what to do. */
export interface BlockedOutput {
  path: string
  reason: string
}

/** A commit that moved nothing (its checks failed) or was rolled back: the project is as it was. */
export class CommitBlockedError extends Error {
  constructor(readonly blocked: BlockedOutput[]) {
    super(blocked.map((each) => `${each.path}: ${each.reason}`).join('\n'))
  }
}

/** The file-system calls a commit makes that can fail halfway; tests put a failing one in. */
export interface CommitFs {
  rename: (from: string, to: string) => Promise<void>
}

/**
 * A build writes nothing in place until it is complete: every file goes to a staging folder inside
 * the project (same file system, so a rename is atomic), and `commit` moves them all at the end.
 * `discard` (on an error or an interrupt) leaves the project exactly as it was.
 */
export class Staging {
  private readonly staged = new Set<string>()
  private readonly removals = new Set<string>()
  private readonly inFlight = new Set<Promise<void>>()
  private closed = false
  private constructor(readonly root: string, readonly dir: string, private readonly fs: CommitFs) {}

  static async open(root: string, fs: CommitFs = { rename }): Promise<Staging> {
    await removeAbandonedStaging(root)
    const dir = path.join(root, `${stagingPrefix}${process.pid}`)
    await rm(dir, { recursive: true, force: true })
    await mkdir(dir, { recursive: true })
    return new Staging(root, dir, fs)
  }

  async stage(relative: string, data: string | Uint8Array): Promise<void> {
    // Rendering runs in parallel: after a discard, late writes must not recreate the folder.
    if (this.closed) return
    const write = (async () => {
      const target = path.join(this.dir, relative)
      await mkdir(path.dirname(target), { recursive: true })
      await writeFile(target, data)
      this.staged.add(relative)
    })()
    this.inFlight.add(write)
    try {
      await write
    } finally {
      this.inFlight.delete(write)
    }
  }

  /** Marks a file guidepress made earlier for removal at commit (with the moves, all or nothing). */
  remove(relative: string): void {
    this.removals.add(relative)
  }

  /**
   * Moves every staged file into place and removes the files marked for removal, all or nothing:
   * every target is checked before the first move, and a move that fails anyway undoes the ones
   * before it. Throws `CommitBlockedError` naming each file that could not be written.
   */
  async commit(): Promise<{ written: string[]; removed: string[] }> {
    const written = [...this.staged]
    const removed = [...this.removals].filter((relative) => !this.staged.has(relative))
    const blocked = (await Promise.all([...written.map((relative) => targetProblem(this.root, relative)), ...removed.map((relative) => removalProblem(this.root, relative))])).filter(
      (each): each is BlockedOutput => each !== undefined
    )
    if (blocked.length > 0) throw new CommitBlockedError(blocked)
    const undo: Array<() => Promise<unknown>> = []
    let current = ''
    try {
      for (const relative of written) {
        current = relative
        const target = path.join(this.root, relative)
        const created = await mkdir(path.dirname(target), { recursive: true })
        if (created) undo.push(() => rm(created, { recursive: true, force: true }))
        await this.setAside(relative, undo)
        await this.fs.rename(path.join(this.dir, relative), target)
        undo.push(() => this.fs.rename(target, path.join(this.dir, relative)))
      }
      for (const relative of removed) {
        current = relative
        await this.setAside(relative, undo)
      }
    } catch (error) {
      for (const step of undo.reverse()) await step().catch(() => undefined)
      throw new CommitBlockedError([{ path: current, reason: `${explainFailure(error)}; nothing was changed` }])
    }
    await rm(this.dir, { recursive: true, force: true })
    return { written, removed }
  }

  async discard(): Promise<void> {
    this.closed = true
    await Promise.allSettled([...this.inFlight])
    await rm(this.dir, { recursive: true, force: true })
  }

  /** Moves the file now at `relative` (if any) into the staging folder, to put back on an undo. */
  private async setAside(relative: string, undo: Array<() => Promise<unknown>>): Promise<void> {
    const target = path.join(this.root, relative)
    if (!(await lstat(target).then(() => true, () => false))) return
    const previous = path.join(this.dir, previousDir, relative)
    await mkdir(path.dirname(previous), { recursive: true })
    await this.fs.rename(target, previous)
    undo.push(() => this.fs.rename(previous, target))
  }
}

/** Why a file cannot be written at `relative`, checked before any move (see `Staging.commit`). */
async function targetProblem(root: string, relative: string): Promise<BlockedOutput | undefined> {
  const blocked = (reason: string): BlockedOutput => ({ path: relative, reason })
  const link = await linkProblem(root, relative)
  if (link) return blocked(link)
  const parts = relative.split('/')
  for (let count = 1; count < parts.length; count += 1) {
    const folder = parts.slice(0, count).join('/')
    const info = await stat(path.join(root, folder)).catch(() => undefined)
    if (!info) break
    if (!info.isDirectory()) return blocked(`Expected \`${folder}\` to be a folder (guidepress writes \`${relative}\` in it), but it is a file; move it away and build again`)
  }
  const info = await lstat(path.join(root, relative)).catch(() => undefined)
  if (info?.isDirectory()) return blocked(`Expected \`${relative}\` to be a file guidepress writes, but it is a folder; move the folder away and build again`)
  if (info && (await access(path.join(root, relative), constants.W_OK).then(() => undefined, (error: NodeJS.ErrnoException) => error.code)) === 'EPERM') {
    return blocked(`Cannot replace \`${relative}\`: it is marked immutable; clear that (\`chattr -i ${relative}\`) and build again`)
  }
  return writableProblem(root, relative)
}

/** A file marked for removal is removed only while it is still a plain file (never a folder or a link). */
async function removalProblem(root: string, relative: string): Promise<BlockedOutput | undefined> {
  const link = await linkProblem(root, relative)
  if (link) return { path: relative, reason: link }
  return writableProblem(root, relative)
}

/** The nearest existing folder on the way to `relative` must let a file be added or removed. */
async function writableProblem(root: string, relative: string): Promise<BlockedOutput | undefined> {
  let folder = path.posix.dirname(relative)
  while (folder !== '.' && !(await stat(path.join(root, folder)).then(() => true, () => false))) folder = path.posix.dirname(folder)
  const code = await access(path.join(root, folder), constants.W_OK).then(() => undefined, (error: NodeJS.ErrnoException) => error.code)
  if (code === undefined) return undefined
  const shown = folder === '.' ? 'the project folder' : `\`${folder}/\``
  return { path: relative, reason: `Cannot write \`${relative}\`: ${shown} is read-only (${code}); make it writable (\`chmod u+w\`${code === 'EPERM' ? ' or `chattr -i`' : ''}) and build again` }
}

function explainFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  const known: Record<string, string> = {
    EACCES: 'permission denied; make the folder writable',
    EPERM: 'not permitted (read-only or immutable); make it writable',
    EROFS: 'the file system is read-only',
    ENOSPC: 'the disk is full; free some space',
    EXDEV: 'the folder is on another file system than the project; make it a plain folder of the project',
    EISDIR: 'a folder is where a file belongs; move it away',
    ENOTDIR: 'a file is where a folder belongs; move it away'
  }
  return `Cannot move the new file into place: ${(code && known[code]) ?? (error instanceof Error ? error.message : String(error))}, then build again`
}

/** Staging folders of builds that were killed outright (their process is gone). */
async function removeAbandonedStaging(root: string): Promise<void> {
  for (const name of await readdir(root).catch(() => [])) {
    if (!name.startsWith(stagingPrefix)) continue
    const pid = Number.parseInt(name.slice(stagingPrefix.length), 10)
    if (pid !== process.pid && isAlive(pid)) continue
    await rm(path.join(root, name), { recursive: true, force: true })
  }
}

/** Removes `relative` when it is an empty folder (a deleted guideline's `dist/<id>/`); anything else stays. */
export async function removeFolderIfEmpty(root: string, relative: string): Promise<void> {
  await rmdir(path.join(root, relative)).catch(() => undefined)
}

/** Stages the Markdown outputs whose bytes change; identical files are left alone (their times stay put). */
export async function stageOutputs(staging: Staging, outputs: OutputFile[]): Promise<WriteResult> {
  const written: string[] = []
  const unchanged: string[] = []
  for (const output of outputs) {
    // Read safely: a committed output that is a pipe or a link out of the project is never read (the commit refuses it).
    const current = await readProjectFile(staging.root, output.path)
    if ('bytes' in current && current.bytes.toString('utf8') === output.text) {
      unchanged.push(output.path)
      continue
    }
    await staging.stage(output.path, output.text)
    written.push(output.path)
  }
  return { written, unchanged }
}
