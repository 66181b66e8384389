import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { BrowserSession } from '../../render/browser.ts'
import { makeProfileDir, removeStaleProfiles } from '../../render/browser/profile.ts'
import { processRuns } from '../../render/processes.ts'

/** The pid of a process that has ended. */
function endedPid(): number {
  const pid = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout
  return Number(pid)
}

async function profile(parent: string, name: string, files: Record<string, string> = {}, lock?: string): Promise<string> {
  const dir = path.join(parent, `guidepress-chrome-${name}`)
  await mkdir(dir)
  for (const [file, text] of Object.entries(files)) await writeFile(path.join(dir, file), text)
  if (lock !== undefined) await symlink(lock, path.join(dir, 'SingletonLock'))
  return dir
}

describe('browser profile folders', () => {
  it('marks a new profile with this machine and process', async () => {
    const parent = await mkdtemp(path.join(tmpdir(), 'gp-profiles-'))
    const dir = await makeProfileDir(parent)
    expect(path.basename(dir)).toMatch(/^guidepress-chrome-/)
    expect(await readFile(path.join(dir, 'guidepress-owner'), 'utf8')).toBe(`${hostname()} ${process.pid}\n`)
    // Its owner runs: a browser start of another build leaves it alone.
    expect(await removeStaleProfiles(parent)).toEqual([])
    expect(existsSync(dir)).toBe(true)
  })

  it("removes the profiles of ended processes, and nothing that is not one or may still be in use", async () => {
    const parent = await mkdtemp(path.join(tmpdir(), 'gp-profiles-'))
    const outside = await mkdtemp(path.join(tmpdir(), 'gp-outside-'))
    await writeFile(path.join(outside, 'keep.txt'), 'not a profile')
    const dead = endedPid()
    expect(processRuns(dead)).toBe(false)
    expect(processRuns(process.pid)).toBe(true)
    const owner = (pid: number, host = hostname()): Record<string, string> => ({ 'guidepress-owner': `${host} ${pid}\n`, 'Local State': '{}' })

    const killed = await profile(parent, 'killed', owner(dead))
    const killedBeforeOwnerFiles = await profile(parent, 'legacy', { 'Local State': '{}' }, `${hostname()}-${dead}`)
    const running = await profile(parent, 'running', owner(process.pid))
    const runningLegacy = await profile(parent, 'legacy-running', {}, `${hostname()}-${process.pid}`)
    const otherMachine = await profile(parent, 'other-host', owner(dead, 'another-machine'))
    const unknown = await profile(parent, 'starting') // no owner, no lock: its browser may be starting
    const garbled = await profile(parent, 'garbled', { 'guidepress-owner': `${hostname()} ${dead} <script>\n` })
    const oversized = await profile(parent, 'oversized', { 'guidepress-owner': `${hostname()} ${dead}\n${' '.repeat(400)}` })
    await symlink(outside, path.join(parent, 'guidepress-chrome-link')) // a link: never followed
    await writeFile(path.join(parent, 'guidepress-chrome-file'), `${hostname()} ${dead}\n`)
    const ownerLink = await profile(parent, 'owner-link')
    await symlink(path.join(killed, 'guidepress-owner'), path.join(ownerLink, 'guidepress-owner'))

    const removed = await removeStaleProfiles(parent)
    expect(removed.sort()).toEqual([killedBeforeOwnerFiles, killed].sort())
    for (const dir of [killed, killedBeforeOwnerFiles]) expect(existsSync(dir)).toBe(false)
    for (const dir of [running, runningLegacy, otherMachine, unknown, garbled, oversized, ownerLink]) expect(existsSync(dir)).toBe(true)
    expect(existsSync(path.join(parent, 'guidepress-chrome-file'))).toBe(true)
    expect(await readFile(path.join(outside, 'keep.txt'), 'utf8')).toBe('not a profile')
  })

  it('says nothing and removes nothing when the folder cannot be read', async () => {
    expect(await removeStaleProfiles(path.join(tmpdir(), 'gp-no-such-folder', 'x'))).toEqual([])
  })

  it("a browser start removes a killed build's profile; its own is marked, and removed when it closes", async () => {
    const killed = await profile(tmpdir(), `killed-${process.pid}`, { 'guidepress-owner': `${hostname()} ${endedPid()}\n` })
    const session = await BrowserSession.start({ allowedDirs: [] })
    let own: string | undefined
    try {
      expect(existsSync(killed)).toBe(false)
      own = session.browser.process()?.spawnargs.find((arg) => arg.startsWith('--user-data-dir='))?.slice('--user-data-dir='.length)
      expect(own && (await readFile(path.join(own, 'guidepress-owner'), 'utf8'))).toBe(`${hostname()} ${process.pid}\n`)
    } finally {
      await session.close()
    }
    expect(own && existsSync(own)).toBe(false)
  }, 60_000)
})
