// Fast checks that need no browser: the request allow-list, the browser
// error, theme tokens and contrast, sanitising, the index page, PDF metadata.
import { readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { PDFDocument } from '../../render/pdf-lib.ts'
import { afterEach, describe, expect, it } from 'vitest'
import { allowedDirs, cssString, fontDir, inlineImage, superscriptsToSup, withHouseFont } from '../../render/assets.ts'
import { BrowserSession, BrowserUnavailableError, findBrowser } from '../../render/browser.ts'
import { markdownToHtml, pageCss } from '../../render/document.ts'
import { isSectionId } from '../../render/document/parts.ts'
import { contentsEntries } from '../../render/document/print.ts'
import type { PlacedHeading } from '../../render/pdf-outline.ts'
import { renderIndex } from '../../render/index-page.ts'
import { labelsFor } from '../../transforms/catalogue/labels.ts'
import { renderAll } from '../../render/index.ts'
import { finalizePdf } from '../../render/pdf-meta.ts'
import { GUIDELINES, makeRoot, PROJECT } from './helpers.ts'

describe('request allow-list', () => {
  // isAllowed needs no running browser; reach it through the prototype.
  const isAllowed = (root: string, url: string): boolean =>
    BrowserSession.prototype.isAllowed.call(
      { allowedDirs: allowedDirs(root).map((d) => path.resolve(d) + path.sep) } as unknown as BrowserSession,
      url
    )
  it('allows data: and files under themes/, source/images/ and the font package only', () => {
    expect(isAllowed('/p', 'data:image/png;base64,AAAA')).toBe(true)
    expect(isAllowed('/p', 'file:///p/source/images/a.svg')).toBe(true)
    expect(isAllowed('/p', 'file:///p/themes/print.css')).toBe(true)
    expect(isAllowed('/p', `file://${fontDir()}/x.woff2`)).toBe(true)
    expect(isAllowed('/p', 'file:///p/source/images/../../etc/passwd')).toBe(false)
    expect(isAllowed('/p', 'file:///etc/passwd')).toBe(false)
    expect(isAllowed('/p', 'file:///p/source/guideline.md')).toBe(false)
    expect(isAllowed('/p', 'http://127.0.0.1:9/x.png')).toBe(false)
    expect(isAllowed('/p', 'https://cdn.example/x.js')).toBe(false)
  })

  it('inlines only images inside source/images', () => {
    const root = path.join(PROJECT, 'test/fixtures/render')
    const decks = path.join(root, 'decks')
    expect(inlineImage(root, decks, '../source/images/spread-sites.svg')).toMatch(/^data:image\/svg\+xml;base64,/)
    expect(inlineImage(root, decks, '../source/images/missing.svg')).toBeUndefined()
    expect(inlineImage(root, decks, '../decks/mbc.md')).toBeUndefined()
    // An image that exists, of an inlined type, but outside source/images.
    expect(inlineImage(root, decks, '../../images/dot.svg')).toBeUndefined()
    expect(inlineImage(root, decks, 'http://127.0.0.1:9/x.png')).toBeUndefined()
  })
})

describe('browser lookup', () => {
  const saved = process.env.CHROME_PATH
  afterEach(() => {
    if (saved === undefined) delete process.env.CHROME_PATH
    else process.env.CHROME_PATH = saved
  })

  // (No lookup without CHROME_PATH here: it may unpack @sparticuz/chromium
  // into /tmp while render.test.ts, running in parallel, does the same.)
  it('CHROME_PATH comes first, and a wrong one fails with what to install', async () => {
    await expect(findBrowser({ CHROME_PATH: '/nonexistent/chrome' })).rejects.toThrow(BrowserUnavailableError)
    await expect(findBrowser({ CHROME_PATH: '/nonexistent/chrome' })).rejects.toThrow(/npm ci.*\n.*apt-get install chromium.*\n.*CHROME_PATH/s)
  })

  it('renderAll throws BrowserUnavailableError and still writes the HTML', async () => {
    const root = await makeRoot()
    try {
      process.env.CHROME_PATH = '/nonexistent/chrome'
      await expect(renderAll(GUIDELINES.slice(0, 1), { root, pdf: true, pptx: false })).rejects.toBeInstanceOf(
        BrowserUnavailableError
      )
      for (const f of ['deck.html', 'handout.html', 'summary.html']) {
        expect(await readFile(path.join(root, 'dist/mbc', f), 'utf8')).toMatch(/^<!DOCTYPE html>/)
      }
      expect(await readFile(path.join(root, 'dist/index.html'), 'utf8')).toContain('mbc/deck.html')
    } finally {
      await rm(root, { recursive: true, force: true })
    }
  })
})

function tokens(css: string): Map<string, string> {
  return new Map([...css.matchAll(/(--gp-[a-z-]+):\s*([^;]+);/g)].map((m) => [m[1] ?? '', (m[2] ?? '').trim()]))
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

describe('house theme', () => {
  it('Marp theme and print stylesheet share the same colour and type tokens', async () => {
    const marp = await readFile(path.join(PROJECT, 'themes/guidepress.css'), 'utf8')
    const print = await readFile(path.join(PROJECT, 'themes/print.css'), 'utf8')
    expect(marp.startsWith('/* @theme guidepress */')).toBe(true)
    expect(tokens(marp).size).toBeGreaterThan(8)
    expect(tokens(print)).toEqual(tokens(marp))
  })

  it('every text/background pair reaches 4.5:1 (WCAG AA)', async () => {
    const t = tokens(await readFile(path.join(PROJECT, 'themes/guidepress.css'), 'utf8'))
    const c = (name: string): string => t.get(`--gp-${name}`) ?? 'missing'
    const pairs: Array<[string, string]> = [
      ['ink', 'surface'], ['muted', 'surface'], ['brand', 'surface'], ['ink', 'tint'], ['muted', 'tint'],
      ['brand', 'tint'], ['on-brand', 'brand'], ['draft-ink', 'draft-bg'], ['on-brand', 'brand-dark']
    ]
    for (const [fg, bg] of pairs) expect(contrast(c(fg), c(bg)), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5)
  })
})

describe('sanitising and page CSS', () => {
  const opts = { root: '/p', file: '/p/handouts/x.md' }
  it('strips scripts, event handlers and javascript: URLs', async () => {
    const html = await markdownToHtml(
      '[a](javascript:alert(1)) [b](JAVASCRIPT:alert(1)) <script>x()</script> <img src=x onerror=alert(1)> [ok](https://example.org)',
      opts
    )
    expect(html).not.toMatch(/script|javascript:|onerror/i)
    expect(html).toContain('href="https://example.org"')
  })

  it('escapes running-head text so it cannot break out of the stylesheet', () => {
    const css = pageCss({ title: 'A "quoted" </style><script>', version: '1', updated: '2026-01-01', lang: 'de', draft: true, paper: 'Letter', kind: 'summary' })
    expect(css).not.toContain('</style>')
    expect(css).toContain('size:Letter')
    expect(css).toContain('Entwurf')
    // The date written out in the reader's language, on one line (no-break spaces), never as 2026-01-01.
    expect(css).toContain('Stand 1.\u00a0Januar\u00a02026')
    expect(css).not.toContain('2026-01-01')
    expect(cssString('a"b')).toBe('"a\\22 b"')
  })
})

describe('index page', () => {
  it('renders coverage and readability data when given', () => {
    const html = renderIndex(
      [{ id: 'x', title: 'X <b>', version: '1.0.0', updated: '2026-01-01', status: 'approved', files: ['deck.pdf'] }],
      {
        coverage: [{ id: 'x', term: 'statin', present: { deck: true, handout: false } }],
        readability: [{ id: 'x', output: 'handout', metric: 'Flesch–Kincaid grade', value: 6.2, target: '≤ 8', pass: true }]
      }
    )
    expect(html).toContain('X &#60;b&#62;')
    expect(html).toContain('href="x/deck.pdf"')
    expect(html).toContain('<td class="bad">missing</td>')
    expect(html).toContain('Flesch–Kincaid grade')
    expect(html).not.toContain('data-placeholder')
  })

  it('names the outputs in the reader’s language in its coverage and readability tables', () => {
    const data = { coverage: [{ id: 'x', term: 'Statin', present: { deck: true, handout: false, summary: true } }], readability: [{ id: 'x', output: 'handout' as const, metric: 'Flesch–Kincaid grade', value: 6.2 }] }
    const page = [{ id: 'x', title: 'X', version: '1.0.0', updated: '2026-01-01', status: 'approved' as const, files: ['deck.pdf'] }]
    const german = renderIndex(page, data, { labels: labelsFor('de') })
    expect(german).toContain('<th scope="col">Folien</th><th scope="col">Patienteninformation</th><th scope="col">Kurzfassung für Fachpersonal</th>')
    expect(german).toContain('<td>x</td><td>Patienteninformation</td>')
    expect(german).not.toMatch(/>(deck|handout|summary)</)
    expect(renderIndex(page, data)).toContain('<th scope="col">Slides</th><th scope="col">Patient handout</th><th scope="col">Clinician summary</th>')
  })
})

describe('PDF metadata', () => {
  it('is fixed from `updated` and reproducible', async () => {
    const doc = await PDFDocument.create()
    doc.addPage([200, 200])
    const raw = await doc.save()
    const meta = { title: 'T', subject: 'S', keywords: ['k'], author: 'a', lang: 'en', updated: '2026-02-03' }
    const a = await finalizePdf(raw, meta, { notes: ['note'], outline: ['Slide'] })
    const b = await finalizePdf(raw, meta, { notes: ['note'], outline: ['Slide'] })
    expect(Buffer.compare(a, b)).toBe(0)
    const out = await PDFDocument.load(a, { updateMetadata: false })
    expect(out.getCreationDate()?.toISOString()).toBe('2026-02-03T00:00:00.000Z')
    await expect(finalizePdf(raw, { ...meta, updated: '3 Feb 2026' })).rejects.toThrow(/YYYY-MM-DD/)
  })
})

describe('glyphs the house font lacks', () => {
  it('turns superscript digits into <sup> in text only', () => {
    expect(superscriptsToSup('<p title="x¹">gain.⁵,⁶ and ¹⁰</p><script>"⁴"</script>')).toBe(
      '<p title="x¹">gain.<sup>5</sup>,<sup>6</sup> and <sup>10</sup></p><script>"⁴"</script>'
    )
  })

  it('does the same in handouts and summaries', async () => {
    const html = await markdownToHtml('Survival gain.⁵,⁶ See ¹⁰.', { root: '/p', file: '/p/summaries/x.md' })
    expect(html).toBe('<p>Survival gain.<sup>5</sup>,<sup>6</sup> See <sup>10</sup>.</p>')
  })

  it('embeds the house font in SVG images that contain text', () => {
    expect(withHouseFont('<svg viewBox="0 0 1 1"><rect/></svg>')).toBe('<svg viewBox="0 0 1 1"><rect/></svg>')
    const svg = withHouseFont('<svg viewBox="0 0 1 1"><text>Bone</text></svg>')
    expect(svg).toMatch(/^<svg viewBox="0 0 1 1"><style><!\[CDATA\[@font-face\{font-family:'Atkinson Hyperlegible Next'/)
    expect(svg).not.toContain('font-style:italic')
  })
})

describe('handout and summary HTML links', () => {
  it('land on a topic heading: its `{#id}` (written by the transform) becomes its id, not text; other headings keep section-N', async () => {
    const markdown = '## Caring for bones {#bone-care}\n\n### Sub\n\n## Later\n\nSee [bone care](#bone-care) and [*reserved*](#gp-contents).\n\n## Taken {#section-2}\n\n## Reserved {#gp-contents}\n'
    const html = await markdownToHtml(markdown, { root: process.cwd(), file: 'handouts/x.md' })
    expect(html).toContain('<h2 id="bone-care">Caring for bones</h2>')
    expect(html).toContain('<a href="#bone-care">bone care</a>')
    // Numbering skips an id a topic took; a guidepress part's id is never a heading's.
    expect(html).toContain('<h3 id="section-1">Sub</h3>')
    expect(html).toContain('<h2 id="section-3">Later</h2>')
    expect(html).toContain('<h2 id="section-2">Taken</h2>')
    expect(html).toContain('<h2 id="section-4">Reserved</h2>')
    // A link to it would land on the contents list: its words stay, without the link.
    expect(html).toContain('and <em>reserved</em>.')
    expect(html).not.toContain('{#')
  })

  it('the contents list and the print step know a topic heading as a section, and nothing guidepress or the sanitiser named', () => {
    const heading = (id: string): PlacedHeading => ({ level: 2, text: id, id, page: 0, left: 0, top: 0 })
    expect(contentsEntries(['section-1', 'bone-care', 'gp-contents', 'gp-notes', 'user-content-footnote-label', ''].map(heading)).map((entry) => entry.id)).toEqual(['section-1', 'bone-care'])
    expect(['section-1', 'bone-care', 'gp-contents', 'gp-notes', 'user-content-footnote-label', '', 'Bad Id'].filter(isSectionId)).toEqual(['section-1', 'bone-care'])
  })


  it('keep only the schemes a source may use, even from hand-edited Markdown', async () => {
    const markdown = '[chat](irc://example.org/room) [talk](xmpp:someone@example.org) [web](https://example.org) [mail](mailto:a@example.org) [here](#top)\n'
    const html = await markdownToHtml(markdown, { root: process.cwd(), file: 'handouts/x.md' })
    expect(html).not.toMatch(/href="(irc|xmpp):/)
    expect(html).toContain('href="https://example.org"')
    expect(html).toContain('href="mailto:a@example.org"')
    expect(html).toContain('href="#top"')
  })
})
