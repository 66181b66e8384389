import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync } from 'node:fs'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { lockName } from '../../../cli/project/lock.ts'
import { guideline, makeWorkspace, runCli, runCliWith } from '../../helpers.ts'

const bin = path.join(import.meta.dirname, '../../..', 'bin', 'guidepress.js')
// No process has this id on Linux (pid_max is at most 2^22).
const deadPid = 2 ** 22 + 1

/** Every file in the project except sources, as path → hash: what a build may change. */
async function snapshot(root: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {}
  const walk = async (relative: string): Promise<void> => {
    for (const entry of await readdir(path.join(root, relative), { withFileTypes: true })) {
      const child = path.posix.join(relative, entry.name)
      if (entry.isDirectory()) await walk(child)
      else files[child] = createHash('sha256').update(await readFile(path.join(root, child))).digest('hex')
    }
  }
  for (const entry of await readdir(root)) if (entry !== 'source') await walk(entry).catch(() => (files[entry] = 'file'))
  return files
}

/** Starts a real build and sends `signal` once it has begun staging dist/ files ("wrote" is printed only after the commit). */
function interruptBuild(root: string, signal: NodeJS.Signals): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'build'], { cwd: root })
    let stderr = ''
    const staging = (): string[] => readdirSync(root).filter((name) => name.startsWith('.guidepress-staging-'))
    const poll = setInterval(() => {
      if (!staging().some((name) => existsSync(path.join(root, name, 'dist')))) return
      clearInterval(poll)
      child.kill(signal)
    }, 20)
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code) => {
      clearInterval(poll)
      resolve({ code, stderr })
    })
  })
}

describe('interrupting a build', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143]
  ] as const)('on %s leaves the whole old set, no temp files and no lock', async (signal, exitCode) => {
    const root = await makeWorkspace({ 'source/bone-health.md': guideline(), 'source/other-bones.md': guideline() })
    expect((await runCli(root, 'build', '--no-pptx')).code).toBe(0)
    const before = await snapshot(root)
    expect(Object.keys(before)).toContain('dist/bone-health/deck.pdf')

    await writeFile(path.join(root, 'source/bone-health.md'), guideline().replace('Strong bone matters.', 'Strong bone matters a lot.'))
    const run = await interruptBuild(root, signal)
    expect(run.code).toBe(exitCode)
    expect(run.stderr).toContain(`interrupted (${signal}); nothing was changed`)
    expect(await snapshot(root)).toEqual(before)
    expect(existsSync(path.join(root, lockName))).toBe(false)
  }, 60_000)
})

describe('the build lock', () => {
  it('refuses, naming the process, while another build holds the lock', async () => {
    const root = await makeWorkspace({ 'source/bone-health.md': guideline(), [lockName]: `${process.pid}\n` })
    const started = performance.now()
    const run = await runCliWithLockWait(root, 300)
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(`Waiting for the build in progress (process ${process.pid}) to finish`)
    expect(run.stderr).toContain(`Another build is in progress (process ${process.pid})`)
    expect(performance.now() - started).toBeGreaterThanOrEqual(300)
    expect(existsSync(path.join(root, 'decks'))).toBe(false)
  })

  it('waits for the other build to finish, then builds', async () => {
    const root = await makeWorkspace({ 'source/bone-health.md': guideline(), [lockName]: `${process.pid}\n` })
    setTimeout(() => void import('node:fs/promises').then(({ rm }) => rm(path.join(root, lockName))), 300)
    const run = await runCliWithLockWait(root, 10_000)
    expect(run.code).toBe(0)
    expect(existsSync(path.join(root, 'decks/bone-health.md'))).toBe(true)
  })

  it('takes over a lock left by a build that crashed, and releases its own', async () => {
    const root = await makeWorkspace({ 'source/bone-health.md': guideline(), [lockName]: `${deadPid}\n` })
    const run = await runCliWithLockWait(root, 300)
    expect(run.code).toBe(0)
    expect(existsSync(path.join(root, lockName))).toBe(false)
  })
})

function runCliWithLockWait(root: string, lockWaitMs: number) {
  return runCliWith(root, { lockWaitMs }, 'build', '--no-pdf')
}
