import { existsSync } from 'node:fs'
import { mkdir, readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Staging, stageOutputs } from '../../../cli/project/write.ts'
import { makeWorkspace, readText } from '../../helpers.ts'

const stagingDirs = async (root: string) => (await readdir(root)).filter((name) => name.startsWith('.guidepress-staging-'))

describe('Staging', () => {
  it('stages changed files only, and moves them into place on commit', async () => {
    const root = await makeWorkspace({ 'decks/a.md': 'same\n', 'handouts/a.md': 'old\n' })
    const staging = await Staging.open(root)
    const result = await stageOutputs(staging, [
      { path: 'decks/a.md', text: 'same\n' },
      { path: 'handouts/a.md', text: 'new\n' }
    ])
    await staging.stage('dist/a/deck.pdf', new Uint8Array([1, 2, 3]))
    expect(result).toEqual({ written: ['handouts/a.md'], unchanged: ['decks/a.md'] })
    // Nothing is in place before the commit.
    expect(await readText(root, 'handouts/a.md')).toBe('old\n')
    expect(existsSync(path.join(root, 'dist/a/deck.pdf'))).toBe(false)

    expect(await staging.commit()).toEqual({ written: ['handouts/a.md', 'dist/a/deck.pdf'], removed: [] })
    expect(await readText(root, 'handouts/a.md')).toBe('new\n')
    expect(existsSync(path.join(root, 'dist/a/deck.pdf'))).toBe(true)
    expect(await stagingDirs(root)).toEqual([])
  })

  it('leaves the project untouched when discarded', async () => {
    const root = await makeWorkspace({ 'handouts/a.md': 'old\n' })
    const staging = await Staging.open(root)
    await stageOutputs(staging, [{ path: 'handouts/a.md', text: 'new\n' }])
    await staging.discard()
    expect(await readText(root, 'handouts/a.md')).toBe('old\n')
    expect(await stagingDirs(root)).toEqual([])
  })

  it('removes the staging folder a killed build left behind', async () => {
    const root = await makeWorkspace({})
    // No process has id 2^22 + 1 on Linux (pid_max is at most 2^22).
    const abandoned = path.join(root, `.guidepress-staging-${2 ** 22 + 1}`)
    await mkdir(abandoned)
    await writeFile(path.join(abandoned, 'half.md'), 'half')
    const staging = await Staging.open(root)
    expect(await stagingDirs(root)).toEqual([path.basename(staging.dir)])
    await staging.discard()
  })
})
