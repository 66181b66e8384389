// A build's final moves are all or nothing: every target is checked before the first move, a move
// that fails anyway is undone with all before it, and each cause is a located error.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { CommitBlockedError, Staging } from '../../../cli/project/write.ts'
import { guideline, makeWorkspace, readText, runCli } from '../../helpers.ts'

const undo: Array<() => void> = []
afterEach(() => {
  for (const step of undo.splice(0).reverse()) step()
})

/** Every file of the project with its content (staging folders included, so one left behind shows). */
async function snapshot(root: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {}
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const file = path.join(entry.parentPath, entry.name)
    files[path.relative(root, file)] = await readFile(file, 'utf8')
  }
  return files
}

/** A built project whose guideline has since changed, so the next build replaces every output. */
async function builtThenEdited(): Promise<string> {
  const root = await makeWorkspace({ 'source/alpha-care.md': guideline(), 'source/beta-care.md': guideline() })
  expect((await runCli(root, 'build', '--no-pdf')).code).toBe(0)
  await writeFile(path.join(root, 'source/alpha-care.md'), guideline().replace('Strong bone matters.', 'Strong bone matters most.'))
  return root
}

/** Makes a folder read-only even for root (immutable), or by its mode where that is not possible. */
function makeReadOnly(dir: string): void {
  try {
    execFileSync('chattr', ['+i', dir], { stdio: 'ignore' })
    undo.push(() => execFileSync('chattr', ['-i', dir], { stdio: 'ignore' }))
  } catch {
    execFileSync('chmod', ['a-w', dir])
    undo.push(() => execFileSync('chmod', ['u+w', dir]))
  }
}

describe('a build whose outputs cannot all be written', () => {
  it.each([
    ['a folder where a Markdown output belongs', 'handouts/alpha-care.md', async (root: string) => {
      await rm(path.join(root, 'handouts/alpha-care.md'))
      await mkdir(path.join(root, 'handouts/alpha-care.md/inside'), { recursive: true })
    }, /`handouts\/alpha-care\.md` to be a file guidepress writes, but it is a folder/],
    ['a file where dist/<id>/ belongs', 'dist/alpha-care/deck.html', async (root: string) => {
      await rm(path.join(root, 'dist/alpha-care'), { recursive: true })
      await writeFile(path.join(root, 'dist/alpha-care'), 'a file\n')
    }, /`dist\/alpha-care` to be a folder \(guidepress writes `dist\/alpha-care\/[a-z.]+` in it\), but it is a file/],
    ['a read-only output folder', 'summaries/alpha-care.md', async (root: string) => makeReadOnly(path.join(root, 'summaries')), /Cannot write `summaries\/alpha-care\.md`: `summaries\/` is read-only/]
  ])('with %s changes nothing and names the path', async (_, place, make, message) => {
    const root = await builtThenEdited()
    await make(root)
    const before = await snapshot(root)
    const run = await runCli(root, 'build', '--no-pdf')
    expect(run.code).toBe(1)
    expect(run.stderr).not.toContain('internal error')
    expect(run.stderr).toMatch(new RegExp(`${place.split('/')[0]}/alpha-care[^\\n]*\\n\\s*1:1\\s+error\\s+`))
    expect(run.stderr).toMatch(message)
    expect(run.stderr).toContain('output-blocked')
    expect(run.stderr).toContain('Nothing was written')
    expect(await snapshot(root)).toEqual(before)
  })

  it('builds an id named twice once', async () => {
    const root = await builtThenEdited()
    const run = await runCli(root, 'build', '--no-pdf', 'alpha-care', 'alpha-care')
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toContain('Built 1 guideline')
    expect(await readText(root, 'handouts/alpha-care.md')).toContain('Strong bone matters most.')
  })
})

describe('Staging.commit', () => {
  it('puts back every file it moved when a later move fails, and removes the folders it made', async () => {
    const root = await makeWorkspace({ 'decks/a.md': 'old deck\n', 'handouts/a.md': 'old handout\n', 'dist/gone/deck.html': 'old page\n' })
    const before = await snapshot(root)
    let moves = 0
    const { rename } = await import('node:fs/promises')
    // A failure no check can foresee (a disk error): the fifth move fails.
    const staging = await Staging.open(root, {
      rename: async (from, to) => {
        moves += 1
        if (moves === 5) throw Object.assign(new Error('i/o error'), { code: 'EIO' })
        await rename(from, to)
      }
    })
    await staging.stage('decks/a.md', 'new deck\n')
    await staging.stage('dist/a/deck.html', 'new page\n')
    await staging.stage('handouts/a.md', 'new handout\n')
    staging.remove('dist/gone/deck.html')
    const failure = await staging.commit().catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(CommitBlockedError)
    expect((failure as CommitBlockedError).blocked).toEqual([{ path: 'handouts/a.md', reason: 'Cannot move the new file into place: i/o error, then build again; nothing was changed' }])
    await staging.discard()
    expect(await snapshot(root)).toEqual(before)
    expect(existsSync(path.join(root, 'dist/a'))).toBe(false)
  })

  it('checks every target before the first move, and lists each one that is blocked', async () => {
    const root = await makeWorkspace({ dist: 'a file\n' })
    await mkdir(path.join(root, 'decks/a.md'), { recursive: true })
    const staging = await Staging.open(root)
    await staging.stage('handouts/a.md', 'new handout\n')
    await staging.stage('decks/a.md', 'new deck\n')
    await staging.stage('dist/a/deck.html', 'new page\n')
    const failure = (await staging.commit().catch((error: unknown) => error)) as CommitBlockedError
    expect(failure.blocked.map((each) => each.path)).toEqual(['decks/a.md', 'dist/a/deck.html'])
    await staging.discard()
    expect(existsSync(path.join(root, 'handouts/a.md'))).toBe(false)
  })
})
