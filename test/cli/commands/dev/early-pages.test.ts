// A save of a guideline whose pages are open: those pages first, from only the outputs they show,
// before the whole build (which may even wait for another build's lock); the same pages the build makes.
import { cp, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { buildProject } from '../../../../cli/commands/build.ts'
import { earlyPagesOf, renderEarlyPages } from '../../../../cli/commands/dev/early-pages.ts'
import { acquireBuildLock } from '../../../../cli/project/lock.ts'
import { fixedToday, guideline, makeWorkspace } from '../../../helpers.ts'
import { closeAfterTest, closeAll, get, openStream, startDev, waitFor } from './helpers.ts'

afterEach(closeAll)

const toolkit = path.join(import.meta.dirname, '../../../..')
const flagship = 'metastatic-breast-cancer'

describe('early pages', () => {
  it('are the open pages of the guidelines saved, when guideline sources are all that changed', () => {
    const open = new Set(['alpha-care/handout.html', 'alpha-care/deck.html', 'beta-care/summary.html', 'index.html', 'alpha-care/notes.txt'])
    expect(earlyPagesOf(['source/alpha-care.md'], open)).toEqual({ ids: ['alpha-care'], audiences: ['handout', 'deck'] })
    expect(earlyPagesOf(['source/alpha-care.md', 'source/beta-care.md'], open)).toEqual({ ids: ['alpha-care', 'beta-care'], audiences: ['handout', 'deck', 'summary'] })
    // What concerns every guideline, a page of another guideline, or none open: left to the build.
    for (const changes of [['source/alpha-care.md', 'source/glossary.yml'], ['themes/guidepress.css'], ['source/images/a.png'], ['source/references.bib'], ['source/gamma-care.md'], []]) {
      expect(earlyPagesOf(changes, open), changes.join()).toBeUndefined()
    }
    expect(earlyPagesOf(['source/alpha-care.md'], new Set())).toBeUndefined()
  })

  it('are, for the flagship, byte for byte the pages its build writes to dist/', async () => {
    const root = await makeWorkspace({})
    await cp(path.join(toolkit, 'source'), path.join(root, 'source'), { recursive: true })
    expect((await buildProject({ root, pdf: false, pptx: false, today: fixedToday })).committed).toBe(true)
    const pages = ['handout.html', 'summary.html', 'deck.html'].map((name) => `${flagship}/${name}`)
    for (const shown of [pages, [pages[0] ?? '']]) {
      const { pages: early } = await renderEarlyPages(root, [`source/${flagship}.md`], new Set(shown), fixedToday)
      expect([...early.keys()].sort()).toEqual([...shown].sort())
      for (const page of shown) expect(early.get(page), page).toBe(await readFile(path.join(root, 'dist', page), 'utf8'))
    }
  }, 120_000)

  it('are none when the guideline has an error (the build reports it)', async () => {
    const root = await makeWorkspace({ 'source/bone-health.md': guideline().replace('Strong bone matters.', '<iframe src="x"></iframe>') })
    expect(await renderEarlyPages(root, ['source/bone-health.md'], new Set(['bone-health/handout.html']), fixedToday)).toEqual({ pages: new Map(), prepared: new Map() })
  })

  it('show a save in an open page before the build, even while another build holds the lock', async () => {
    const root = await makeWorkspace({ 'source/bone-health.md': guideline() })
    const dev = await startDev(root)
    await openStream(dev.port, '/bone-health/handout.html', 'an earlier build')
    await waitFor('the page to be known as open', async () => (await get(dev.port, '/bone-health/handout.html')).status === 200)
    const buildsBefore = dev.builds().length
    const lock = await acquireBuildLock(root, { waitMs: 1000 })
    closeAfterTest(() => lock.release())
    await writeFile(path.join(root, 'source/bone-health.md'), guideline().replace('Strong bone matters.', 'Strong bone matters most.'))
    await waitFor('the save in the open page', async () => (await get(dev.port, '/bone-health/handout.html')).body.includes('Strong bone matters most.'))
    // Nothing is written yet: the build waits for the lock.
    expect(await readFile(path.join(root, 'dist/bone-health/handout.html'), 'utf8')).not.toContain('Strong bone matters most.')
    await lock.release()
    await waitFor('the build', () => dev.builds().length > buildsBefore)
    expect(dev.builds().at(-1)).toContain('rebuilt bone-health')
    expect(await readFile(path.join(root, 'dist/bone-health/handout.html'), 'utf8')).toContain('Strong bone matters most.')
  }, 60_000)
})
