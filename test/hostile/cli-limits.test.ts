import { execFile } from 'node:child_process'
import { readdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { guideline, makeWorkspace, runCli } from '../helpers.ts'

const execFileAsync = promisify(execFile)
const git = (root: string, ...args: string[]) => execFileAsync('git', args, { cwd: root })
const commitAll = async (root: string) => {
  await git(root, 'add', '-A')
  await git(root, '-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'snapshot')
}

describe('guidepress new refuses ids that cannot name its files, as a usage error', () => {
  it.each([
    { what: 'an id longer than a file name may be', id: 'a'.repeat(300), message: /at most 100 characters, not 300/ },
    { what: 'a long id that still fits a file name', id: `${'ab-'.repeat(50)}z`, message: /at most 100 characters, not 151/ },
    { what: 'a path up and out', id: '../escape', message: /lowercase letters a–z.*no `\/`/ },
    { what: 'a nested path', id: 'nested/id', message: /lowercase letters a–z.*no `\/`/ },
    { what: 'a dot-dot id', id: '..', message: /lowercase letters a–z/ },
    { what: 'accented letters', id: 'soins-à-domicile', message: /lowercase letters a–z/ },
    { what: 'a backslash', id: 'bone\\health', message: /lowercase letters a–z/ }
  ])('$what', async ({ id, message }) => {
    const root = await makeWorkspace({})
    const run = await runCli(root, 'new', id)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(message)
    expect(run.stderr).not.toMatch(/internal error/)
    expect(await readdir(path.join(root, 'source'))).toEqual([])
  })
})

describe('guidepress diff reports a file it cannot read at the ref', () => {
  it('when git cannot read the stored file', async () => {
    const root = await makeWorkspace({ 'source/bone-health.md': guideline() })
    await git(root, 'init', '-q')
    await commitAll(root)
    const blob = (await git(root, 'rev-parse', 'HEAD:source/bone-health.md')).stdout.trim()
    await rm(path.join(root, '.git', 'objects', blob.slice(0, 2), blob.slice(2)))
    for (const json of [[], ['--json']]) {
      const run = await runCli(root, 'diff', 'HEAD', ...json)
      expect(run.code).toBe(1)
      expect(run.stderr).toMatch(/Cannot compare `source\/bone-health\.md` at `HEAD` \([0-9a-f]{7}\): git could not read it/)
      expect(run.stdout).toBe('')
    }
  })

  it('when the stored file is larger than guidepress reads, without reading it', async () => {
    const root = await makeWorkspace({ 'source/bone-health.md': guideline(), 'source/glossary.yml': `bone: ${'x'.repeat(17 * 1024 * 1024)}\n` })
    await git(root, 'init', '-q')
    await commitAll(root)
    await writeFile(path.join(root, 'source/glossary.yml'), 'bone: The hard part of the body.\n')
    const run = await runCli(root, 'diff', 'HEAD')
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/Cannot compare `source\/glossary\.yml` at `HEAD` .*: it is 17\.0 MiB there, more than the 16 MiB/)
    expect(run.stdout).not.toMatch(/No changes/)
  })
})
