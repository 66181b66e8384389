// Deck → PPTX from the slide screenshots already taken for the PDF: one
// full-bleed picture per slide (alt text = the slide's text) with the
// presenter notes kept. Zip entry dates and document dates are fixed from
// `updated` so rebuilds give the same bytes.
import { createRequire } from 'node:module'
import JSZip from 'jszip'
import { dateFromUpdated } from './pdf-meta.ts'
import type { SlideInfo } from './deck.ts'

type PptxGenJS = typeof import('pptxgenjs', { with: { 'resolution-mode': 'require' } }).default
const require = createRequire(import.meta.url)
// pptxgenjs only exports a CommonJS entry point.
const PptxGen = require('pptxgenjs') as PptxGenJS

export interface PptxInput {
  images: Uint8Array[]
  slides: SlideInfo[]
  notes: string[]
  title: string
  subject: string
  author: string
  updated: string
}

export async function buildPptx(input: PptxInput): Promise<Uint8Array> {
  const pptx = new PptxGen()
  pptx.layout = 'LAYOUT_16x9'
  pptx.title = input.title
  pptx.subject = input.subject
  pptx.author = input.author
  pptx.company = 'guidepress'

  input.images.forEach((png, index) => {
    const slide = pptx.addSlide()
    const info = input.slides[index]
    slide.addImage({
      data: `image/png;base64,${Buffer.from(png).toString('base64')}`,
      x: 0,
      y: 0,
      w: '100%',
      h: '100%',
      altText: (info?.text || info?.heading || `Slide ${index + 1}`).slice(0, 1000)
    })
    const note = input.notes[index]
    if (note) slide.addNotes(note)
  })

  // Uncompressed here: normalizeZip below writes the zip again and compresses it once.
  const raw = (await pptx.write({ outputType: 'uint8array', compression: false })) as Uint8Array
  return normalizeZip(raw, dateFromUpdated(input.updated))
}

/** Rewrites the OOXML zip with fixed entry dates and fixed core.xml timestamps. */
async function normalizeZip(bytes: Uint8Array, date: Date): Promise<Uint8Array> {
  const source = await JSZip.loadAsync(bytes)
  const out = new JSZip()
  const iso = date.toISOString().replace(/\.\d{3}Z$/, 'Z')
  const names = Object.keys(source.files).sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : 1))
  for (const name of names) {
    const entry = source.files[name]
    if (!entry || entry.dir) continue
    let content: Uint8Array | string = await entry.async('uint8array')
    if (name === 'docProps/core.xml') {
      content = Buffer.from(content)
        .toString('utf8')
        .replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, `$1${iso}$2`)
    }
    // PNGs are compressed already; deflating them again costs most of a deck's zip time for ~1%.
    const compression = /\.(?:png|jpe?g)$/i.test(name) ? 'STORE' : 'DEFLATE'
    out.file(name, content, { date, createFolders: false, compression })
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } })
}
