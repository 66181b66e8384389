// Builds start within milliseconds of a save, so one may read a file an editor is still writing
// (a save that truncates, then writes in pieces). Such a build must never show the author a
// failure: before a failed build is shown, the files it was started for must have been quiet a
// while and still be what the build read; otherwise it is dropped and the build runs again.
import { lstat } from 'node:fs/promises'
import path from 'node:path'
import { watchedFolders } from './watch.ts'

/** Each changed file's size and times when a build started (`absent` when there was none). */
export type FileStamps = ReadonlyMap<string, string>

/** How long a file must have gone unwritten before a failed build of it is believed. */
export const failureQuietMs = 300
/** A file written without pause for this long is taken as it is. */
const settleLimitMs = 2000

/** The stamps of the changed paths (relative to `root`) that lie in the watched folders. */
export async function stampFiles(root: string, changes: readonly string[]): Promise<FileStamps> {
  const watched = changes.filter((change) => watchedFolders.some((folder) => change.startsWith(`${folder}/`)))
  return new Map(await Promise.all(watched.map(async (change) => [change, await stampOf(root, change)] as const)))
}

/** The paths whose stamp differs from `stamps` now. */
export async function changedSince(root: string, stamps: FileStamps): Promise<string[]> {
  const now = await Promise.all([...stamps].map(async ([change, stamp]) => ((await stampOf(root, change)) === stamp ? [] : [change])))
  return now.flat()
}

/**
 * Waits until none of the stamped files has been written for `quietMs` (by its modification
 * time; at most `settleLimitMs` in all), then names those that differ from `stamps`.
 */
export async function settledChanges(root: string, stamps: FileStamps, quietMs = failureQuietMs): Promise<string[]> {
  const deadline = Date.now() + settleLimitMs
  for (;;) {
    const newest = Math.max(0, ...(await Promise.all([...stamps.keys()].map((change) => modifiedMs(root, change)))))
    const wait = Math.min(newest + quietMs - Date.now(), deadline - Date.now())
    if (wait <= 0) return changedSince(root, stamps)
    await new Promise((resolve) => setTimeout(resolve, wait))
  }
}

async function stampOf(root: string, change: string): Promise<string> {
  const stats = await lstat(path.join(root, change)).catch(() => undefined)
  return stats ? `${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}:${stats.ino}` : 'absent'
}

async function modifiedMs(root: string, change: string): Promise<number> {
  const stats = await lstat(path.join(root, change)).catch(() => undefined)
  return stats ? Math.max(stats.mtimeMs, stats.ctimeMs) : 0
}
