// Post-processing of the browser's PDFs with pdf-lib: document metadata with
// dates fixed from the guideline's `updated` date (so rebuilds are
// byte-identical), presenter notes as text annotations, outline bookmarks.
import { createHash } from 'node:crypto'
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString, type PDFObject } from './pdf-lib.ts'
import { removeOutline, writeOutline, type OutlineEntry } from './pdf-outline.ts'
import { englishLabels } from '../transforms/catalogue/labels.ts'

export interface PdfMetadata {
  title: string
  subject: string
  keywords: string[]
  author: string
  lang: string
  /** YYYY-MM-DD; becomes both creation and modification date (00:00 UTC). */
  updated: string
}

export interface PdfExtras {
  /** Per page: note text to attach as a closed text annotation ('' = none). */
  notes?: string[]
  /** The notes' title in a viewer, in the deck's language (the catalogue's English when not given). */
  notesTitle?: string
  /** Per page: bookmark title ('' = no bookmark for that page). */
  outline?: string[]
  /** Bookmarks nested by level, in document order (instead of `outline`). */
  headings?: OutlineEntry[]
}

const PRODUCER = 'guidepress (Chromium + pdf-lib)'
const CREATOR = 'guidepress'

export function dateFromUpdated(updated: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(updated)
  if (!match) throw new Error(`updated must be YYYY-MM-DD, got "${updated}"`)
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
}

/** Metadata, notes and outline on a PDF (bytes, or a document already loaded with `updateMetadata: false`). */
export async function finalizePdf(input: Uint8Array | PDFDocument, meta: PdfMetadata, extras: PdfExtras = {}): Promise<Uint8Array> {
  const pdf = input instanceof PDFDocument ? input : await PDFDocument.load(input, { updateMetadata: false })
  const date = dateFromUpdated(meta.updated)
  pdf.setTitle(meta.title, { showInWindowTitleBar: true })
  pdf.setSubject(meta.subject)
  pdf.setKeywords(meta.keywords)
  pdf.setAuthor(meta.author)
  pdf.setProducer(PRODUCER)
  pdf.setCreator(CREATOR)
  pdf.setCreationDate(date)
  pdf.setModificationDate(date)
  pdf.setLanguage(meta.lang)

  normalizeStructIds(pdf)
  const pages = pdf.getPages()
  const context = pdf.context

  extras.notes?.forEach((note, index) => {
    const page = pages[index]
    if (!note || !page) return
    const { width, height } = page.getSize()
    const annot = context.obj({
      Type: 'Annot',
      Subtype: 'Text',
      Rect: [width - 30, height - 30, width - 6, height - 6],
      Contents: PDFHexString.fromText(note),
      T: PDFHexString.fromText(extras.notesTitle ?? englishLabels.text('speakerNotes')),
      Subj: PDFHexString.fromText(extras.notesTitle ?? englishLabels.text('speakerNotes')),
      Name: 'Comment',
      Open: false,
      C: [1, 0.92, 0.42],
      F: 28,
      M: PDFString.fromDate(date)
    })
    page.node.addAnnot(context.register(annot))
  })

  // Per-page slide titles (decks) or the headings' places (documents); an outline already in the
  // file (Chromium's, titled unreliably) is replaced, never kept beside ours.
  const entries: OutlineEntry[] =
    extras.headings ?? (extras.outline ?? []).map((title, page) => ({ title, level: 1, page }))
  if (extras.headings) removeOutline(pdf)
  writeOutline(pdf, entries)

  // The file identifier is the hash of the finished content (saved with a blank ID), not Chrome's
  // per-run value, so identical output gets an identical ID. Saved once: the blank ID is then
  // overwritten in place by its hash (the same length), giving the bytes a second save would.
  const id = PDFArray.withContext(context)
  id.push(PDFHexString.of(BLANK_ID))
  id.push(PDFHexString.of(BLANK_ID))
  context.trailerInfo.ID = id
  return withIdFromHash(await pdf.save({ useObjectStreams: false }))
}

const BLANK_ID = '0'.repeat(32)
const BLANK_ID_ENTRY = `/ID [ <${BLANK_ID}> <${BLANK_ID}> ]`

/** Writes the MD5 of `bytes` (saved with the blank ID in its trailer) over that blank ID. */
function withIdFromHash(bytes: Uint8Array): Uint8Array {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  // The trailer ends the file: its ID entry is the last one.
  const at = buffer.lastIndexOf(BLANK_ID_ENTRY, undefined, 'latin1')
  if (at < 0) throw new Error('the saved PDF has no blank /ID entry in its trailer')
  const hash = createHash('md5').update(buffer).digest('hex')
  buffer.write(`/ID [ <${hash}> <${hash}> ]`, at, 'latin1')
  return bytes
}

/** Text of a PDF string object, or undefined for anything else. */
function text(object: PDFObject | undefined): string | undefined {
  return object instanceof PDFString || object instanceof PDFHexString ? object.decodeText() : undefined
}

/**
 * Chrome's tagged PDFs name table-header structure elements after internal
 * DOM node numbers, which change from run to run. Renumber them in document
 * order (id0001, id0002, …) everywhere they appear: the elements' /ID, the
 * cells' /Headers attributes and the structure tree's IDTree.
 */
function normalizeStructIds(pdf: PDFDocument): void {
  const context = pdf.context
  const objects = context.enumerateIndirectObjects().sort(([a], [b]) => a.objectNumber - b.objectNumber)
  const rename = new Map<string, string>()
  const elements: PDFDict[] = []
  for (const [, object] of objects) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('StructElem')) continue
    elements.push(object)
    const id = text(object.get(PDFName.of('ID')))
    if (id !== undefined && !rename.has(id)) rename.set(id, `id${String(rename.size + 1).padStart(4, '0')}`)
  }
  if (rename.size === 0) return
  const renamed = (old: string): PDFString => PDFString.of(rename.get(old) ?? old)

  for (const element of elements) {
    const id = text(element.get(PDFName.of('ID')))
    if (id !== undefined) element.set(PDFName.of('ID'), renamed(id))
    const attributes = element.get(PDFName.of('A'))
    const list = attributes instanceof PDFArray ? attributes.asArray() : [attributes]
    for (const entry of list) {
      const dict = entry instanceof PDFRef ? context.lookup(entry) : entry
      if (!(dict instanceof PDFDict)) continue
      const headers = dict.get(PDFName.of('Headers'))
      if (!(headers instanceof PDFArray)) continue
      const fresh = PDFArray.withContext(context)
      for (const header of headers.asArray()) {
        const old = text(header)
        fresh.push(old === undefined ? header : renamed(old))
      }
      dict.set(PDFName.of('Headers'), fresh)
    }
  }

  const root = pdf.catalog.lookup(PDFName.of('StructTreeRoot'))
  const tree = root instanceof PDFDict ? root.lookup(PDFName.of('IDTree')) : undefined
  if (tree instanceof PDFDict) rebuildNameTree(pdf, tree, rename)
}

/** Rewrites a name tree as one sorted leaf with renamed keys (valid for any size). */
function rebuildNameTree(pdf: PDFDocument, root: PDFDict, rename: Map<string, string>): void {
  const context = pdf.context
  const pairs: Array<[string, PDFObject]> = []
  const orphans: PDFRef[] = []
  const collect = (node: PDFDict): void => {
    const names = node.lookup(PDFName.of('Names'))
    if (names instanceof PDFArray) {
      for (let i = 0; i + 1 < names.size(); i += 2) {
        const key = text(names.get(i))
        if (key !== undefined) pairs.push([rename.get(key) ?? key, names.get(i + 1)])
      }
    }
    const kids = node.lookup(PDFName.of('Kids'))
    if (kids instanceof PDFArray) {
      for (const kid of kids.asArray()) {
        const dict = kid instanceof PDFRef ? context.lookup(kid) : kid
        if (dict instanceof PDFDict) collect(dict)
        if (kid instanceof PDFRef) orphans.push(kid)
      }
    }
  }
  collect(root)
  pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const fresh = PDFArray.withContext(context)
  for (const [key, value] of pairs) {
    fresh.push(PDFString.of(key))
    fresh.push(value)
  }
  for (const ref of orphans) context.delete(ref)
  root.delete(PDFName.of('Kids'))
  root.delete(PDFName.of('Limits'))
  root.set(PDFName.of('Names'), fresh)
}
