// Text and font names of a PDF: text (for coverage checks) through unpdf, PDF.js built for servers
// without a canvas (pdfjs-dist itself pulls a 33 MB native canvas package that reading text never
// uses), and embedded font names through pdf-lib.
import { PDFDict, PDFDocument, PDFName } from './pdf-lib.ts'

export interface TextItemLike {
  str?: string
  hasEOL?: boolean
}

/** One page's text from its PDF.js text items: their strings, a line break where PDF.js ends a line. */
export function pageText(items: readonly TextItemLike[]): string {
  let text = ''
  for (const item of items) {
    text += item.str ?? ''
    if (item.hasEOL) text += '\n'
  }
  return text.trim()
}

/** Pages' text joined as one: pages separated by a form feed. */
export const joinPages = (pages: readonly string[]): string => pages.join('\n\f\n')

/** Plain text of every page, pages separated by a form feed. */
export async function extractPdfText(bytes: Uint8Array): Promise<string> {
  const { getDocumentProxy } = await import('unpdf')
  // (This PDF.js build has no eval at all: nothing in a PDF can run as code.)
  const doc = await getDocumentProxy(new Uint8Array(bytes), {
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0
  })
  try {
    const pages: string[] = []
    for (let n = 1; n <= doc.numPages; n += 1) {
      const page = await doc.getPage(n)
      pages.push(pageText((await page.getTextContent()).items as TextItemLike[]))
      page.cleanup()
    }
    return joinPages(pages)
  } finally {
    await doc.loadingTask.destroy()
  }
}

/** BaseFont names of every font object in the PDF (subset prefixes stripped). */
export async function pdfFontNames(bytes: Uint8Array): Promise<string[]> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false })
  const names = new Set<string>()
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue
    if (object.get(PDFName.of('Type')) !== PDFName.of('Font')) continue
    const base = object.get(PDFName.of('BaseFont'))
    if (base instanceof PDFName) names.add(base.decodeText().replace(/^[A-Z]{6}\+/, ''))
  }
  return [...names].sort()
}

export async function pdfPageCount(bytes: Uint8Array): Promise<number> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false })
  return pdf.getPageCount()
}
