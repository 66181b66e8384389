import { spawn } from 'node:child_process'
import { readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { lockName } from '../../../cli/project/lock.ts'
import { makeWorkspace } from '../../helpers.ts'

const contender = path.join(import.meta.dirname, 'lock-contender.ts')
/** No process has id 2^22 + 1 on Linux (pid_max is at most 2^22). */
const deadPid = 2 ** 22 + 1

/** Starts `count` contenders, lets them all go at once, and returns their exit codes and output. */
async function contend(root: string, count: number, rounds: number): Promise<Array<{ code: number | null; out: string }>> {
  const children = Array.from({ length: count }, (_, index) =>
    spawn(process.execPath, ['--import', 'tsx', contender, root, String(rounds), index % 2 === 0 ? 'crash' : 'no'], { cwd: path.join(import.meta.dirname, '../../..') })
  )
  const results = children.map(
    (child) =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        let out = ''
        child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
        child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()))
        child.on('exit', (code) => resolve({ code, out }))
      })
  )
  // All started (the slowest start takes seconds on a busy machine), then all go at once.
  await Promise.all(children.map((child) => new Promise((resolve) => child.stdout.once('data', resolve))))
  await writeFile(path.join(root, 'go'), '')
  return Promise.all(results)
}

describe('the build lock under contention', () => {
  it('is held by one process at a time, among many taking over stale locks at once', async () => {
    const root = await makeWorkspace({ [lockName]: `${deadPid}\n` })
    const results = await contend(root, 8, 3)
    for (const result of results) expect(result, result.out).toEqual({ code: 0, out: 'ready\n' })
    // Takeover markers and temp files are all gone; only a crashed contender's lock may remain.
    const left = (await readdir(root)).filter((name) => name.startsWith(lockName) && name !== lockName)
    expect(left).toEqual([])
  }, 120_000)

})
