import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { isAlive } from './lock.ts'

export interface OutputFile {
  /** Path relative to the project root, with `/` separators. */
  path: string
  text: string
}

export interface WriteResult {
  written: string[]
  unchanged: string[]
}

const stagingPrefix = '.guidepress-staging-'

/**
 * A build writes nothing in place until it is complete: every file goes to a staging folder inside
 * the project (same file system, so a rename is atomic), and `commit` moves them all at the end.
 * `discard` (on an error or an interrupt) leaves the project exactly as it was.
 */
export class Staging {
  private readonly staged: string[] = []
  private readonly inFlight = new Set<Promise<void>>()
  private closed = false
  private constructor(readonly root: string, readonly dir: string) {}

  static async open(root: string): Promise<Staging> {
    await removeAbandonedStaging(root)
    const dir = path.join(root, `${stagingPrefix}${process.pid}`)
    await rm(dir, { recursive: true, force: true })
    await mkdir(dir, { recursive: true })
    return new Staging(root, dir)
  }

  async stage(relative: string, data: string | Uint8Array): Promise<void> {
    // Rendering runs in parallel: after a discard, late writes must not recreate the folder.
    if (this.closed) return
    const write = (async () => {
      const target = path.join(this.dir, relative)
      await mkdir(path.dirname(target), { recursive: true })
      await writeFile(target, data)
      this.staged.push(relative)
    })()
    this.inFlight.add(write)
    try {
      await write
    } finally {
      this.inFlight.delete(write)
    }
  }

  /** Moves every staged file into place; a few renames, so an interrupt is held off meanwhile by the caller. */
  async commit(): Promise<string[]> {
    for (const relative of this.staged) {
      const target = path.join(this.root, relative)
      await mkdir(path.dirname(target), { recursive: true })
      await rename(path.join(this.dir, relative), target)
    }
    await rm(this.dir, { recursive: true, force: true })
    return [...this.staged]
  }

  async discard(): Promise<void> {
    this.closed = true
    await Promise.allSettled([...this.inFlight])
    await rm(this.dir, { recursive: true, force: true })
  }
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


/** Stages the Markdown outputs whose bytes change; identical files are left alone (their times stay put). */
export async function stageOutputs(staging: Staging, outputs: OutputFile[]): Promise<WriteResult> {
  const written: string[] = []
  const unchanged: string[] = []
  for (const output of outputs) {
    const current = await readFile(path.join(staging.root, output.path), 'utf8').catch(() => undefined)
    if (current === output.text) {
      unchanged.push(output.path)
      continue
    }
    await staging.stage(output.path, output.text)
    written.push(output.path)
  }
  return { written, unchanged }
}
