import { rm } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { renderAll, startBrowser } from '../../render/index.ts'
import { GUIDELINES, makeRoot } from './helpers.ts'

const mbc = GUIDELINES.filter((g) => g.id === 'mbc')

describe('renderAll with a browser passed in', () => {
  it('closes it (closeSession) once its last print has ended, while node still finishes the PDFs', async () => {
    const root = await makeRoot()
    const session = startBrowser(root)
    const browser = await session
    const written: Array<{ file: string; browserOpen: boolean }> = []
    try {
      await renderAll(mbc, {
        root,
        pdf: true,
        pptx: false,
        session,
        closeSession: true,
        write: async (relative) => {
          if (!relative.endsWith('.pdf')) return
          // Node writes each PDF after the browser's part of it: held here until the browser is closing (at most 20 s).
          const until = Date.now() + 20_000
          while (browser.alive && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20))
          written.push({ file: relative, browserOpen: browser.alive })
        }
      })
      expect(written.map((each) => each.file).sort()).toEqual(['dist/mbc/deck.pdf', 'dist/mbc/handout.pdf', 'dist/mbc/presenter.pdf', 'dist/mbc/summary.pdf'])
      expect(written.filter((each) => each.browserOpen)).toEqual([])
    } finally {
      await browser.close()
      await rm(root, { recursive: true, force: true })
    }
  }, 90_000)

  it('leaves it open without closeSession, for its owner (guidepress dev keeps its browser between builds)', async () => {
    const root = await makeRoot()
    const session = startBrowser(root)
    const browser = await session
    try {
      await renderAll(mbc.map((g) => ({ ...g, outputs: ['handout' as const] })), { root, pdf: true, pptx: false, session, write: async () => undefined })
      expect(browser.alive).toBe(true)
    } finally {
      await browser.close()
      await rm(root, { recursive: true, force: true })
    }
  }, 60_000)
})
