// The build measures each slide in the browser: an overfull slide shrinks, but never below the
// minimum type sizes (at the floor it is reported instead), and a slide whose content ends in its
// top third is reported as nearly empty, except the title slide. One render of one deck whose
// theme sets body text at 38 px (28.5 pt), so the shrink has room above the 26 pt floor.
import { appendFile, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { slideWarnings } from '../../render/deck/fit.ts'
import { BODY_MIN_PT, ptToPx } from '../../render/deck/thresholds.ts'
import { renderAll, type GuidelineMeta, type RenderReport } from '../../render/index.ts'
import { makeRoot } from './helpers.ts'

const bullets = (n: number): string => Array.from({ length: n }, (_, i) => `- Point ${i + 1}: check the dose against kidney function before each cycle.`).join('\n')
const filler = 'Check the dose against kidney function and liver tests before each cycle, and again after any change.'

const SLIDES = [
  '<!-- _class: title -->\n\n# Fit and measure\n\nShort title slide',
  `## Overfull at any legible size\n\n${bullets(16)}`,
  '## Nearly empty\n\nOne line.',
  `## Well filled\n\n${Array.from({ length: 3 }, () => filler).join('\n\n')}`
]

const meta: GuidelineMeta = { id: 'fit', title: 'Fit and measure', version: '1.0.0', updated: '2026-05-04', status: 'approved', lang: 'en', outputs: ['deck'] }

let root = ''
let report: RenderReport

describe('fitting and measuring slides in the build', () => {
  beforeAll(async () => {
    root = await makeRoot()
    // The theme as deck-shape raises it: a body size with room above the floor.
    await appendFile(path.join(root, 'themes/guidepress.css'), '\nsection { font-size: 38px; }\n')
    await writeFile(path.join(root, 'decks/fit.md'), `---\nmarp: true\ntheme: guidepress\npaginate: true\nlang: en\ntitle: Fit\n---\n\n${SLIDES.join('\n\n---\n\n')}\n`)
    report = await renderAll([meta], { root, pdf: true, pptx: false })
  }, 120_000)

  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true })
  })

  it('shrinks the overfull slide only down to the minimum body size, then warns', async () => {
    const html = await readFile(path.join(root, 'dist/fit/deck.html'), 'utf8')
    const sizes = [...html.matchAll(/svg:nth-of-type\((\d+)\)>foreignObject>section\{font-size:([\d.]+)px!important\}/g)].map((m) => [Number(m[1]), Number(m[2])])
    expect(sizes.map(([slide]) => slide)).toEqual([2])
    // Body text is 1em: the section's size is the body size, and it stops at 26 pt, not at 70% (26.6 px).
    expect(sizes[0]?.[1]).toBeGreaterThanOrEqual(ptToPx(BODY_MIN_PT) - 0.05)
    expect(report.warnings.filter((w) => w.ruleId === 'slide-overfull-rendered')).toEqual([
      expect.objectContaining({ id: 'fit', output: 'deck.pdf', slide: 2, message: expect.stringContaining('26 pt body, 20 pt tables') })
    ])
  })

  it('warns about the nearly empty slide, not the title slide or the filled one', () => {
    expect(report.warnings.filter((w) => w.ruleId === 'slide-sparse-rendered')).toEqual([
      expect.objectContaining({ id: 'fit', output: 'deck.pdf', slide: 3, message: expect.stringMatching(/^Slide 3 is nearly empty: its content ends \d+% of the way down/) })
    ])
  })
})

describe('slide warnings (no browser)', () => {
  it('skip title slides, and order by slide', () => {
    const warnings = slideWarnings('x', { overfull: [4], extents: [0.1, 0.2, 0.9, 1, 0.333], titles: [true, false, false, false, false] })
    expect(warnings.map((w) => [w.slide, w.ruleId])).toEqual([
      [2, 'slide-sparse-rendered'],
      [4, 'slide-overfull-rendered'],
      [5, 'slide-sparse-rendered']
    ])
  })
})
