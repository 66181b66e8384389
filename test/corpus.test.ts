// The whole library built at once, PDFs and PPTX included, once with each kind of browser this
// machine has (full Chromium and the @sparticuz headless shell; see test/render/browser-kinds.ts).
// The library is the project's source/ (flagship, glossary, images) plus every guideline of the
// test corpus (test/corpus/source/: long guidelines with tables, one in German, one short with
// images). Two guidelines or more in one browser used to hang with full Chromium.
import { existsSync } from 'node:fs'
import { cp, readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import JSZip from 'jszip'
import { afterEach, describe, expect, it } from 'vitest'
import { extractPdfText, pdfPageCount } from '../render/pdf-text.ts'
import { readDeckSource } from '../render/pptx/deck-source.ts'
import { measureDeckPdf } from './deck-measure.ts'
import { makeWorkspace, runCli } from './helpers.ts'
import { browserKinds } from './render/browser-kinds.ts'

const project = path.join(import.meta.dirname, '..')
const corpus = path.join(import.meta.dirname, 'corpus', 'source')
const kinds = await browserKinds()
const givenChromePath = process.env.CHROME_PATH

afterEach(() => {
  if (givenChromePath === undefined) delete process.env.CHROME_PATH
  else process.env.CHROME_PATH = givenChromePath
})

/** A workspace holding the project's source/ with the corpus copied over it. */
async function library(): Promise<{ root: string; ids: string[] }> {
  const root = await makeWorkspace({})
  await cp(path.join(project, 'source'), path.join(root, 'source'), { recursive: true })
  if (existsSync(corpus)) {
    const entries = (await readdir(corpus)).filter((name) => !name.startsWith('.'))
    for (const name of entries) {
      // A corpus file of the same name as one of the project's (a second references.bib) would replace it
      // and break the flagship: the library must hold both, so a collision fails here, by name.
      const target = path.join(root, 'source', name)
      if (existsSync(target) && !(await stat(target)).isDirectory()) throw new Error(`test/corpus/source/${name} would replace the project's source/${name}`)
      await cp(path.join(corpus, name), target, { recursive: true })
    }
  }
  const ids = (await readdir(path.join(root, 'source'))).filter((name) => name.endsWith('.md')).map((name) => name.slice(0, -3)).sort()
  return { root, ids }
}

/** The dist files a guideline must have: each audience it has Markdown for, in every format. */
function expectedFiles(root: string, id: string): string[] {
  const files: string[] = []
  if (existsSync(path.join(root, 'decks', `${id}.md`))) files.push('deck.html', 'deck.pdf', 'deck.pptx', 'presenter.pdf')
  for (const [folder, kind] of [['handouts', 'handout'], ['summaries', 'summary']] as const) {
    if (existsSync(path.join(root, folder, `${id}.md`))) files.push(`${kind}.html`, `${kind}.pdf`)
  }
  return files
}

/** The library each browser built, for the deck measurement after the build's own checks. */
const built = new Map<string, { root: string; ids: string[] }>()

describe.each(kinds)('the whole library, built with the $name', (kind) => {
  it('writes every output of every guideline, PDFs with pages, PPTX that unzip, and an index of all', async () => {
    const { root, ids } = await library()
    expect(ids.length).toBeGreaterThanOrEqual(1)
    process.env.CHROME_PATH = kind.executablePath
    const run = await runCli(root, 'build')
    built.set(kind.name, { root, ids })
    // The library builds without a single warning (the flagship's long glossary was trimmed in issue 18).
    expect(run.stderr.split('\n').filter((line) => line.trim() !== '')).toEqual([])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(new RegExp(`Built ${ids.length} guidelines?: .* 1 browser start,`))

    const index = await readFile(path.join(root, 'dist', 'index.html'), 'utf8')
    for (const id of ids) {
      const files = expectedFiles(root, id)
      expect(files, id).toContain('deck.pdf')
      for (const file of files) {
        const where = path.join(root, 'dist', id, file)
        expect(existsSync(where), `dist/${id}/${file}`).toBe(true)
        expect(index, `index links dist/${id}/${file}`).toContain(`href="${id}/${file}"`)
        if (file.endsWith('.pdf')) expect(await pdfPageCount(await readFile(where)), `${id}/${file} pages`).toBeGreaterThan(0)
      }
      const pptx = await JSZip.loadAsync(await readFile(path.join(root, 'dist', id, 'deck.pptx')))
      const slides = Object.keys(pptx.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
      expect(slides.length, `${id} PPTX slides`).toBe(await pdfPageCount(await readFile(path.join(root, 'dist', id, 'deck.pdf'))))
      // Editable slides: text runs on every slide (test/render/pptx.test.ts checks tables, pictures and notes).
      for (const name of slides) expect(await pptx.file(name)?.async('string'), `${id} ${name}`).toMatch(/<a:t>[^<]+<\/a:t>/)
    }
    // Alert boxes (issue 16): the action heading in the reader's language, in the HTML as a box
    // (a quote opening with the heading) and in the PDF's text.
    const alerts: Array<[string, string]> = [
      ['adult-asthma-inhalers', '⚠ Call 999 now'],
      ['adult-asthma-inhalers', '⚠ Call your 24-hour number now'],
      ['bluthochdruck-erwachsene', '⚠ Sagen Sie es bald Ihrem Behandlungsteam']
    ]
    for (const [id, heading] of alerts.filter(([id]) => ids.includes(id))) {
      const html = await readFile(path.join(root, 'dist', id, 'handout.html'), 'utf8')
      expect(html, `${id} handout.html alert`).toMatch(new RegExp(`<blockquote>\\s*<h3[^>]*>${heading}</h3>`))
      const text = (await extractPdfText(await readFile(path.join(root, 'dist', id, 'handout.pdf')))).replace(/\s+/g, ' ')
      expect(text, `${id} handout.pdf alert`).toContain(heading)
    }
  }, 600_000)

  // Issue 15's bar, measured on deck.pdf (test/deck-measure.ts; thresholds in render/deck/thresholds.ts).
  it('has decks a room can read: type sizes, slides that use their height, titles, no note annotations', async () => {
    const library = built.get(kind.name)
    expect(library, 'the build above ran').toBeDefined()
    const violations: string[] = []
    for (const id of library?.ids ?? []) {
      const deckFile = path.join(library?.root ?? '', 'decks', `${id}.md`)
      const deck = readDeckSource(await readFile(deckFile, 'utf8'), deckFile)
      const numbersOf = (name: string): Set<number> => new Set(deck.slides.flatMap((slide, index) => (slide.classes.includes(name) ? [index + 1] : [])))
      const measured = await measureDeckPdf(path.join(library?.root ?? '', 'dist', id, 'deck.pdf'), { references: numbersOf('references'), recommendations: numbersOf('recommendation') })
      console.log(`deck.pdf ${id} (${kind.name}): ${JSON.stringify(measured.figures)}`)
      violations.push(...measured.violations.map((line) => `${id}: ${line}`))
    }
    expect(violations).toEqual([])
  }, 120_000)
})
