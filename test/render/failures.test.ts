// A render that cannot finish says which guideline, which output and which file, and quickly:
// a stalled slide, a deck theme that is not CSS, an image too big to embed.
import { existsSync } from 'node:fs'
import { truncate, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { inlineImage, MAX_INLINE_IMAGE_BYTES } from '../../render/assets.ts'
import { RenderError } from '../../render/errors.ts'
import { renderAll, startBrowser } from '../../render/index.ts'
import { DEFAULT_STEP_LIMITS } from '../../render/limits.ts'
import { guideline, makeWorkspace, runCli } from '../helpers.ts'
import { GUIDELINES, makeRoot } from './helpers.ts'

const mbc = GUIDELINES.filter((g) => g.id === 'mbc')

describe('a render step past its time limit', () => {
  it('fails at once naming guideline, output, step and the images in it, and writes nothing after', async () => {
    const root = await makeRoot()
    const written: string[] = []
    // One slide showing the fixture image; loading the page "stalls" (a limit no page meets).
    const markdown = new Map([['decks/mbc.md', '# Spread\n\n![Body outline](../source/images/spread-sites.svg)\n']])
    const started = Date.now()
    const failure = await renderAll(mbc, {
      root,
      pdf: false,
      pptx: true,
      markdown,
      limits: { ...DEFAULT_STEP_LIMITS, loadMs: 1 },
      write: async (relative) => {
        written.push(relative)
      }
    }).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(RenderError)
    expect((failure as Error).message).toMatch(/^mbc: deck\.pptx: loading the page did not render within 1 ms\. It shows source\/images\/spread-sites\.svg: /)
    expect(written.filter((file) => file.endsWith('.pptx'))).toEqual([])
    expect(Date.now() - started).toBeLessThan(60_000)
  }, 90_000)

  it('names the document when printing a handout stalls', async () => {
    const root = await makeRoot()
    const failure = await renderAll(mbc, { root, pdf: true, pptx: false, limits: { ...DEFAULT_STEP_LIMITS, pdfMs: 1 } }).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(RenderError)
    expect((failure as Error).message).toMatch(/^mbc: (deck|handout|summary|presenter)\.pdf: printing did not render within 1 ms/)
  }, 90_000)
})

describe('an output failing while the next guidelines are still being made', () => {
  it('is what the render reports, not the outputs it stopped', async () => {
    const root = await makeRoot()
    // The browser and its pages are up before the HTML starts, so the first deck stalls while the HTML of the next is made.
    const session = startBrowser(root)
    const started = await session
    const place = { id: 'test', output: 'test', step: 'warming up' }
    const pages = await Promise.all([1, 2].map(() => started.takePage({ limitMs: 30_000, place })))
    for (const page of pages) await started.releasePage(page, true)
    const written: string[] = []
    const failure = await renderAll(GUIDELINES, {
      root,
      pdf: true,
      pptx: false,
      session,
      limits: { ...DEFAULT_STEP_LIMITS, loadMs: 1 },
      write: async (relative) => {
        written.push(relative)
      }
    }).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(RenderError)
    expect((failure as Error).message).toMatch(/^(mbc|ckd|asthma): (deck|handout|summary|presenter)\.pdf: loading the page did not render within 1 ms/)
    expect(written.filter((file) => file.endsWith('.pdf'))).toEqual([])
    // A render that failed closes the browser it was given.
    expect((await session).browser.connected).toBe(false)
  }, 90_000)
})

describe('a deck theme that is not valid CSS', () => {
  it('is named with its line and column, not `<css input>`', async () => {
    const root = await makeRoot()
    await writeFile(path.join(root, 'themes', 'guidepress.css'), '/* @theme guidepress */\nsection {\n  color: red;\n\nh1 { color: blue;\n')
    const failure = await renderAll(mbc, { root, pdf: false, pptx: false }).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(RenderError)
    expect((failure as Error).message).toMatch(/^themes\/guidepress\.css:\d+:\d+: the deck theme is not valid CSS: Unclosed block/)
    expect((failure as Error).message).not.toContain('<css input>')
  })
})

describe('a build whose render fails', () => {
  it('names the theme file and place, writes nothing and prints no "wrote"', async () => {
    const root = await makeWorkspace({
      'source/bone-health.md': guideline(),
      'themes/guidepress.css': '/* @theme guidepress */\nsection {\n  color: red;\n'
    })
    const run = await runCli(root, 'build', '--no-pdf')
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^guidepress: themes\/guidepress\.css:2:1: the deck theme is not valid CSS: Unclosed block\. Fix the CSS there and build again\.\nNothing was written\.$/)
    expect(run.stdout).not.toContain('wrote')
    expect(existsSync(path.join(root, 'decks'))).toBe(false)
    expect(existsSync(path.join(root, 'dist'))).toBe(false)
  })
})

describe('an image too big to embed', () => {
  it('is refused by name before any browser sees it', async () => {
    const root = await makeRoot()
    const huge = path.join(root, 'source', 'images', 'huge.png')
    await writeFile(huge, '')
    await truncate(huge, MAX_INLINE_IMAGE_BYTES + 1) // sparse: costs no disk
    expect(() => inlineImage(root, path.join(root, 'decks'), '../source/images/huge.png')).toThrow(/^source\/images\/huge\.png is 25 MB; the renderer embeds images up to 25 MB/)
  })
})
