import { open, readFile, rm } from 'node:fs/promises'
import path from 'node:path'

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
 * One build at a time per project: the lock file holds the builder's process id. A lock whose
 * process is gone (a crashed or killed build) is taken over, so a crash never leaves it stuck.
 * A live holder is waited for up to `waitMs`, then refused.
 */
export async function acquireBuildLock(root: string, options: { waitMs: number; onWait?: (pid: number) => void }): Promise<BuildLock> {
  const file = path.join(root, lockName)
  const deadline = Date.now() + options.waitMs
  let announced = false
  for (;;) {
    try {
      const handle = await open(file, 'wx')
      await handle.writeFile(`${process.pid}\n`)
      await handle.close()
      return { release: () => rm(file, { force: true }) }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const holder = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10)
    if (!Number.isInteger(holder) || !isAlive(holder)) {
      await rm(file, { force: true })
      continue
    }
    if (Date.now() >= deadline) throw new BuildInProgressError(holder)
    if (!announced) options.onWait?.(holder)
    announced = true
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** Whether a process id belongs to a running process. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** What a build (or `guidepress dev`) prints while another build holds the lock. */
export function lockWaitMessage(pid: number): string {
  return `Waiting for the build in progress (process ${pid}) to finish…`
}
