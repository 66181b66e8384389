import { copyFile, cp, readFile } from 'node:fs/promises'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { fromSuperscript, readTheme } from '../render/assets.ts'
import { renderDeckMarkdown } from '../render/deck.ts'
import { extractPdfText, pdfPageCount } from '../render/pdf-text.ts'
import { noteParagraphs } from '../render/presenter.ts'
import { guideline, makeWorkspace, runCli } from './helpers.ts'

const id = 'metastatic-breast-cancer'

describe('the flagship guideline, rendered', () => {
  let root: string
  beforeAll(async () => {
    root = await makeWorkspace({})
    await cp(path.join(import.meta.dirname, '..', 'source'), path.join(root, 'source'), { recursive: true })
    const run = await runCli(root, 'build', '--no-pptx')
    // No warning at all (the long glossary was trimmed in issue 18).
    expect(run.stderr.split('\n').filter((line) => line.trim() !== '')).toEqual([])
    expect(run.code).toBe(0)
  }, 120_000)

  // Two pages of sections plus the "Key recommendations" panel (issue 16); the flagship's patient-level
  // bullets still reach the summary until its content moves them into `:::for` blocks (issue 18).
  it('prints the clinician summary on at most three A4 pages', async () => {
    expect(await pdfPageCount(await readFile(path.join(root, 'dist', id, 'summary.pdf')))).toBeLessThanOrEqual(3)
  })

  it('has one deck.pdf page per slide', async () => {
    const deck = await readFile(path.join(root, 'decks', `${id}.md`), 'utf8')
    const slides = deck.split('\n---\n').length - 1
    expect(await pdfPageCount(await readFile(path.join(root, 'dist', id, 'deck.pdf')))).toBe(slides)
  })

  it('has a presenter.pdf of three slides a page holding every speaker note', async () => {
    const file = path.join(root, 'decks', `${id}.md`)
    const deck = renderDeckMarkdown({ root, file, markdown: await readFile(file, 'utf8'), themeCss: await readTheme(root, 'guidepress.css'), lang: 'en', title: id })
    const bytes = await readFile(path.join(root, 'dist', id, 'presenter.pdf'))
    expect(deck.slideCount).toBeGreaterThan(3)
    expect(await pdfPageCount(bytes)).toBe(Math.ceil(deck.slideCount / 3))
    const squash = (text: string): string => text.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, fromSuperscript).replace(/\s+/g, '')
    const text = squash(await extractPdfText(bytes))
    const notes = deck.notes.filter(Boolean)
    expect(notes.length).toBeGreaterThan(5)
    for (const note of notes) expect(text).toContain(squash(noteParagraphs(note).join(' ')))
  })

  it('reports every topic term in the text of every PDF', async () => {
    const report = await runCli(root, 'report')
    expect(report.stdout).toContain('| topic | deck | handout | summary | deck.pdf | handout.pdf | summary.pdf |')
    expect(report.stdout).not.toContain('❌')
  })
})

describe('coverage of built PDFs', () => {
  it('marks a PDF that lacks a topic’s terms', async () => {
    const other = guideline({
      frontMatter: 'title: Sleep\nversion: 1.0.0\nupdated: 2026-01-15\nstatus: draft\ntopics:\n  - id: sleep\n    title: Sleep\n    terms: [sleep]',
      body: '## Sleep {#sleep}\n\nGood sleep helps.\n'
    })
    const root = await makeWorkspace({ 'source/bone-health.md': guideline(), 'source/sleep-care.md': other })
    expect((await runCli(root, 'build', '--no-pptx')).code).toBe(0)
    // A wrong PDF in dist/: the handout of another guideline.
    await copyFile(path.join(root, 'dist/sleep-care/handout.pdf'), path.join(root, 'dist/bone-health/handout.pdf'))
    const report = await runCli(root, 'report')
    expect(report.stdout).toMatch(/\| Caring for bones \(`bone-care`\) \| ✅ 1\/1 \| ✅ 1\/1 \| ✅ 1\/1 \| ✅ 1\/1 \| ❌ 0\/1, missing “bone” \| ✅ 1\/1 \|/)
  }, 60_000)
})
