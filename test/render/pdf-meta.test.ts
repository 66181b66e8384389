// Bookmarks written with pdf-lib (no browser): nesting by level, plain titles, and reading where
// Chromium put each heading when its own titles are doubled; the layout checks on text positions.
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName } from '../../render/pdf-lib.ts'
import { describe, expect, it } from 'vitest'
import { finalizePdf } from '../../render/pdf-meta.ts'
import { markdownImages, smallFigures, svgLabels } from '../../render/document/figures.ts'
import { pageFill, strandedHeadings, type PrintedPages, type TextLine } from '../../render/document/layout.ts'
import { labelsFor } from '../../transforms/catalogue/labels.ts'
import { placeHeadings, readOutline, writeOutline, type PlacedHeading } from '../../render/pdf-outline.ts'

const meta = { title: 'T', subject: 'S', keywords: [], author: 'guidepress', lang: 'en', updated: '2026-11-27' }

async function blank(pages: number): Promise<PDFDocument> {
  const pdf = await PDFDocument.create()
  for (let n = 0; n < pages; n += 1) pdf.addPage([595, 842])
  return pdf
}

/** The outline as `depth title →page` lines. */
async function outlineOf(bytes: Uint8Array): Promise<string[]> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false })
  const pages = pdf.getPages().map((page) => page.ref.toString())
  const lines: string[] = []
  const walk = (parent: PDFDict, depth: number): void => {
    for (let item = parent.lookup(PDFName.of('First')); item instanceof PDFDict; item = item.lookup(PDFName.of('Next'))) {
      const title = item.lookup(PDFName.of('Title'), PDFHexString).decodeText()
      lines.push(`${depth} ${title} →${pages.indexOf(String(item.lookup(PDFName.of('Dest'), PDFArray).get(0))) + 1}`)
      walk(item, depth + 1)
    }
  }
  walk(pdf.catalog.lookup(PDFName.of('Outlines'), PDFDict), 1)
  return lines
}

describe('document bookmarks', () => {
  it('nest by heading level, replace an outline already there, and keep titles as plain text', async () => {
    const pdf = await blank(3)
    writeOutline(pdf, [{ title: 'Old outline', level: 1, page: 0 }])
    const bytes = await finalizePdf(pdf, meta, {
      headings: [
        { title: 'Guide', level: 1, page: 0, top: 800 },
        { title: 'Tests & <scans>', level: 2, page: 0, top: 600 },
        { title: 'Detail', level: 3, page: 1 },
        { title: 'Après', level: 2, page: 2, top: 700 },
        { title: 'Not a page', level: 2, page: 9 }
      ]
    })
    expect(await outlineOf(bytes)).toEqual(['1 Guide →1', '2 Tests & <scans> →1', '3 Detail →2', '2 Après →3'])
    const loaded = await PDFDocument.load(bytes)
    const root = loaded.catalog.lookup(PDFName.of('Outlines'), PDFDict)
    expect(String(root.get(PDFName.of('Count')))).toBe('4')
    // Chromium's outline is gone: no object in the file is titled as it was.
    const titles = loaded.context.enumerateIndirectObjects().map(([, object]) => (object instanceof PDFDict ? object.lookup(PDFName.of('Title')) : undefined))
    expect(titles.some((title) => title instanceof PDFHexString && title.decodeText() === 'Old outline')).toBe(false)
  })

  it('place headings from an outline whose titles come doubled, skipping headings it lacks', async () => {
    const pdf = await blank(2)
    writeOutline(pdf, [
      { title: 'Guide', level: 1, page: 0, top: 800 },
      { title: 'Breast surgeryBreast surgery', level: 2, page: 1, top: 780 },
      { title: 'After', level: 2, page: 1, top: 300 }
    ])
    const placed = placeHeadings(
      [
        { level: 1, text: 'Guide', id: '' },
        { level: 2, text: 'Hidden', id: 'x' },
        { level: 2, text: 'Breast surgery', id: 'section-1' },
        { level: 2, text: 'After', id: 'section-2' }
      ],
      readOutline(pdf)
    )
    expect(placed.map((heading) => `${heading.text}@${heading.page}:${heading.top}`)).toEqual(['Guide@0:800', 'Breast surgery@1:780', 'After@1:300'])
  })
})

describe('layout read back from the PDF', () => {
  // A4 in two columns; the heading's box top is a little above its baseline.
  const page = (lines: Array<[string, number, number]>): TextLine[] => lines.map(([text, x, y]) => ({ text, x, y, size: 10 }))
  const heading = (text: string, left: number, top: number, id = 'section-1'): PlacedHeading => ({ level: 2, text, id, page: 0, left, top })

  it('finds a heading that ends its column with nothing after it, not one followed by a line', () => {
    const printed: PrintedPages = {
      width: 595,
      height: 842,
      pages: [
        page([
          ['Earlier text', 40, 400],
          ['Treatment with', 40, 60],
          ['medicines', 40, 48],
          ['Offer the treatment', 308, 780],
          ['Surgery', 308, 300],
          ['Breast surgery helps some people.', 308, 288]
        ])
      ]
    }
    const stranded = strandedHeadings(printed, [heading('Treatment with medicines', 39.75, 72), heading('Surgery', 307.5, 312, 'section-2')], 2)
    expect(stranded.map((found) => found.id)).toEqual(['section-1'])
    // The same page in one column: text in the other half follows the heading.
    expect(strandedHeadings(printed, [heading('Surgery', 307.5, 312, 'section-2')], 1)).toEqual([])
  })

  it('measures how full a page is', () => {
    const printed: PrintedPages = { width: 595, height: 842, pages: [page([['a', 40, 790], ['b', 40, 700]])] }
    expect(pageFill(printed)).toBeCloseTo((842 - 34 - 700) / (842 - 68), 5)
    expect(pageFill({ ...printed, pages: [[]] })).toBe(0)
  })

  it('labels the notes page and contents in the reader language', () => {
    expect(labelsFor('de-DE').text('notes')).toBe('Notizen')
    expect(labelsFor('en-GB').text('questions')).toBe('Questions to ask')
    expect(labelsFor('pt').text('contents')).toBe('Contents')
  })
})

describe('figure labels', () => {
  const svg = (texts: string): string => `<img src="data:image/svg+xml;base64,${Buffer.from(`<svg viewBox="0 0 800 400">${texts}</svg>`).toString('base64')}" alt="x">`
  const html = `${svg('<text font-size="20">Red meat</text><text>Tea &amp; <tspan>coffee</tspan></text>')}<p>Text</p>${svg('<text>Big</text>')}<img src="data:image/png;base64,AAAA" alt="y">`
  const markdown = '# T\n\n![a](../source/images/food.svg)\n\nText\n\n![b](../source/images/big.svg) and ![c](x.png)\n'

  it('reads the labels of each inlined SVG and the place of each image', () => {
    expect(svgLabels(html)).toEqual([['Red meat', 'Tea & coffee'], ['Big'], []])
    expect(markdownImages(markdown)).toEqual([{ src: '../source/images/food.svg', line: 3 }, { src: '../source/images/big.svg', line: 7 }, { src: 'x.png', line: 7 }])
  })

  it('finds the figures whose labels print under 9 pt, with the smallest label', () => {
    const line = (text: string, size: number): TextLine => ({ text, x: 40, y: 400, size })
    const printed: PrintedPages = { width: 595, height: 842, pages: [[line('Red meat', 8.4), line('Tea & coffee', 7.1), line('Big', 12), line('Text', 13)]] }
    expect(smallFigures(printed, html, markdown)).toEqual([{ src: '../source/images/food.svg', line: 3, label: 'Tea & coffee', size: 7.1 }])
  })
})
