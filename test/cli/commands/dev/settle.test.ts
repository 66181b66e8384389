// A save written in pieces: a build may read the file half written (builds start within
// milliseconds of a save), but that build's failure is never shown; the finished file is built.
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { changedSince, settledChanges, stampFiles } from '../../../../cli/commands/dev/settle.ts'
import { guideline, makeWorkspace } from '../../../helpers.ts'
import { closeAll, get, sleep, startDev, waitFor } from './helpers.ts'

afterEach(closeAll)

describe('a save still being written', () => {
  it.each([20, 60])('never shows the failure of a file read half written (%i ms between the pieces), and shows the finished one', async (pauseMs) => {
    const root = await makeWorkspace({ 'source/bone-health.md': guideline() })
    const dev = await startDev(root)
    const finished = guideline().replace('Strong bone matters.', 'Strong bone matters most.')
    const file = path.join(root, 'source/bone-health.md')
    // The first piece ends inside the front matter: read alone, it is an error.
    await writeFile(file, finished.slice(0, 40))
    await sleep(pauseMs)
    await writeFile(file, finished)
    await waitFor('the finished save in the handout', async () => (await get(dev.port, '/bone-health/handout.html')).body.includes('Strong bone matters most.'))
    await waitFor('the build line', () => dev.builds().some((line) => line.includes('rebuilt bone-health')))
    expect(dev.builds().filter((line) => line.startsWith('✖'))).toEqual([])
    expect(dev.err.join('\n')).not.toContain('error')
  }, 60_000)
})

describe('file stamps', () => {
  it('name the files written since they were taken, and wait until the files have been quiet', async () => {
    const root = await makeWorkspace({ 'source/a.md': 'a\n', 'source/b.md': 'b\n' })
    const stamps = await stampFiles(root, ['(start)', 'source/a.md', 'source/b.md', 'source/gone.md', 'outside.md'])
    expect([...stamps.keys()]).toEqual(['source/a.md', 'source/b.md', 'source/gone.md'])
    expect(await changedSince(root, stamps)).toEqual([])
    await writeFile(path.join(root, 'source/b.md'), 'b, longer\n')
    await writeFile(path.join(root, 'source/gone.md'), 'here now\n')
    const started = Date.now()
    expect(await settledChanges(root, stamps, 300)).toEqual(['source/b.md', 'source/gone.md'])
    expect(Date.now() - started).toBeGreaterThanOrEqual(200)
  })
})
