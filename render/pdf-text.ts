// Text and font names of a PDF, through pdfjs-dist's Node-friendly legacy build
// (text, for coverage checks) and pdf-lib (embedded font names).
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib'

interface TextItemLike {
  str?: string
  hasEOL?: boolean
}

/** Plain text of every page, pages separated by a form feed. */
export async function extractPdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0
  })
  const doc = await task.promise
  try {
    const pages: string[] = []
    for (let n = 1; n <= doc.numPages; n += 1) {
      const page = await doc.getPage(n)
      const content = await page.getTextContent()
      let text = ''
      for (const item of content.items as TextItemLike[]) {
        text += item.str ?? ''
        if (item.hasEOL) text += '\n'
      }
      pages.push(text.trim())
      page.cleanup()
    }
    return pages.join('\n\f\n')
  } finally {
    await task.destroy()
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
