// The browser's temporary profile folders. Each build's browser gets a fresh one, removed when the
// browser closes; a build killed outright (SIGKILL, a crash, a closed laptop lid with the power
// gone) cannot remove its own, so every browser start removes those of processes that have ended.
import { lstat, mkdtemp, readdir, readFile, readlink, rm, writeFile } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import path from 'node:path'
import { processRuns } from '../processes.ts'

const PREFIX = 'guidepress-chrome-'
/** Written into each profile folder: this machine's name and the pid of the process that owns it. */
const OWNER_FILE = 'guidepress-owner'
/** Chrome's own lock in a profile it runs on: a link to `<host>-<browser pid>`, left behind when it is killed. */
const CHROME_LOCK = 'SingletonLock'

/** A new, empty profile folder in `parent`, marked as this process's. */
export async function makeProfileDir(parent = tmpdir()): Promise<string> {
  const dir = await mkdtemp(path.join(parent, PREFIX))
  await writeFile(path.join(dir, OWNER_FILE), `${hostname()} ${process.pid}\n`, { flag: 'wx' })
  return dir
}

/**
 * Removes the profile folders in `parent` whose owner has ended: the owner file's process, or for a
 * folder made before there were owner files, the browser process named by Chrome's lock. A folder
 * is left alone when its owner runs, is on another machine sharing the folder, or cannot be told
 * (no owner file and no lock: its browser may be starting). Only real folders are looked at, never
 * what a link points to. Returns the folders removed; never throws (the build goes on regardless).
 */
export async function removeStaleProfiles(parent = tmpdir(), runs: (pid: number) => boolean = processRuns): Promise<string[]> {
  let names: string[]
  try {
    names = (await readdir(parent)).filter((name) => name.startsWith(PREFIX))
  } catch {
    return []
  }
  const removed = await Promise.all(
    names.map(async (name) => {
      const dir = path.join(parent, name)
      try {
        if (!(await lstat(dir)).isDirectory()) return undefined
        const owner = await profileOwner(dir)
        if (!owner || owner.host !== hostname() || runs(owner.pid)) return undefined
        await rm(dir, { recursive: true, force: true })
        return dir
      } catch {
        return undefined // gone meanwhile, or not ours to read: not this build's business
      }
    })
  )
  return removed.filter((dir): dir is string => dir !== undefined)
}

async function profileOwner(dir: string): Promise<{ host: string; pid: number } | undefined> {
  const ownerFile = path.join(dir, OWNER_FILE)
  const file = await lstat(ownerFile).catch(() => undefined)
  // What this module writes is a host name and a pid: anything else there is not an owner file of ours.
  const written = file?.isFile() && file.size <= 300 ? await readFile(ownerFile, 'utf8') : undefined
  if (written !== undefined) return parseOwner(/^(\S+) (\d+)\n$/.exec(written))
  const lock = await readlink(path.join(dir, CHROME_LOCK)).catch(() => undefined)
  return lock === undefined ? undefined : parseOwner(/^(.+)-(\d+)$/.exec(lock))
}

function parseOwner(match: RegExpExecArray | null): { host: string; pid: number } | undefined {
  const pid = Number(match?.[2])
  return match?.[1] && Number.isSafeInteger(pid) && pid > 0 ? { host: match[1], pid } : undefined
}
