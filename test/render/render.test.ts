// One full render of three fixture guidelines (PDF + PPTX) shared by every
// assertion, plus a second deck render for byte-for-byte reproducibility.
import { createHash } from 'node:crypto'
import { readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import axe from 'axe-core'
import JSZip from 'jszip'
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber } from '../../render/pdf-lib.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BrowserSession } from '../../render/browser.ts'
import { BODY_MIN_PT, ptToPx } from '../../render/deck/thresholds.ts'
import { browserLaunchCount } from '../../render/browser.ts'
import { renderAll, type RenderReport } from '../../render/index.ts'
import { extractPdfText, pdfFontNames, pdfPageCount } from '../../render/pdf-text.ts'
import { GUIDELINES, makeRoot, SLIDES } from './helpers.ts'

let root = ''
let report: RenderReport
let launchesBefore = 0
let launchesAfter = 0
const written: string[] = []
const read = (rel: string): Promise<string> => readFile(path.join(root, rel), 'utf8')
const bytes = async (rel: string): Promise<Uint8Array> => new Uint8Array(await readFile(path.join(root, rel)))

beforeAll(async () => {
  root = await makeRoot()
  launchesBefore = browserLaunchCount()
  report = await renderAll(GUIDELINES, { root, pdf: true, pptx: true, onFile: (file) => written.push(file) })
  launchesAfter = browserLaunchCount()
}, 120_000)

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true })
})

describe('renderAll: files and browser', () => {
  it('writes every output of every guideline and the index, reporting each once', () => {
    const expected = GUIDELINES.flatMap((g) =>
      ['deck.html', 'deck.pdf', 'deck.pptx', 'presenter.pdf', 'handout.html', 'handout.pdf', 'summary.html', 'summary.pdf'].map(
        (f) => `dist/${g.id}/${f}`
      )
    )
    expect([...report.files].sort()).toEqual([...expected, 'dist/index.html'].sort())
    expect(written).toEqual(report.files)
  })

  it('starts one browser for three guidelines', () => {
    expect(report.browserStarts).toBe(1)
    expect(launchesAfter - launchesBefore).toBe(report.browserStarts)
  })

  it('blocks network requests (the remote image in the ckd handout)', () => {
    expect(report.blocked).toContain('http://127.0.0.1:9/x.png')
    expect(report.blocked.every((url) => !url.startsWith('data:'))).toBe(true)
  })

  // Was: no warnings, and the dense slide shrunk (to as little as 70%). Now (issue 15) a shrink stops at
  // the minimum type sizes, so the dense slide is reported instead, and short slides are reported as nearly empty.
  it('reports the dense slide as overfull at the smallest legible type, and never shrinks type below it', async () => {
    expect(report.warnings.filter((w) => w.ruleId === 'slide-overfull-rendered').map((w) => `${w.id} ${w.slide}`)).toEqual(['asthma 3'])
    expect(report.warnings.every((w) => w.ruleId === 'slide-overfull-rendered' || w.ruleId === 'slide-sparse-rendered')).toBe(true)
    for (const g of GUIDELINES) {
      for (const [, px] of (await read(`dist/${g.id}/deck.html`)).matchAll(/>foreignObject>section\{font-size:([\d.]+)px!important\}/g)) expect(Number(px)).toBeGreaterThanOrEqual(ptToPx(BODY_MIN_PT) - 0.05)
    }
  })
})

describe('deck PDF and PPTX', () => {
  it('has exactly one page per slide', async () => {
    for (const g of GUIDELINES) expect(await pdfPageCount(await bytes(`dist/${g.id}/deck.pdf`))).toBe(SLIDES[g.id])
  })

  it('contains the slide text and the draft mark on every slide when not approved', () => {
    const mbc = report.pdfText['dist/mbc/deck.pdf'] ?? ''
    for (const word of ['Metastatic breast cancer', 'Agenda', 'CDK4/6 inhibitor', 'Cardoso', 'References']) expect(mbc).toContain(word)
    for (const page of mbc.split('\f')) expect(page).toContain('Draft – not clinically approved')
    const ckd = report.pdfText['dist/ckd/deck.pdf'] ?? ''
    expect(ckd).toContain('SGLT2 inhibitor')
    expect(ckd).not.toContain('Draft')
  })

  it('has no note annotations on the projected slides by default, an outline, metadata from `updated`', async () => {
    const pdf = await PDFDocument.load(await bytes('dist/mbc/deck.pdf'), { updateMetadata: false })
    // Notes used to be annotations here: viewers drew a note icon on each projected slide (issue 15).
    for (const page of pdf.getPages()) expect(page.node.Annots()?.asArray().filter((ref) => pdf.context.lookup(ref, PDFDict).get(PDFName.of('Subtype')) === PDFName.of('Text')) ?? []).toEqual([])
    const outlines = pdf.catalog.lookup(PDFName.of('Outlines'), PDFDict)
    expect(outlines.lookup(PDFName.of('Count'), PDFNumber).asNumber()).toBe(6)
    const first = outlines.lookup(PDFName.of('First'), PDFDict)
    expect(first.lookup(PDFName.of('Title'), PDFHexString).decodeText()).toBe('Metastatic breast cancer')
    expect(first.lookup(PDFName.of('Dest'), PDFArray).size()).toBe(2)
    expect(pdf.getTitle()).toBe('Metastatic breast cancer')
    expect(pdf.getKeywords()).toContain('version 0.1.0')
    expect(pdf.getProducer()).toMatch(/guidepress/)
    expect(pdf.getCreationDate()?.toISOString()).toBe('2026-11-27T00:00:00.000Z')
    expect(pdf.getModificationDate()?.toISOString()).toBe('2026-11-27T00:00:00.000Z')
  })

  it('writes an editable PPTX: one slide per slide with its text, and the notes', async () => {
    const zip = await JSZip.loadAsync(await bytes('dist/mbc/deck.pptx'))
    const slides = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    expect(slides).toHaveLength(SLIDES.mbc ?? -1)
    // Text, not pictures of slides: every slide has runs; the one picture is the deck's figure.
    for (const name of slides) expect(await zip.file(name)?.async('string'), name).toMatch(/<a:t>[^<]+<\/a:t>/)
    expect(Object.keys(zip.files).filter((n) => n.startsWith('ppt/media/') && n.endsWith('.svg'))).toHaveLength(1)
    const notes = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n))
        .map((n) => zip.file(n)?.async('string') ?? '')
    )
    expect(notes.join('\n')).toContain('managed as a chronic condition')
    expect(await zip.file('docProps/core.xml')?.async('string')).toContain('2026-11-27T00:00:00Z')
  })
})

describe('handout and summary', () => {
  it('PDF text has the content, running title, page numbers and draft mark on every page', () => {
    const handout = report.pdfText['dist/mbc/handout.pdf'] ?? ''
    for (const word of ['Where it spreads', 'Questions to ask your care team', 'Who do I call']) expect(handout).toContain(word)
    const pages = handout.split('\f')
    pages.forEach((page, i) => {
      expect(page).toMatch(/Metastatic breast cancer · version 0\.1\.0 · updated November[\s\u00a0]27,[\s\u00a0]2026/)
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`)
      expect(page).toContain('Draft – not clinically approved')
    })
    expect(report.pdfText['dist/ckd/summary.pdf']).not.toContain('Draft')
    expect(report.pdfText['dist/asthma/summary.pdf']).toContain('Draft – not clinically approved')
    expect(report.pdfText['dist/mbc/summary.pdf']).toContain('Breathlessness')
  })

  it('HTML has no <script> and no javascript: URL', async () => {
    for (const g of GUIDELINES) {
      for (const kind of ['handout', 'summary']) {
        const html = await read(`dist/${g.id}/${kind}.html`)
        expect(html).not.toMatch(/<script/i)
        expect(html).not.toMatch(/javascript:/i)
        expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/)
      }
    }
    expect(await read('dist/mbc/handout.html')).toContain('our website</a>')
    expect(await read('dist/mbc/summary.html')).not.toContain("alert('x')")
  })

  // Was: only Marp's script. Now deck.html also runs the slide show (issue 15), and says so in its CSP.
  it('deck HTML runs only Marp’s script and the slide show’s, both named by hash in its Content-Security-Policy', async () => {
    for (const g of GUIDELINES) {
      const html = await read(`dist/${g.id}/deck.html`)
      expect(html.match(/<script/g)).toHaveLength(2)
      expect(html).toMatch(/<script>[^<]*marp/i)
      const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? ''
      expect(policy).toContain("default-src 'none'")
      for (const [, body] of html.matchAll(/<script>([\s\S]*?)<\/script>/g)) expect(policy).toContain(`'sha256-${createHash('sha256').update(body ?? '').digest('base64')}'`)
    }
  })

  it('supports Letter paper', async () => {
    const letterRoot = await makeRoot()
    try {
      const only = GUIDELINES.filter((g) => g.id === 'asthma').map((g) => ({ ...g, outputs: ['handout' as const] }))
      await renderAll(only, { root: letterRoot, pdf: true, pptx: false, paper: 'Letter' })
      const pdf = await PDFDocument.load(await readFile(path.join(letterRoot, 'dist/asthma/handout.pdf')))
      const { width, height } = pdf.getPage(0).getSize()
      expect([Math.round(width), Math.round(height)]).toEqual([612, 792])
      const a4 = await PDFDocument.load(await bytes('dist/asthma/handout.pdf'))
      expect(a4.getPage(0).getSize().width).toBeCloseTo(595.3, 0)
    } finally {
      await rm(letterRoot, { recursive: true, force: true })
    }
  }, 60_000)
})

describe('every PDF', () => {
  it('embeds only the theme font (Atkinson Hyperlegible Next)', async () => {
    for (const rel of Object.keys(report.pdfText)) {
      const fonts = await pdfFontNames(await bytes(rel))
      expect(fonts.length, rel).toBeGreaterThan(0)
      for (const font of fonts) expect(font, `${rel}: ${font}`).toMatch(/^AtkinsonHyperlegibleNext-/)
    }
  })

  it('embeds only the theme font in presenter.pdf too (not coverage-checked, so not in pdfText)', async () => {
    for (const g of GUIDELINES) {
      for (const font of await pdfFontNames(await bytes(`dist/${g.id}/presenter.pdf`))) expect(font).toMatch(/^AtkinsonHyperlegibleNext-/)
    }
  })

  it('returns the text of every deck, handout and summary PDF (the ones coverage checks), as written', async () => {
    const checked = GUIDELINES.flatMap((g) => ['deck.pdf', 'handout.pdf', 'summary.pdf'].map((name) => `dist/${g.id}/${name}`))
    expect(Object.keys(report.pdfText).sort()).toEqual(checked.sort())
    const handout = report.pdfText['dist/ckd/handout.pdf'] ?? ''
    expect(handout.replace(/\s+/g, ' ')).toContain('In chronic kidney disease they slowly work less well.')
    expect(await extractPdfText(await bytes('dist/ckd/handout.pdf'))).toBe(handout)
  })
})

describe('dist/index.html', () => {
  it('links every file and has the coverage and readability regions', async () => {
    const html = await read('dist/index.html')
    for (const file of report.files.filter((f) => f !== 'dist/index.html')) expect(html).toContain(`href="${file.slice(5)}"`)
    expect(html).toContain('id="coverage"')
    expect(html).toContain('id="readability"')
    expect(html).toContain('data-placeholder="coverage"')
  })
})

describe('reproducibility', () => {
  it('a second render of one guideline gives identical bytes', async () => {
    const again = await makeRoot()
    try {
      await renderAll(GUIDELINES.slice(0, 1), { root: again, pdf: true, pptx: true })
      const differ: string[] = []
      for (const file of ['deck.html', 'deck.pdf', 'deck.pptx', 'presenter.pdf', 'handout.html', 'handout.pdf', 'summary.html', 'summary.pdf']) {
        const a = await bytes(`dist/mbc/${file}`)
        const b = new Uint8Array(await readFile(path.join(again, 'dist/mbc', file)))
        if (Buffer.compare(a, b) !== 0) differ.push(file)
      }
      expect(differ).toEqual([])
    } finally {
      await rm(again, { recursive: true, force: true })
    }
  }, 60_000)
})

describe('accessibility (axe-core in the browser)', () => {
  it('has no serious or critical violations in any HTML output', async () => {
    const session = await BrowserSession.start({ allowedDirs: [] })
    try {
      const problems: string[] = []
      for (const rel of report.files.filter((f) => f.endsWith('.html'))) {
        const page = await session.openPage()
        await page.setViewport({ width: 1280, height: 900 })
        await page.setContent(await read(rel), { waitUntil: 'load' })
        await page.evaluate(axe.source)
        const violations = (await page.evaluate(
          "axe.run(document, { resultTypes: ['violations'] }).then(r => r.violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, target: v.nodes[0] && v.nodes[0].target.join(' ') })))"
        )) as Array<{ id: string; impact: string | null; nodes: number; target?: string }>
        for (const v of violations) {
          if (v.impact === 'serious' || v.impact === 'critical') problems.push(`${rel}: ${v.id} (${v.impact}) ×${v.nodes} ${v.target ?? ''}`)
        }
        await page.close()
      }
      expect(problems).toEqual([])
    } finally {
      await session.close()
    }
  }, 90_000)
})
