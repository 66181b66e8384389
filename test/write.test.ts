import { readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeOutputs } from '../transforms/write.ts'
import { makeWorkspace, readText } from './helpers.ts'

describe('writeOutputs', () => {
  it('writes changed files and leaves identical ones alone', async () => {
    const root = await makeWorkspace({ 'decks/a.md': 'same\n' })
    const result = await writeOutputs(root, [
      { path: 'decks/a.md', text: 'same\n' },
      { path: 'handouts/a.md', text: 'new\n' }
    ])
    expect(result).toEqual({ written: ['handouts/a.md'], unchanged: ['decks/a.md'] })
    expect(await readText(root, 'handouts/a.md')).toBe('new\n')
  })

  it('changes no target and leaves no temp file when staging fails part-way', async () => {
    const root = await makeWorkspace({ 'decks/a.md': 'old\n', summaries: '' })
    // `summaries` is a file, so staging `summaries/a.md` fails after `decks/a.md` was staged.
    await writeFile(path.join(root, 'summaries'), 'not a folder')
    await expect(
      writeOutputs(root, [
        { path: 'decks/a.md', text: 'new\n' },
        { path: 'summaries/a.md', text: 'new\n' }
      ])
    ).rejects.toThrow()
    expect(await readText(root, 'decks/a.md')).toBe('old\n')
    expect((await readdir(path.join(root, 'decks'))).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })
})
