import { createHash, randomBytes } from 'node:crypto'
import { link, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { processRuns } from '../../render/processes.ts'

export const lockName = '.guidepress-build.lock'

export class BuildInProgressError extends Error {
  constructor(readonly pid: number) {
    super(`Another build is in progress (process ${pid}); wait for it to finish, then build again`)
  }
}

export interface BuildLock {
  release(): Promise<void>
}

/**
 * One build at a time per project: the lock file holds the builder's process id and a random
 * token. A lock whose process is gone (a crashed or killed build) is taken over, so a crash never
 * leaves it stuck. A live holder is waited for up to `waitMs`, then refused.
 *
 * Both steps are atomic, so two processes never hold it at once: the lock file appears complete
 * (written beside it, then hard-linked into place, which fails when it exists), and a stale lock is
 * removed only by the one process that won the right to remove that very lock (see `removeStale`).
 */
export async function acquireBuildLock(root: string, options: { waitMs: number; onWait?: (pid: number) => void }): Promise<BuildLock> {
  const file = path.join(root, lockName)
  const mine = ownerLine()
  const deadline = Date.now() + options.waitMs
  let announced = false
  for (;;) {
    if (await createExclusive(file, mine)) return { release: () => removeIf(file, mine) }
    const held = await readFile(file, 'utf8').catch(() => undefined)
    if (held === undefined) continue // released meanwhile: try again
    const holder = pidOf(held)
    if (holder === undefined || !isAlive(holder)) {
      if (!(await removeStale(file, held))) await pause(5 + Math.random() * 20) // another process is taking it over
      continue
    }
    if (Date.now() >= deadline) throw new BuildInProgressError(holder)
    if (!announced) options.onWait?.(holder)
    announced = true
    await pause(100)
  }
}

/** `<pid> <random token>`: the token tells two locks of the same process (or a reused pid) apart. */
function ownerLine(): string {
  return `${process.pid} ${randomBytes(8).toString('hex')}\n`
}

function pidOf(text: string): number | undefined {
  const pid = Number.parseInt(text, 10)
  return Number.isInteger(pid) && pid > 0 ? pid : undefined
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Creates `file` holding `text` only if it does not exist, and never visible half-written. */
async function createExclusive(file: string, text: string): Promise<boolean> {
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`
  await writeFile(temp, text)
  try {
    await link(temp, file)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  } finally {
    await rm(temp, { force: true })
  }
}

/**
 * Removes the stale lock whose content was `seen`, when this process wins the right to: a marker
 * file named after that content, created exclusively. Reading, then deleting, without it would let
 * a slow process delete a newer, live lock that another process has just taken. A marker left by a
 * process that died while taking over is itself stale, and removed the same way. Returns whether
 * this process did the takeover (or found the lock gone).
 */
async function removeStale(file: string, seen: string): Promise<boolean> {
  const marker = `${file}.takeover-${createHash('sha256').update(seen).digest('hex').slice(0, 16)}`
  const mine = ownerLine()
  if (!(await createExclusive(marker, mine))) {
    const owner = await readFile(marker, 'utf8').catch(() => undefined)
    const pid = owner === undefined ? undefined : pidOf(owner)
    if (owner !== undefined && (pid === undefined || !isAlive(pid))) await removeStale(marker, owner)
    return false
  }
  try {
    // Only this process may remove the lock that held `seen`, so it cannot change between these lines.
    await removeIf(file, seen)
    return true
  } finally {
    await removeIf(marker, mine)
  }
}

/** Removes `file` if it still holds `text`. */
async function removeIf(file: string, text: string): Promise<void> {
  if ((await readFile(file, 'utf8').catch(() => undefined)) === text) await rm(file, { force: true })
}

/** Whether a process id belongs to a running process. */
export const isAlive = processRuns

/** What a build (or `guidepress dev`) prints while another build holds the lock. */
export function lockWaitMessage(pid: number): string {
  return `Waiting for the build in progress (process ${pid}) to finish…`
}
