// handout.pdf and summary.pdf as printed: bookmarks from their headings, a long handout's contents
// list with the PDF's own page numbers, the notes page. One render (one browser) of a corpus
// guideline and of a long handout written here, shared by every assertion.
import { cp, readFile, rm, writeFile } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import path from 'node:path'
import { PDFArray, PDFDict, PDFDocument, PDFName } from '../../render/pdf-lib.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderAll, type GuidelineMeta, type RenderReport } from '../../render/index.ts'
import { loadReferences } from '../../transforms/input/references.ts'
import { transformText } from '../helpers.ts'
import { makeRoot, PROJECT } from './helpers.ts'

const CORPUS = path.join(PROJECT, 'test/corpus/source')
const CORPUS_ID = 'iron-deficiency-anaemia'

/** Eight sections of plain text: well over four pages at the handout's 13 pt. */
const sentence = 'Your nurse will talk with you about what happens next and how you can get help at any time of day. '
const section = (title: string): string => `## ${title}\n\n${Array.from({ length: 5 }, () => sentence.repeat(4).trim()).join('\n\n')}\n`
// One section is a topic that the last one links to: the transform writes its id after its title.
const LONG_TITLES = ['Before you start', 'Tests &amp; \\<scans\\> with *care*', 'Your treatment {#your-treatment}', 'Side effects', 'Eating well', 'Staying active', 'Getting support', 'After treatment']
const LONG_HANDOUT = `# Living well\n\nA handout long enough to need a contents list.\n\n${LONG_TITLES.map(section).join('\n')}\nSee [your treatment](#your-treatment) again.\n`
/** The titles as a reader sees them: entities decoded, escapes and emphasis gone. */
const LONG_PLAIN = ['Before you start', 'Tests & <scans> with care', 'Your treatment', 'Side effects', 'Eating well', 'Staying active', 'Getting support', 'After treatment']

/** Thirteen paragraphs: three pages with a few lines on the third at normal spacing, two when tighter. */
const TAIL_HANDOUT = `# Tail\n\n${Array.from({ length: 13 }, (_, i) => `${i % 3 === 0 ? `## Part ${i}\n\n` : ''}${sentence.repeat(3).trim()}\n`).join('\n')}`
const TAIL: GuidelineMeta = { id: 'tail', title: 'Tail', version: '1.0.0', updated: '2026-11-27', status: 'draft', lang: 'en', outputs: ['handout'] }

/** Over ten thousand characters of Markdown, nearly all of them link addresses: two pages in print. */
const LINKS_HANDOUT = `# Links\n\n## Where to read more\n\n${Array.from({ length: 40 }, (_, i) => `- [Leaflet ${i + 1}](https://example.org/${'leaflets/'.repeat(30)}${i + 1})`).join('\n')}\n`
const LINKS: GuidelineMeta = { id: 'links', title: 'Links', version: '1.0.0', updated: '2026-11-27', status: 'draft', lang: 'en', outputs: ['handout'] }

/** Two slides, the second linking to the first as the transform writes a `#topic` link in a deck. */
const LINKED_DECK = `---\nmarp: true\ntheme: guidepress\npaginate: true\n---\n\n## Bones\n\nStrong bone matters.\n\n---\n\n## Later\n\nSee [bones](#1) again.\n`
const LINKED: GuidelineMeta = { id: 'linked', title: 'Linked', version: '1.0.0', updated: '2026-11-27', status: 'draft', lang: 'en', outputs: ['deck'] }

const LONG: GuidelineMeta = { id: 'long', title: 'Living well', version: '1.0.0', updated: '2026-11-27', status: 'draft', lang: 'en-GB', outputs: ['handout'] }

let root = ''
let report: RenderReport
let corpusMeta: GuidelineMeta
let corpusMarkdown: Record<'handout' | 'summary', string>
const pdfOf = async (id: string, output: string): Promise<Uint8Array> => new Uint8Array(await readFile(path.join(root, 'dist', id, output)))
const htmlOf = (id: string, output: string): Promise<string> => readFile(path.join(root, 'dist', id, output), 'utf8')

beforeAll(async () => {
  root = await makeRoot()
  await cp(path.join(CORPUS, 'images'), path.join(root, 'source/images'), { recursive: true })
  // The figure-label case: the corpus figure with its labels drawn small (14 units instead of 22).
  const foods = path.join(root, 'source/images/iron-rich-foods.svg')
  await writeFile(foods, (await readFile(foods, 'utf8')).replaceAll('font-size="22"', 'font-size="14"'))
  const { bibliography } = await loadReferences(path.dirname(CORPUS))
  const { file, result } = transformText(await readFile(path.join(CORPUS, `${CORPUS_ID}.md`), 'utf8'), { id: CORPUS_ID, sourceDir: CORPUS, bibliography })
  if (!result) throw new Error(`the corpus guideline does not build: ${file.messages.join('; ')}`)
  const text = (folder: string): string => result.outputs.find((output) => output.path === `${folder}/${CORPUS_ID}.md`)?.text ?? ''
  corpusMarkdown = { handout: text('handouts'), summary: text('summaries') }
  const { meta } = result
  corpusMeta = { id: CORPUS_ID, title: meta.title, version: meta.version, updated: meta.updated, status: meta.status, lang: meta.lang, outputs: ['handout', 'summary'], ...(meta['handout-title'] ? { 'handout-title': meta['handout-title'] } : {}) }
  const markdown = new Map([
    [`handouts/${CORPUS_ID}.md`, corpusMarkdown.handout],
    [`summaries/${CORPUS_ID}.md`, corpusMarkdown.summary],
    ['handouts/long.md', LONG_HANDOUT],
    ['handouts/tail.md', TAIL_HANDOUT],
    ['handouts/links.md', LINKS_HANDOUT],
    ['decks/linked.md', LINKED_DECK]
  ])
  report = await renderAll([corpusMeta, LONG, TAIL, LINKS, LINKED], { root, pdf: true, pptx: false, markdown })
}, 180_000)

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true })
})

interface Bookmark {
  title: string
  depth: number
  page: number
}

async function bookmarks(bytes: Uint8Array): Promise<Bookmark[]> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false })
  const pages = pdf.getPages().map((page) => page.ref.toString())
  const found: Bookmark[] = []
  const walk = (parent: PDFDict, depth: number): void => {
    for (let item = parent.lookup(PDFName.of('First')); item instanceof PDFDict; item = item.lookup(PDFName.of('Next'))) {
      const dest = item.lookup(PDFName.of('Dest'), PDFArray)
      const title = item.lookup(PDFName.of('Title'))
      found.push({ title: title && 'decodeText' in title ? (title as { decodeText(): string }).decodeText() : '', depth, page: pages.indexOf(String(dest.get(0))) + 1 })
      walk(item, depth + 1)
    }
  }
  const outline = pdf.catalog.lookup(PDFName.of('Outlines'))
  if (outline instanceof PDFDict) walk(outline, 1)
  return found
}

/** Each internal link of a PDF (a named destination, as Chromium writes them): the page it is on and the page it goes to (1-based). */
async function internalLinks(bytes: Uint8Array): Promise<Array<{ from: number; to: number }>> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false })
  const pages = pdf.getPages().map((page) => page.ref.toString())
  const dests = pdf.catalog.lookup(PDFName.of('Dests'))
  const links: Array<{ from: number; to: number }> = []
  pdf.getPages().forEach((page, index) => {
    const annotations = page.node.lookup(PDFName.of('Annots'))
    if (!(annotations instanceof PDFArray)) return
    for (const ref of annotations.asArray()) {
      const dest = pdf.context.lookup(ref, PDFDict).get(PDFName.of('Dest'))
      const target = dest instanceof PDFName && dests instanceof PDFDict ? dests.lookup(dest) : undefined
      links.push({ from: index + 1, to: target instanceof PDFArray ? pages.indexOf(String(target.get(0))) + 1 : 0 })
    }
  })
  return links
}

interface Line {
  text: string
  size: number
}

/** Per page (1-based index 0 = page 1): its text items with their font size, through pdfjs. */
async function pagesOf(bytes: Uint8Array): Promise<Line[][]> {
  const { getDocumentProxy } = await import('unpdf')
  const doc = await getDocumentProxy(new Uint8Array(bytes), { disableFontFace: true, useSystemFonts: false, verbosity: 0 })
  try {
    const pages: Line[][] = []
    for (let n = 1; n <= doc.numPages; n += 1) {
      const content = await (await doc.getPage(n)).getTextContent()
      // Items of one line in one size (a heading with an italic word comes in pieces) joined.
      const lines: Array<Line & { y: number }> = []
      for (const item of content.items as Array<{ str?: string; transform?: number[] }>) {
        const size = Math.abs(item.transform?.[3] ?? 0)
        const y = Math.round(item.transform?.[5] ?? 0)
        const last = lines[lines.length - 1]
        if (last && last.y === y && Math.abs(last.size - size) < 0.5 && item.str) last.text += item.str
        else lines.push({ text: item.str ?? '', size, y })
      }
      pages.push(lines)
    }
    return pages
  } finally {
    await doc.loadingTask.destroy()
  }
}

/** The page (1-based) where a heading's text is set in type larger than `minSize`, or 0. */
const headingPage = (pages: Line[][], title: string, minSize: number): number =>
  pages.findIndex((lines) => lines.some((line) => line.size > minSize && line.text.replace(/\s+/g, ' ').trim() === title)) + 1

/** `#`, `##` and `###` headings of a Markdown text, as plain text with their depth. */
function markdownHeadings(markdown: string): Array<{ title: string; depth: number }> {
  return [...markdown.matchAll(/^(#{1,3}) (.+)$/gm)].map((match) => ({
    depth: (match[1] as string).length,
    title: (match[2] as string).replace(/\s*\{#[^}]+\}$/, '').replace(/[*_`]/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').trim()
  }))
}

describe('bookmarks in handout.pdf and summary.pdf', () => {
  for (const output of ['handout', 'summary'] as const) {
    it(`${output}.pdf: one bookmark per heading, nested by level, each on its heading's page`, async () => {
      const bytes = await pdfOf(CORPUS_ID, `${output}.pdf`)
      const marks = (await bookmarks(bytes)).filter((mark) => mark.title !== 'Notes' || output !== 'handout')
      const expected = markdownHeadings(corpusMarkdown[output])
      expect(marks.slice(0, expected.length).map(({ title, depth }) => ({ title, depth }))).toEqual(expected)
      const pages = await pagesOf(bytes)
      for (const mark of marks) expect(mark.page, mark.title).toBe(headingPage(pages, mark.title, output === 'handout' ? 13.5 : 9.5))
    })
  }

  it('stay tagged, and open with the bookmarks shown', async () => {
    for (const output of ['handout.pdf', 'summary.pdf']) {
      const pdf = await PDFDocument.load(await pdfOf(CORPUS_ID, output), { updateMetadata: false })
      expect(pdf.catalog.lookup(PDFName.of('StructTreeRoot')), output).toBeInstanceOf(PDFDict)
      expect(String(pdf.catalog.lookup(PDFName.of('MarkInfo'), PDFDict).get(PDFName.of('Marked')))).toBe('true')
      expect(pdf.catalog.get(PDFName.of('PageMode'))).toBe(PDFName.of('UseOutlines'))
    }
  })

  it('title a heading with markup, & and <> in plain text', async () => {
    const titles = (await bookmarks(await pdfOf('long', 'handout.pdf'))).map((mark) => mark.title)
    expect(titles).toContain('Tests & <scans> with care')
    expect(titles.join('\n')).not.toMatch(/&amp;|&#|<em>|\*/)
  })
})

describe('contents list', () => {
  it('a long handout lists its sections with the pages pdfjs finds them on', async () => {
    const bytes = await pdfOf('long', 'handout.pdf')
    const pages = await pagesOf(bytes)
    expect(pages.length).toBeGreaterThan(5)
    const contents = pages[0] ?? []
    const listed = LONG_PLAIN.map((title) => {
      // The title and its page number, on one line of the contents list.
      const line = contents.find((candidate) => candidate.text.startsWith(title) && /^\s*(page\s*)?\d+$/.test(candidate.text.slice(title.length)))
      expect(line, title).toBeDefined()
      return Number(line?.text.slice(title.length).replace(/\D/g, ''))
    })
    expect(listed).toEqual(LONG_PLAIN.map((title) => headingPage(pages, title, 15)))
    expect(new Set(listed).size).toBeGreaterThan(3)
  })

  it('is in the handout HTML too, linking to each section, its titles escaped', async () => {
    const html = await htmlOf('long', 'handout.html')
    expect(html).toContain('<nav class="gp-contents"')
    expect(html).toContain('<a href="#section-2"><span class="gp-contents-title">Tests &#38; &#60;scans&#62; with care</span>')
    expect(html).toContain('<h2 id="section-2">')
  })

  it('a long handout is printed twice to number its list: the list is in from the first print, so no section moves when its numbers are filled in', () => {
    // Then once more with tighter spacing, for its last page of a few lines (which that does not save).
    expect(report.prints['dist/long/handout.pdf']).toBe(2 + 1)
  })

  it('a handout long in Markdown but short in print (link addresses) is printed again without the list, and has none', async () => {
    expect(LINKS_HANDOUT.length).toBeGreaterThan(10_400)
    expect(report.prints['dist/links/handout.pdf']).toBe(2)
    expect((await pagesOf(await pdfOf('links', 'handout.pdf'))).length).toBeLessThanOrEqual(5)
    expect(await htmlOf('links', 'handout.html')).not.toContain('<nav class="gp-contents"')
  })

  it('a handout of four pages or fewer has none', async () => {
    const bytes = await pdfOf(CORPUS_ID, 'handout.pdf')
    expect((await pagesOf(bytes)).length).toBeLessThanOrEqual(5)
    expect((await htmlOf(CORPUS_ID, 'handout.html')).includes('<nav class="gp-contents"')).toBe(false)
    expect((await bookmarks(bytes)).map((mark) => mark.title)).not.toContain('Contents')
  })
})

describe('#topic links', () => {
  it('land on the topic heading in handout.pdf, and on the slide in deck.pdf', async () => {
    const bytes = await pdfOf('long', 'handout.pdf')
    const target = headingPage(await pagesOf(bytes), 'Your treatment', 15)
    expect(target).toBeGreaterThan(1)
    // The contents list links to every section; the text's own link is the one on the last page of text.
    expect((await internalLinks(bytes)).filter((link) => link.from > target)).toEqual([{ from: expect.any(Number), to: target }])
    expect(await internalLinks(await pdfOf('linked', 'deck.pdf'))).toEqual([{ from: 2, to: 1 }])
  })
})

describe('browser pages', () => {
  it('are shared by the outputs: no more are opened than print at once', () => {
    expect(report.browserPages).toBeGreaterThan(0)
    expect(report.browserPages).toBeLessThanOrEqual(Math.min(availableParallelism(), 5))
  })
})

describe('notes page', () => {
  it('ends the handout with ruled lines for questions and notes, on a page of its own', async () => {
    const pages = await pagesOf(await pdfOf(CORPUS_ID, 'handout.pdf'))
    const running = /^Page \d+ of \d+$|· version |^Draft – not clinically approved$/
    const last = (pages[pages.length - 1] ?? []).map((line) => line.text.trim()).filter((text) => text && !running.test(text))
    expect(last).toEqual(['Notes', 'Questions to ask', 'Other notes'])
  })
})

describe('a last page with a few lines', () => {
  it('is saved by slightly tighter spacing: two pages of text, then the notes page', async () => {
    const pages = await pagesOf(await pdfOf('tail', 'handout.pdf'))
    expect(pages.length).toBe(3)
    expect(pages[2]?.some((line) => line.text === 'Notes')).toBe(true)
    expect(pages[1]?.some((line) => line.text.includes('Part 12'))).toBe(true)
    expect(await htmlOf('tail', 'handout.html')).toContain('<body class="gp-handout gp-tight">')
  })
})

describe('figure labels under 9 pt', () => {
  it('are a warning at the figure\'s line of the handout, naming the size and a label', () => {
    const lines = corpusMarkdown.handout.split('\n')
    const figureLine = lines.findIndex((line) => line.includes('iron-rich-foods.svg')) + 1
    const warnings = report.warnings.filter((warning) => warning.ruleId === 'figure-label-small')
    expect(warnings.map((warning) => [warning.id, warning.output, warning.outputLine])).toEqual([[CORPUS_ID, 'handout.pdf', figureLine]])
    expect(warnings[0]?.message).toMatch(/iron-rich-foods\.svg: its labels print at [5-8]\.\d pt in handout\.pdf \(“[^”]+”\), under 9 pt/)
  })
})
