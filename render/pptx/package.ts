// The finished OOXML package: speaker notes written as paragraphs, pptxgenjs's extra paragraph
// properties removed, and fixed zip entry dates and document dates so rebuilds give the same bytes.
import JSZip from 'jszip'
import type { NoteParagraph } from './deck-source.ts'
import { escapeXml } from './runs.ts'

/** pptxgenjs writes one `<a:pPr>` per run; a paragraph may have one, first (PowerPoint repairs the file otherwise). */
export function onePropertiesPerParagraph(xml: string): string {
  return xml.replace(/(<\/a:r>|<\/a:fld>|<a:br\/>)<a:pPr\b(?:[^>]*\/>|[^>]*>[\s\S]*?<\/a:pPr>)/g, '$1')
}

/** The notes body: one paragraph per note paragraph or bullet (pptxgenjs writes one run with line breaks). */
export function notesBody(notes: NoteParagraph[], lang: string): string {
  const run = (text: string): string => `<a:r><a:rPr lang="${escapeXml(lang)}" dirty="0"/><a:t>${escapeXml(xmlText(text))}</a:t></a:r>`
  if (notes.length === 0) return `<a:p><a:endParaRPr lang="${escapeXml(lang)}" dirty="0"/></a:p>`
  return notes
    .map(({ text, bullet }) =>
      bullet > 0
        ? `<a:p><a:pPr marL="${228600 * bullet}" indent="-228600"><a:buFont typeface="Arial"/><a:buChar char="•"/></a:pPr>${run(text)}</a:p>`
        : `<a:p>${run(text)}</a:p>`
    )
    .join('')
}

/** Characters XML 1.0 cannot hold at all (escaping does not help) are dropped. */
function xmlText(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
}

const SHRUNK = 'Text shrunk to '
/** The name of a text box that needs its type at `scale` (0–1) to fit, by estimate. */
export function shrunkName(scale: number): string {
  return `${SHRUNK}${Math.max(40, Math.floor(scale * 20) * 5)}%`
}

/** Writes the font scale of each box named by shrunkName, as PowerPoint itself stores a shrunk box. */
export function applyShrink(xml: string): string {
  return xml.replace(/<p:sp>[\s\S]*?<\/p:sp>/g, (shape) => {
    const percent = new RegExp(`name="${SHRUNK}(\\d+)%"`).exec(shape)?.[1]
    if (!percent) return shape
    const reduction = Math.min(10, 100 - Number(percent))
    return shape.replace('<a:normAutofit/>', `<a:normAutofit fontScale="${Number(percent) * 1000}" lnSpcReduction="${reduction * 1000}"/>`)
  })
}

const NOTES_TEXT = /(name="Notes Placeholder 2"[\s\S]*?<p:txBody><a:bodyPr\/><a:lstStyle\/>)[\s\S]*?(<\/p:txBody>)/

/** Rewrites the package: notes, paragraph properties, fixed entry dates and core.xml timestamps. */
export async function finishPackage(bytes: Uint8Array, options: { date: Date; notes: NoteParagraph[][]; lang: string }): Promise<Uint8Array> {
  const source = await JSZip.loadAsync(bytes)
  const out = new JSZip()
  const iso = options.date.toISOString().replace(/\.\d{3}Z$/, 'Z')
  const names = Object.keys(source.files).sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : 1))
  for (const name of names) {
    const entry = source.files[name]
    if (!entry || entry.dir) continue
    let content: Uint8Array | string = await entry.async('uint8array')
    if (name === 'docProps/core.xml') {
      content = Buffer.from(content).toString('utf8').replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, `$1${iso}$2`)
    }
    const slide = /^ppt\/slides\/slide\d+\.xml$/.exec(name)
    if (slide) content = applyShrink(onePropertiesPerParagraph(Buffer.from(content).toString('utf8')))
    const notes = /^ppt\/notesSlides\/notesSlide(\d+)\.xml$/.exec(name)
    if (notes) {
      const paragraphs = options.notes[Number(notes[1]) - 1] ?? []
      content = Buffer.from(content).toString('utf8').replace(NOTES_TEXT, (_, start: string, end: string) => `${start}${notesBody(paragraphs, options.lang)}${end}`)
    }
    // Pictures are compressed already; deflating them again costs time for ~1%.
    const compression = /\.(?:png|jpe?g|gif)$/i.test(name) ? 'STORE' : 'DEFLATE'
    out.file(name, content, { date: options.date, createFolders: false, compression })
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } })
}
