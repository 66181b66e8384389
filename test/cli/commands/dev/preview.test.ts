// The dev edit loop's shortcut: a rebuild's pages are shown once rendered, before the build writes
// its source maps and moves its files into place; and a save rebuilds only the guideline saved.
import { readFileSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { buildProject } from '../../../../cli/commands/build.ts'
import { startDevServer } from '../../../../cli/commands/dev/server.ts'
import { guideline, makeWorkspace } from '../../../helpers.ts'
import { closeAfterTest, closeAll, get, startDev, waitFor } from './helpers.ts'

afterEach(closeAll)

const edited = () => guideline().replace('Strong bone matters.', 'Strong bone matters most.')
const bib = (title: string) => `@article{smith2020,\n  author = {Smith, Jane},\n  title = {${title}},\n  journal = {BMJ},\n  year = {2020}\n}\n`
const cited = guideline().replace('Strong bone matters.', 'Strong bone matters.[@smith2020]')

describe('guidepress dev previews', () => {
  it('hands over the rendered pages before the build puts them in dist/, and never for a failed build', async () => {
    const root = await makeWorkspace({ 'source/alpha-care.md': guideline(), 'source/beta-care.md': guideline() })
    await buildProject({ root, pdf: false, pptx: false })
    await writeFile(path.join(root, 'source/beta-care.md'), edited())
    const seen: Array<{ pages: string[]; handout: string | undefined; onDisk: string }> = []
    const outcome = await buildProject({
      root,
      pdf: false,
      pptx: false,
      onRendered: (pages) =>
        void seen.push({ pages: [...pages.keys()].sort(), handout: pages.get('dist/beta-care/handout.html'), onDisk: readFileSync(path.join(root, 'dist/beta-care/handout.html'), 'utf8') })
    })
    expect(outcome.committed).toBe(true)
    // Only the saved guideline's pages, and the index that lists every guideline.
    expect(seen.map((each) => each.pages)).toEqual([['dist/beta-care/deck.html', 'dist/beta-care/handout.html', 'dist/beta-care/summary.html', 'dist/index.html']])
    expect(seen[0]?.handout).toContain('Strong bone matters most.')
    // Handed over before the commit: dist/ still had the last build's page, and has this one after.
    expect(seen[0]?.onDisk).not.toContain('Strong bone matters most.')
    expect(await readFile(path.join(root, 'dist/beta-care/handout.html'), 'utf8')).toBe(seen[0]?.handout)

    await writeFile(path.join(root, 'source/beta-care.md'), 'not a guideline\n')
    let calledForFailure = false
    expect((await buildProject({ root, pdf: false, pptx: false, onRendered: () => void (calledForFailure = true) })).committed).toBe(false)
    expect(calledForFailure).toBe(false)
  }, 60_000)

  it('renders the pages open in the browser first and hands them over before the rest, which waits for them; then every page', async () => {
    const root = await makeWorkspace({ 'source/alpha-care.md': guideline(), 'source/beta-care.md': guideline() })
    await buildProject({ root, pdf: false, pptx: false })
    await writeFile(path.join(root, 'source/alpha-care.md'), edited())
    await writeFile(path.join(root, 'source/beta-care.md'), edited())
    const calls: string[][] = []
    let firstDone = false
    let restStartedEarly = false
    const outcome = await buildProject({
      root,
      pdf: false,
      pptx: false,
      firstPages: new Set(['dist/beta-care/summary.html', 'dist/gamma-care/handout.html']),
      onRendered: async (pages) => {
        calls.push([...pages.keys()].sort())
        if (calls.length > 1) return
        // The rest of the build does not start while the first pages are being shown.
        await new Promise((resolve) => setTimeout(resolve, 200))
        restStartedEarly = calls.length > 1
        firstDone = true
      }
    })
    expect(outcome.committed).toBe(true)
    expect(firstDone).toBe(true)
    expect(restStartedEarly).toBe(false)
    expect(calls).toEqual([
      ['dist/beta-care/summary.html'],
      ['dist/alpha-care/deck.html', 'dist/alpha-care/handout.html', 'dist/alpha-care/summary.html', 'dist/beta-care/deck.html', 'dist/beta-care/handout.html', 'dist/beta-care/summary.html', 'dist/index.html']
    ])
  }, 60_000)

  it('serves a preview page in place of the file in dist/, with its reload script', async () => {
    const root = await makeWorkspace({ 'dist/alpha-care/handout.html': '<html><body>old page</body></html>', 'dist/index.html': '<html><body>old index</body></html>' })
    const preview = new Map([['alpha-care/handout.html', '<html><body>new page</body></html>'], ['index.html', '<html><body>new index</body></html>']])
    let shown: ReadonlyMap<string, string> = preview
    const server = await startDevServer({ distDir: path.join(root, 'dist'), port: 0, state: () => ({ generation: 'g1', problems: [] }), preview: () => shown })
    closeAfterTest(() => server.close())
    const page = await get(server.port, '/alpha-care/handout.html')
    expect(page.body).toContain('new page')
    expect(page.body).toContain('/__guidepress/events')
    expect((await get(server.port, '/')).body).toContain('new index')
    shown = new Map()
    expect((await get(server.port, '/alpha-care/handout.html')).body).toContain('old page')
  })

  it('rebuilds only the saved guideline on a save', async () => {
    const root = await makeWorkspace({ 'source/alpha-care.md': guideline(), 'source/beta-care.md': guideline() })
    const dev = await startDev(root)
    await writeFile(path.join(root, 'source/beta-care.md'), edited())
    const line = await waitFor('the rebuild', () => dev.builds().find((each) => each.includes('rebuilt') && each.includes('source/beta-care.md')))
    expect(line).toMatch(/rebuilt beta-care in [\d.]+ s \(source\/beta-care\.md; 1 unchanged\)/)
    expect((await get(dev.port, '/beta-care/handout.html')).body).toContain('Strong bone matters most.')
  }, 60_000)

  it('shows an edited bibliography entry in its new words, and a guideline edit keeps the cited text (formatted references are remembered by content)', async () => {
    const root = await makeWorkspace({ 'source/alpha-care.md': cited, 'source/references.bib': bib('Bone care in adults') })
    const dev = await startDev(root)
    const summary = async () => (await get(dev.port, '/alpha-care/summary.html')).body
    expect(await summary()).toContain('Bone care in adults.')
    await writeFile(path.join(root, 'source/references.bib'), bib('Bone care in older adults'))
    await waitFor('the edited entry in the summary', async () => (await summary()).includes('Bone care in older adults.'))
    expect(await summary()).not.toContain('Bone care in adults.')
    await writeFile(path.join(root, 'source/alpha-care.md'), cited.replace('Strong bone matters.', 'Strong bone matters most.'))
    await waitFor('the guideline edit in the summary', async () => (await summary()).includes('Strong bone matters most.'))
    expect(await summary()).toContain('Bone care in older adults.')
    await writeFile(path.join(root, 'source/references.bib'), bib('Bone care in adults'))
    await waitFor('the entry back as it was', async () => (await summary()).includes('Bone care in adults.'))
  }, 60_000)
})
