import { cp, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { inShard } from '../../../cli/project/cache.ts'
import { defaultFrontMatter, guideline, makeWorkspace, readText, runCli } from '../../helpers.ts'

const ids = ['alpha-care', 'beta-care', 'gamma-care']
const workspace = () => makeWorkspace(Object.fromEntries(ids.map((id) => [`source/${id}.md`, guideline()])))
const rebuilt = (stdout: string) => ids.filter((id) => stdout.includes(`wrote dist/${id}/`))

describe('incremental builds', () => {
  it('skips everything, with no browser, when nothing changed', async () => {
    const root = await workspace()
    expect((await runCli(root, 'build', '--no-pptx')).code).toBe(0)
    const again = await runCli(root, 'build', '--no-pptx')
    expect(again.code).toBe(0)
    expect(again.stdout).toMatch(/Nothing to build: 3 guidelines unchanged since the last build \(0 browser starts/)
    expect(again.stdout).not.toContain('wrote')
  }, 60_000)

  it('rebuilds only the edited guideline, and the index still lists all', async () => {
    const root = await workspace()
    await runCli(root, 'build', '--no-pdf')
    await writeFile(path.join(root, 'source/beta-care.md'), guideline().replace('Strong bone matters.', 'Strong bone matters most.'))
    const run = await runCli(root, 'build', '--no-pdf')
    expect(rebuilt(run.stdout)).toEqual(['beta-care'])
    expect(run.stdout).toContain('Built 1 guideline (2 unchanged since the last build)')
    const index = await readText(root, 'dist/index.html')
    for (const id of ids) expect(index).toContain(`${id}/handout.html`)
  })

  it('forgets a deleted guideline, so one added again is built afresh', async () => {
    const root = await workspace()
    await runCli(root, 'build', '--no-pdf')
    const gamma = path.join(root, 'source/gamma-care.md')
    await rm(gamma)
    await writeFile(path.join(root, 'source/alpha-care.md'), guideline().replace('Strong bone matters.', 'Strong bone matters most.'))
    expect((await runCli(root, 'build', '--no-pdf')).code).toBe(0)
    expect(JSON.parse(await readText(root, 'dist/.guidepress-cache.json')).entries).not.toHaveProperty('gamma-care')
    await writeFile(gamma, guideline())
    expect(rebuilt((await runCli(root, 'build', '--no-pdf')).stdout)).toEqual(['gamma-care'])
  })

  it('rebuilds everything when the glossary or a theme changes, or with --force', async () => {
    const root = await workspace()
    await runCli(root, 'build', '--no-pdf')
    await writeFile(path.join(root, 'source/glossary.yml'), 'bone: The hard frame of the body.\n')
    expect(rebuilt((await runCli(root, 'build', '--no-pdf')).stdout)).toEqual(ids)

    await cp(path.join(import.meta.dirname, '../../..', 'themes'), path.join(root, 'themes'), { recursive: true })
    await writeFile(path.join(root, 'themes/print.css'), '/* a project theme */\n', { flag: 'a' })
    expect(rebuilt((await runCli(root, 'build', '--no-pdf')).stdout)).toEqual(ids)

    expect(rebuilt((await runCli(root, 'build', '--no-pdf')).stdout)).toEqual([])
    expect(rebuilt((await runCli(root, 'build', '--no-pdf', '--force')).stdout)).toEqual(ids)
  })

  it('rebuilds a guideline whose output was edited or deleted by hand', async () => {
    const root = await workspace()
    await runCli(root, 'build', '--no-pdf')
    await writeFile(path.join(root, 'handouts/alpha-care.md'), 'edited\n')
    await rm(path.join(root, 'dist/gamma-care/summary.html'))
    const run = await runCli(root, 'build', '--no-pdf')
    expect(rebuilt(run.stdout)).toEqual(['alpha-care', 'gamma-care'])
    expect(await readText(root, 'handouts/alpha-care.md')).not.toBe('edited\n')
  })

  it.each([1, 2])('ignores the cache of an older guidepress (version %i: fewer files, no audience titles)', async (old) => {
    const root = await workspace()
    await runCli(root, 'build', '--no-pdf')
    const cache = await readText(root, 'dist/.guidepress-cache.json')
    expect(cache).toContain('"version": 3')
    await writeFile(path.join(root, 'dist/.guidepress-cache.json'), cache.replace('"version": 3', `"version": ${old}`))
    expect(rebuilt((await runCli(root, 'build', '--no-pdf')).stdout)).toEqual(ids)
  })

  it('renders again only the outputs whose Markdown changed, keeping the files of the others', async () => {
    const body = '## Caring for bones {#bone-care}\n\nStrong bone matters.\n\n:::handout\nWalk every day.\n:::\n'
    const root = await makeWorkspace({ 'source/alpha-care.md': guideline({ body }) })
    await runCli(root, 'build', '--no-pdf')
    const file = (name: string) => path.join(root, 'dist/alpha-care', name)
    const before = await stat(file('deck.html'))
    // Only the handout says this.
    await writeFile(path.join(root, 'source/alpha-care.md'), guideline({ body: body.replace('Walk every day.', 'Walk each day.') }))
    const handoutOnly = await runCli(root, 'build', '--no-pdf')
    expect(handoutOnly.code).toBe(0)
    expect(handoutOnly.stdout).toContain('wrote dist/alpha-care/handout.html')
    expect(handoutOnly.stdout).not.toContain('wrote dist/alpha-care/deck.html')
    expect(handoutOnly.stdout).not.toContain('wrote dist/alpha-care/summary.html')
    expect((await stat(file('deck.html'))).mtimeMs).toBe(before.mtimeMs)
    expect(await readText(root, 'dist/alpha-care/handout.html')).toContain('Walk each day.')
    // The index and the cache still count the kept files.
    expect(await readText(root, 'dist/index.html')).toContain('alpha-care/deck.html')
    expect(JSON.parse(await readText(root, 'dist/.guidepress-cache.json')).entries['alpha-care'].dist).toContain('dist/alpha-care/deck.html')
    expect((await runCli(root, 'build', '--no-pdf')).stdout).toMatch(/Nothing to build/)

    // A kept file deleted by hand is rendered again; so is every output that shows an edited shared text.
    await rm(file('summary.html'))
    await writeFile(path.join(root, 'source/alpha-care.md'), guideline({ body: body.replace('Walk every day.', 'Walk daily.') }))
    const missing = await runCli(root, 'build', '--no-pdf')
    expect(missing.stdout).toContain('wrote dist/alpha-care/summary.html')
    expect(missing.stdout).not.toContain('wrote dist/alpha-care/deck.html')
    await writeFile(path.join(root, 'source/alpha-care.md'), guideline({ body: body.replace('Strong bone matters.', 'Strong bone matters most.') }))
    const shared = await runCli(root, 'build', '--no-pdf')
    for (const name of ['deck', 'handout', 'summary']) expect(shared.stdout).toContain(`wrote dist/alpha-care/${name}.html`)
    expect(await readText(root, 'dist/alpha-care/deck.html')).toContain('Strong bone matters most.')
  })

  it('says the render warnings of a kept output again, placed in the edited source', async () => {
    // Two sections whose deck slides are nearly empty (slide-sparse-rendered, found printing deck.pdf).
    // Only the handout's block in the first changes below, growing by two lines: the deck's Markdown
    // stays the same, so its files are kept, and the second section's heading moves down two lines.
    const frontMatter = `${defaultFrontMatter()}\n  - id: moving\n    title: Moving more\n    terms: [moving]`
    const body = '## Moving more {#moving}\n\n:::handout\nWalk every day.\n:::\n\nMoving keeps bone strong.\n\n## Caring for bones {#bone-care}\n\nStrong bone matters.\n'
    const source = (text: string): string => guideline({ frontMatter, body: text })
    const root = await makeWorkspace({ 'source/alpha-care.md': source(body) })
    const sparseLines = (stderr: string): number[] => [...stderr.matchAll(/^\s*(\d+):\d+ .*slide-sparse-rendered/gm)].map((match) => Number(match[1]))
    const first = await runCli(root, 'build', '--no-pptx')
    const before = sparseLines(first.stderr)
    const edited = source(body).split('\n').indexOf('Walk every day.') + 1
    expect(before.some((line) => line > edited)).toBe(true)
    await writeFile(path.join(root, 'source/alpha-care.md'), source(body.replace('Walk every day.', 'Walk each day.\n\nRest when you need to.')))
    const handoutOnly = await runCli(root, 'build', '--no-pptx')
    expect(handoutOnly.code).toBe(0)
    expect(handoutOnly.stdout).toContain('wrote dist/alpha-care/handout.pdf')
    expect(handoutOnly.stdout).not.toContain('wrote dist/alpha-care/deck.pdf')
    expect(sparseLines(handoutOnly.stderr)).toEqual(before.map((line) => (line > edited ? line + 2 : line)))
    // And again from the cache when nothing is built.
    expect(sparseLines((await runCli(root, 'build', '--no-pptx')).stderr)).toEqual(sparseLines(handoutOnly.stderr))
    // A cached render warning not as guidepress writes it is dropped, nothing else.
    const cachePath = path.join(root, 'dist/.guidepress-cache.json')
    const cache = JSON.parse(await readText(root, 'dist/.guidepress-cache.json')) as { entries: Record<string, { renderWarnings?: unknown }> }
    const entry = cache.entries['alpha-care']
    // A message that is not text, one filed under the deck about the handout's file, and a list that is not one.
    if (entry) entry.renderWarnings = { deck: [{ output: 'deck.pdf', ruleId: 'slide-sparse-rendered', message: 42 }, { output: 'handout.pdf', ruleId: 'figure-label-small', message: 'planted' }], handout: 'no' }
    await writeFile(cachePath, JSON.stringify(cache))
    await writeFile(path.join(root, 'source/alpha-care.md'), source(body.replace('Walk every day.', 'Walk daily.')))
    const tampered = await runCli(root, 'build', '--no-pptx')
    expect(tampered.code).toBe(0)
    expect(tampered.stdout).not.toContain('wrote dist/alpha-care/deck.pdf')
    expect(tampered.stderr).not.toMatch(/slide-sparse-rendered|figure-label-small|planted|TypeError/)
  }, 120_000)

  it('rebuilds in full, without failing, from a cache entry that is not as guidepress writes it', async () => {
    const body = '## Caring for bones {#bone-care}\n\nStrong bone matters.\n\n:::handout\nWalk every day.\n:::\n'
    const root = await makeWorkspace({ 'source/alpha-care.md': guideline({ body }) })
    await runCli(root, 'build', '--no-pdf')
    const cache = JSON.parse(await readText(root, 'dist/.guidepress-cache.json')) as { entries: Record<string, { dist: unknown }> }
    const entry = cache.entries['alpha-care']
    if (entry) entry.dist = 'dist/alpha-care/deck.html'
    await writeFile(path.join(root, 'dist/.guidepress-cache.json'), JSON.stringify(cache))
    await writeFile(path.join(root, 'source/alpha-care.md'), guideline({ body: body.replace('Walk every day.', 'Walk each day.') }))
    const run = await runCli(root, 'build', '--no-pdf')
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('wrote dist/alpha-care/deck.html')
  })

  it('renders PDFs when a quick --no-pdf build came before', async () => {
    const root = await makeWorkspace({ 'source/alpha-care.md': guideline() })
    await runCli(root, 'build', '--no-pdf')
    const run = await runCli(root, 'build', '--no-pptx')
    expect(run.stdout).toContain('wrote dist/alpha-care/deck.pdf')
  }, 60_000)
})

describe('sharding', () => {
  it('splits the guidelines so the shards together build each exactly once', async () => {
    const many = Array.from({ length: 12 }, (_, index) => `guideline-${index}`)
    const root = await makeWorkspace(Object.fromEntries(many.map((id) => [`source/${id}.md`, guideline()])))
    const built: string[] = []
    for (const shard of ['1/3', '2/3', '3/3']) {
      const run = await runCli(root, 'build', '--no-pdf', '--force', '--shard', shard)
      expect(run.code).toBe(0)
      built.push(...many.filter((id) => run.stdout.includes(`wrote dist/${id}/handout.html`)))
    }
    expect([...built].sort()).toEqual([...many].sort())
    // Pinned: a guideline must stay on its CI machine from one release to the next (its cache is there).
    const shardOf = (index: number) => many.filter((id) => inShard(id, { index, count: 3 }))
    expect(shardOf(1)).toEqual(['guideline-8', 'guideline-10', 'guideline-11'])
    expect(shardOf(2)).toEqual(['guideline-4'])
    expect(shardOf(3)).toHaveLength(8)
  })

  it('rejects a malformed shard', async () => {
    const root = await workspace()
    for (const shard of ['0/3', '4/3', 'half']) expect((await runCli(root, 'build', '--shard', shard)).code).toBe(2)
  })
})
