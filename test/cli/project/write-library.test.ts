// The index and dist/ describe the whole library after every build: building some ids keeps the
// rest, and what guidepress made for a guideline that no longer makes it is removed (only that).
import { existsSync } from 'node:fs'
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { guideline, makeWorkspace, readText, runCli } from '../../helpers.ts'

const ids = ['alpha-care', 'beta-care', 'gamma-care']
const workspace = () => makeWorkspace(Object.fromEntries(ids.map((id) => [`source/${id}.md`, guideline()])))
const edit = (root: string, id: string, words: string) => writeFile(path.join(root, `source/${id}.md`), guideline().replace('Strong bone matters.', `Strong bone matters ${words}.`))
const exists = (root: string, relative: string) => existsSync(path.join(root, relative))

describe('dist/index.html after building some guidelines', () => {
  it.each([
    ['named', ['alpha-care']],
    ['named, with --force', ['alpha-care', '--force']],
    ['by shard', ['--shard', '2/3', '--force']]
  ])('keeps every other guideline when they are %s', async (_, args) => {
    const root = await workspace()
    expect((await runCli(root, 'build', '--no-pdf')).code).toBe(0)
    await edit(root, 'alpha-care', 'most')
    const run = await runCli(root, 'build', '--no-pdf', ...args)
    expect(run.code, run.stderr).toBe(0)
    const index = await readText(root, 'dist/index.html')
    for (const id of ids) expect(index, id).toContain(`href="${id}/handout.html"`)
    // The kept guidelines stay in the cache too: the next plain build rebuilds nothing more than needed.
    const cache = JSON.parse(await readText(root, 'dist/.guidepress-cache.json')) as { entries: Record<string, unknown> }
    expect(Object.keys(cache.entries).sort()).toEqual(ids)
  })
})

describe('a guideline deleted from source/', () => {
  it('has its Markdown outputs and dist/<id>/ removed by the next build, which reports them', async () => {
    const root = await workspace()
    await runCli(root, 'build', '--no-pdf')
    await rm(path.join(root, 'source/gamma-care.md'))
    const run = await runCli(root, 'build', '--no-pdf')
    expect(run.code, run.stderr).toBe(0)
    for (const relative of ['decks/gamma-care.md', 'handouts/gamma-care.md', 'summaries/gamma-care.md', 'dist/gamma-care/handout.html', 'dist/gamma-care/deck.map.json']) {
      expect(exists(root, relative), relative).toBe(false)
      expect(run.stdout, relative).toContain(`removed ${relative}`)
    }
    expect(exists(root, 'dist/gamma-care')).toBe(false)
    expect(run.stdout).toMatch(/✔ 9 files of guidelines no longer in source\/ .*removed; 2 guidelines unchanged/)
    const index = await readText(root, 'dist/index.html')
    expect(index).not.toContain('gamma-care')
    expect(index).toContain('alpha-care/handout.html')
    // Nothing is left to do.
    expect((await runCli(root, 'build', '--no-pdf')).stdout).toContain('Nothing to build: 2 guidelines unchanged')
  })

  it('leaves every file guidepress did not make: notes, other names, and the folder holding them', async () => {
    const root = await workspace()
    await runCli(root, 'build', '--no-pdf')
    const others = ['decks/notes.txt', 'decks/README.md', 'handouts/Old_Handout.md', 'dist/gamma-care/reviewer-notes.txt', 'dist/shared/logo.svg']
    for (const relative of others) {
      await mkdir(path.dirname(path.join(root, relative)), { recursive: true })
      await writeFile(path.join(root, relative), 'kept\n')
    }
    await rm(path.join(root, 'source/gamma-care.md'))
    await edit(root, 'beta-care', 'too')
    const run = await runCli(root, 'build', '--no-pdf')
    expect(run.code, run.stderr).toBe(0)
    for (const relative of others) expect(await readText(root, relative), relative).toBe('kept\n')
    expect(await readdir(path.join(root, 'dist/gamma-care'))).toEqual(['reviewer-notes.txt'])
    expect(exists(root, 'handouts/gamma-care.md')).toBe(false)
    expect(run.stdout).toContain('Built 1 guideline (1 unchanged since the last build)')
  })

  it('has its outputs removed even with no build cache (a fresh clone) and other guidelines named', async () => {
    const root = await workspace()
    await runCli(root, 'build', '--no-pdf')
    await rm(path.join(root, 'dist/.guidepress-cache.json'))
    await rm(path.join(root, 'source/beta-care.md'))
    const run = await runCli(root, 'build', '--no-pdf', 'alpha-care')
    expect(run.code, run.stderr).toBe(0)
    expect(exists(root, 'summaries/beta-care.md')).toBe(false)
    expect(exists(root, 'dist/beta-care')).toBe(false)
    expect(await readText(root, 'dist/index.html')).not.toContain('beta-care')
  })
})

describe('outputs a rebuilt guideline no longer makes', () => {
  it('removes an output dropped from `outputs:`, with its dist/ files, and the index stops linking it', async () => {
    const root = await makeWorkspace({ 'source/alpha-care.md': guideline() })
    await runCli(root, 'build', '--no-pdf')
    expect(exists(root, 'decks/alpha-care.md')).toBe(true)
    const frontMatter = guideline().split('---')[1]?.trim() ?? ''
    await writeFile(path.join(root, 'source/alpha-care.md'), guideline({ frontMatter: `${frontMatter}\noutputs: [handout, summary]` }))
    const run = await runCli(root, 'build', '--no-pdf')
    expect(run.code, run.stderr).toBe(0)
    for (const relative of ['decks/alpha-care.md', 'dist/alpha-care/deck.html', 'dist/alpha-care/deck.map.json']) {
      expect(exists(root, relative), relative).toBe(false)
      expect(run.stdout).toContain(`removed ${relative}`)
    }
    expect(exists(root, 'dist/alpha-care/handout.html')).toBe(true)
    expect(await readText(root, 'dist/index.html')).not.toContain('alpha-care/deck.html')
  })

  it('never leaves PDFs or a PPTX of an older text beside the new HTML after a quick build', async () => {
    const root = await makeWorkspace({ 'source/alpha-care.md': guideline() })
    expect((await runCli(root, 'build', '--no-pptx')).code).toBe(0)
    expect(exists(root, 'dist/alpha-care/handout.pdf')).toBe(true)
    await writeFile(path.join(root, 'dist/alpha-care/deck.pptx'), 'a PowerPoint of an even older build')
    await edit(root, 'alpha-care', 'every day')
    const run = await runCli(root, 'build', '--no-pdf')
    expect(run.code, run.stderr).toBe(0)
    for (const name of ['deck.pdf', 'deck.pptx', 'presenter.pdf', 'handout.pdf', 'summary.pdf']) expect(exists(root, `dist/alpha-care/${name}`), name).toBe(false)
    expect(await readText(root, 'dist/alpha-care/handout.html')).toContain('every day')
    expect(await readText(root, 'dist/index.html')).not.toMatch(/\.(pdf|pptx)"/)
  }, 120_000)
})
