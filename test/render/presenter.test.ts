// dist/<id>/presenter.pdf: three slides a page, each beside its speaker notes. One render of four
// decks (7 slides, 1 slide, notes too long to fit, the mbc fixture) shared by the assertions, a
// second render for identical bytes, one on Letter paper, and the row geometry and notes markup
// without a browser.
import { readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { PDFDict, PDFDocument, PDFHexString, PDFName } from '../../render/pdf-lib.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fromSuperscript } from '../../render/assets.ts'
import { renderAll, type GuidelineMeta, type RenderReport } from '../../render/index.ts'
import { extractPdfText, pdfFontNames, pdfPageCount } from '../../render/pdf-text.ts'
import {
  NO_NOTES,
  noteParagraphs,
  presenterGeometry,
  presenterHtml,
  presenterPageCount,
  slideBox,
  SLIDES_PER_PAGE
} from '../../render/presenter.ts'
import { GUIDELINES, makeRoot } from './helpers.ts'

const sentence = (n: number): string => `Point ${n} for rehearsal: pause here, check the room and link the figure to the patient in front of you.`
const LONG = Array.from({ length: 7 }, (_, i) => sentence(i + 1)).join(' ') // ~750 characters: fits once shrunk
const OVERLONG = Array.from({ length: 30 }, (_, i) => sentence(i + 1)).join(' ') // cannot fit at any size

/** Notes of the seven-slide deck as written (undefined = no note). */
const SEVEN_NOTES: Array<string | undefined> = [
  'Welcome everyone and say why this guideline matters.',
  undefined,
  'Explain that the target is below 140/90 mmHg for most adults.\n\nAsk who measures at home.',
  'Presenter notes\n\nstyle: the label line above keeps Marp from reading this note as a directive.',
  LONG,
  'Survival gain was modest.⁵,⁶ Name the trials only if asked.',
  'Close with the three things to remember & <where> to find the handout.'
]

function deck(title: string, notes: Array<string | undefined>): string {
  const slides = notes.map((note, i) => `## ${title} slide ${i + 1}\n\n- Bullet on slide ${i + 1}\n${note === undefined ? '' : `\n<!--\n${note}\n-->\n`}`)
  return `---\nmarp: true\ntheme: guidepress\npaginate: true\nlang: en\ntitle: ${title}\n---\n\n${slides.join('\n---\n\n')}`
}

const meta = (id: string, status: GuidelineMeta['status']): GuidelineMeta => ({
  id,
  title: `Presenter ${id}`,
  version: '2.1.0',
  updated: '2026-05-04',
  status,
  lang: 'en',
  outputs: ['deck']
})
const DECKS: GuidelineMeta[] = [meta('seven', 'draft'), meta('one', 'approved'), meta('overlong', 'in-review'), { ...(GUIDELINES[0] as GuidelineMeta), outputs: ['deck'] }]

async function writeDecks(root: string): Promise<void> {
  await writeFile(path.join(root, 'decks/seven.md'), deck('Seven', SEVEN_NOTES))
  await writeFile(path.join(root, 'decks/one.md'), deck('One', ['The only slide, with its only note.']))
  await writeFile(path.join(root, 'decks/overlong.md'), deck('Overlong', [OVERLONG, 'A short note after a long one.']))
}

/** Text compared without whitespace: PDF text breaks lines (and after hyphens) wherever the layout did. */
const squash = (text: string): string => text.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, fromSuperscript).replace(/\s+/g, '')

let root = ''
let report: RenderReport
const text: Record<string, string> = {}
const bytes = async (id: string, base = root): Promise<Uint8Array> => new Uint8Array(await readFile(path.join(base, 'dist', id, 'presenter.pdf')))

describe('presenter.pdf, rendered', () => {
  beforeAll(async () => {
    root = await makeRoot()
    await writeDecks(root)
    report = await renderAll(DECKS, { root, pdf: true, pptx: false })
    for (const { id } of DECKS) text[id] = await extractPdfText(await bytes(id))
  }, 120_000)

  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true })
  })

  it('has ceil(slides / 3) pages', async () => {
    const pages: Record<string, number> = {}
    for (const { id } of DECKS) pages[id] = await pdfPageCount(await bytes(id))
    expect(pages).toEqual({ seven: 3, one: 1, overlong: 1, mbc: 2 })
    const first = (await PDFDocument.load(await bytes('seven'))).getPage(0).getSize()
    expect([Math.round(first.width), Math.round(first.height)]).toEqual([595, 842])
  })

  it('holds every speaker note, and says so where a slide has none', () => {
    const all = squash(text.seven ?? '')
    for (const note of SEVEN_NOTES) {
      if (note !== undefined) expect(all).toContain(squash(noteParagraphs(note).join(' ')))
    }
    expect(all).toContain(squash('Close with the three things to remember & <where> to find the handout.'))
    expect(all).toContain('Slide4of7style:') // the label line is not shown
    const [page1] = (text.seven ?? '').split('\f')
    expect(page1?.match(new RegExp(NO_NOTES.replace('.', '\\.'), 'g'))).toHaveLength(1)
    expect(squash(text.one ?? '')).toContain(squash('The only slide, with its only note.'))
    expect(squash(text.mbc ?? '')).toContain(squash('explain that metastatic disease is managed as a chronic condition. Ask whether the audience has questions about staging.'))
  })

  it('numbers the slides and repeats title, version, draft mark and page number on every page', () => {
    const pages = (text.seven ?? '').split('\f')
    pages.forEach((page, i) => {
      expect(page).toMatch(/Presenter seven · version 2\.1\.0 · updated May[\s\u00a0]4,[\s\u00a0]2026/)
      expect(page).toContain('Draft – not clinically approved')
      expect(page).toContain(`Page ${i + 1} of 3`)
      for (let n = i * SLIDES_PER_PAGE + 1; n <= Math.min(7, i * SLIDES_PER_PAGE + 3); n += 1) expect(page).toContain(`Slide ${n} of 7`)
    })
    expect(text.one).toContain('Presenter one · version 2.1.0')
    expect(text.one).not.toContain('Draft')
    expect(text.overlong).toContain('Draft – not clinically approved')
  })

  it('draws each slide of the deck PDF beside its notes', async () => {
    const pdf = await PDFDocument.load(await bytes('seven'))
    const forms = pdf.getPages().map((page) => {
      const xobjects = page.node.Resources()?.lookup(PDFName.of('XObject'), PDFDict)
      return (xobjects?.keys() ?? []).filter((key) => key.decodeText().startsWith('EmbeddedPdfPage')).length
    })
    expect(forms).toEqual([3, 3, 1])
    // The slides' own text comes with them (pdf.js reads text inside the embedded pages).
    const pages = (text.seven ?? '').split('\f')
    expect(pages[0]).toContain('Seven slide 3')
    expect(pages[2]).toContain('Bullet on slide 7')
    expect(text.mbc).toContain('CDK4/6 inhibitor')
  })

  it('shrinks long notes to fit and warns, naming the slide, about notes too long for any size', () => {
    expect(squash(text.seven ?? '')).toContain(squash(LONG))
    // The one-bullet slides are also reported as nearly empty (deck.pdf); this file's own warnings are these.
    expect(report.warnings.filter((w) => w.output === 'presenter.pdf')).toEqual([
      expect.objectContaining({ id: 'overlong', output: 'presenter.pdf', slide: 1, ruleId: 'notes-cut-short', message: expect.stringContaining('even at 7.5 pt') })
    ])
    expect(text.overlong).toContain('Notes cut short')
    expect(squash(text.overlong ?? '')).toContain(squash('A short note after a long one.'))
  })

  it('is listed with the deck but not coverage-checked (its text is deck.pdf’s plus the notes)', async () => {
    for (const { id } of DECKS) expect(report.files).toContain(`dist/${id}/presenter.pdf`)
    expect(Object.keys(report.pdfText).filter((file) => file.endsWith('presenter.pdf'))).toEqual([])
    const index = await readFile(path.join(root, 'dist/index.html'), 'utf8')
    expect(index).toContain('<a href="seven/presenter.pdf" aria-label="Slides Presenter notes (PDF)">Presenter notes (PDF)</a>')
  })

  it('embeds only the theme font', async () => {
    const fonts = await pdfFontNames(await bytes('seven'))
    expect(fonts.length).toBeGreaterThan(0)
    for (const font of fonts) expect(font).toMatch(/^AtkinsonHyperlegibleNext-/)
  })

  it('has outline entries per page and fixed dates', async () => {
    const pdf = await PDFDocument.load(await bytes('seven'), { updateMetadata: false })
    expect(pdf.getSubject()).toBe('Presenter notes · version 2.1.0')
    expect(pdf.getCreationDate()?.toISOString()).toBe('2026-05-04T00:00:00.000Z')
    expect(pdf.catalog.lookup(PDFName.of('Outlines'), PDFDict).get(PDFName.of('Count'))?.toString()).toBe('3')
  })

  it('is byte-identical when built again', async () => {
    const again = await makeRoot()
    try {
      await writeDecks(again)
      await renderAll(DECKS.slice(0, 2), { root: again, pdf: true, pptx: false })
      for (const id of ['seven', 'one']) expect(Buffer.compare(await bytes(id), await bytes(id, again)), id).toBe(0)
    } finally {
      await rm(again, { recursive: true, force: true })
    }
  }, 60_000)
})

describe('presenter.pdf on Letter paper', () => {
  it('keeps three slides a page and every note', async () => {
    const letter = await makeRoot()
    try {
      await writeDecks(letter)
      // With pdfNotes (`--pdf-notes`): deck.pdf carries each note as a closed text annotation, without the label line.
      const done = await renderAll(DECKS.slice(0, 1), { root: letter, pdf: true, pptx: false, paper: 'Letter', pdfNotes: true })
      expect(done.warnings.filter((w) => w.output === 'presenter.pdf')).toEqual([])
      const deckPdf = await PDFDocument.load(await readFile(path.join(letter, 'dist/seven/deck.pdf')), { updateMetadata: false })
      const noteOn = (index: number): string[] =>
        (deckPdf.getPage(index).node.Annots()?.asArray() ?? [])
          .map((ref) => deckPdf.context.lookup(ref, PDFDict))
          .filter((annot) => annot.get(PDFName.of('Subtype')) === PDFName.of('Text'))
          .map((annot) => annot.lookup(PDFName.of('Contents'), PDFHexString).decodeText())
      expect(noteOn(2)).toEqual(['Explain that the target is below 140/90 mmHg for most adults.\n\nAsk who measures at home.'])
      expect(noteOn(3)).toEqual(['style: the label line above keeps Marp from reading this note as a directive.'])
      expect(noteOn(1)).toEqual([])
      const pdf = await bytes('seven', letter)
      expect(await pdfPageCount(pdf)).toBe(3)
      const size = (await PDFDocument.load(pdf)).getPage(2).getSize()
      expect([Math.round(size.width), Math.round(size.height)]).toEqual([612, 792])
      const all = squash(await extractPdfText(pdf))
      for (const note of SEVEN_NOTES) if (note !== undefined) expect(all).toContain(squash(noteParagraphs(note).join(' ')))
    } finally {
      await rm(letter, { recursive: true, force: true })
    }
  }, 60_000)
})

describe('presenter.pdf without PDFs', () => {
  it('is not made with --no-pdf', async () => {
    const quick = await makeRoot()
    try {
      const done = await renderAll([{ ...(GUIDELINES[0] as GuidelineMeta), outputs: ['deck'] }], { root: quick, pdf: false, pptx: false })
      expect(done.files).toEqual(['dist/mbc/deck.html', 'dist/index.html'])
    } finally {
      await rm(quick, { recursive: true, force: true })
    }
  })
})

describe('presenter layout (no browser)', () => {
  it('needs ceil(slides / 3) pages, at least one', () => {
    expect([0, 1, 3, 4, 6, 7, 32].map(presenterPageCount)).toEqual([1, 1, 1, 2, 2, 3, 11])
  })

  for (const paper of ['A4', 'Letter'] as const) {
    it(`puts three 16:9 slides a page inside the margins of ${paper}, rows apart, with room for notes`, () => {
      const g = presenterGeometry(paper)
      const boxes = Array.from({ length: 7 }, (_, i) => slideBox(g, i))
      expect(boxes.map((b) => b.page)).toEqual([0, 0, 0, 1, 1, 1, 2])
      for (const [i, box] of boxes.entries()) {
        expect(box.width / box.height).toBeCloseTo(16 / 9, 5)
        expect(box.left).toBe(g.margin.left)
        expect(box.top).toBeGreaterThanOrEqual(g.margin.top)
        expect(box.top + box.height + g.pad).toBeLessThanOrEqual(g.margin.top + (1 + (i % 3)) * g.row + 1e-9)
        expect(box.top + box.height).toBeLessThan(g.page.height - g.margin.bottom)
      }
      expect(boxes[1]?.top).toBeCloseTo((boxes[0]?.top ?? 0) + g.row, 9)
      expect(boxes[3]?.top).toBe(boxes[0]?.top)
      expect(3 * g.row).toBeLessThan(g.page.height - g.margin.top - g.margin.bottom)
      expect(g.page.width - g.margin.left - g.margin.right - g.slide.width - g.gap).toBeGreaterThan(60) // notes column, mm
    })
  }

  it('reads notes as paragraphs without the directive-guard label', () => {
    expect(noteParagraphs('Presenter notes\n\nstyle: red\nand more')).toEqual(['style: red and more'])
    expect(noteParagraphs('Presenter notes')).toEqual(['Presenter notes'])
    expect(noteParagraphs('One\n\n\nTwo  lines\nhere')).toEqual(['One', 'Two lines here'])
    expect(noteParagraphs('')).toEqual([])
  })

  it('keeps a note’s paragraphs and bullets (not one run of text with the dashes in it)', () => {
    const html = presenterHtml({
      notes: ['Presenter notes\n\nOpen with the question.\n\n- Home cuff readings\n- Clinic readings\n\nThen **pause**.'],
      title: 'T',
      version: '1',
      updated: '2026-01-01',
      lang: 'en',
      draft: false,
      paper: 'A4'
    })
    expect(html).toContain('<div class="gp-text"><p>Open with the question.</p>\n<ul>\n<li>Home cuff readings</li>\n<li>Clinic readings</li>\n</ul>\n<p>Then <strong>pause</strong>.</p></div>')
  })

  it('writes one sheet per three slides, escapes notes and marks empty rows', () => {
    const html = presenterHtml({
      notes: ['<script>alert(1)</script>', '', 'Gain.⁵', 'a', 'b'],
      title: 'T',
      version: '1',
      updated: '2026-01-01',
      lang: 'en',
      draft: false,
      paper: 'Letter'
    })
    expect(html.match(/class="gp-sheet"/g)).toHaveLength(2)
    expect(html.match(/class="gp-row"/g)).toHaveLength(5)
    expect(html).not.toContain('<script>')
    expect(html).toMatch(/&#(?:60|x3C);script&#(?:62|x3E);|&#(?:60|x3C);script>/)
    expect(html).toContain(`<p class="gp-none">${NO_NOTES}</p>`)
    expect(html).toContain('Gain.<sup>5</sup>')
    expect(html).toContain('size:Letter')
    expect(html).not.toContain('Draft')
    expect(presenterHtml({ notes: [], title: 'T', version: '1', updated: '2026-01-01', lang: 'en', draft: true, paper: 'A4' })).toContain('Draft – not clinically approved')
  })

  it('takes the brand’s colours and font, as the handout does, and the house ones without a brand', () => {
    const page = { notes: ['Say hello.'], title: 'T', version: '1', updated: '2026-01-01', lang: 'en', draft: false, paper: 'A4' as const }
    const branded = presenterHtml({ ...page, brand: { colours: { primary: '#7a1f5c', text: '#222222' }, font: 'Verdana' } })
    expect(branded).toMatch(/:root\{--gp-brand:#7a1f5c;.*--gp-ink:#222222;.*--gp-font:"Verdana"/)
    expect(branded).toContain('.gp-notes h2{margin:0 0 1.5mm;font-size:11pt;line-height:1.2;color:var(--gp-brand,#0b5870)}')
    expect(branded).toMatch(/html\{font-family:var\(--gp-font,[^)]*\);color:var\(--gp-ink,#1a2330\)/)
    expect(presenterHtml(page)).not.toContain('--gp-brand:')
  })
})
