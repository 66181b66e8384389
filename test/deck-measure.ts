// Measures a built deck.pdf as a presenter would see it projected: the type size of each kind of
// text (from the PDF's text positions), how far down each slide its content reaches, the slide
// titles, and note annotations. Text is classified by the tagged PDF's structure tree (Chromium
// tags headings, lists, paragraphs, tables and figures): the running header, footer and page
// number are the text outside any of those; a citation mark is a run of digits set smaller than
// the text just before it. The thresholds come from render/deck/thresholds.ts, their one home.
import { readFile } from 'node:fs/promises'
import { BODY_MIN_PT, FIGURE_LABEL_MIN_PT, LABEL_MIN_PT, TABLE_MIN_PT, TOP_THIRD } from '../render/deck/thresholds.ts'

type Kind = 'heading' | 'body' | 'table' | 'figure' | 'label' | 'running'

interface StructNode {
  role?: string
  type?: string
  id?: string
  children?: StructNode[]
}

interface TextPiece {
  str?: string
  type?: string
  id?: string
  transform?: number[]
}

export interface SlideMeasure {
  slide: number
  title: string
  /** Smallest size in pt of each kind of text on the slide (undefined: none). */
  min: Partial<Record<Exclude<Kind, 'running'>, number>>
  /** Where the content ends, as a share of the page height (0: no content). */
  extent: number
  noteAnnotations: number
}

export interface DeckMeasure {
  slides: SlideMeasure[]
  /** Everything that breaks a threshold, one line each. */
  violations: string[]
  figures: { slides: number; bodyMin?: number; tableMin?: number; figureMin?: number; labelMin?: number; medianFill: number; topThird: number; topHalf: number; bareContinued: number; noteAnnotations: number }
}

const KIND_OF_ROLE: Record<string, Kind> = { H: 'heading', H1: 'heading', H2: 'heading', H3: 'heading', H4: 'heading', H5: 'heading', H6: 'heading', Table: 'table', TR: 'table', TH: 'table', TD: 'table', THead: 'table', TBody: 'table', Figure: 'figure' }
/** Roles that say nothing about the text (the running header and footer are only these). */
const NEUTRAL_ROLES = new Set(['Root', 'Document', 'NonStruct', 'Div', 'Part', 'Sect', 'Art'])

/**
 * The marked-content ids of label text: on a references slide every list item; on a recommendation
 * slide the first paragraph of each block quote (the strength badge). Everything else stays as classified.
 */
function labelIds(tree: StructNode | null, slideClass: 'references' | 'recommendation' | undefined): Set<string> {
  const ids = new Set<string>()
  const collect = (node: StructNode): void => {
    if (node.type === 'content' && node.id) ids.add(node.id)
    for (const child of node.children ?? []) collect(child)
  }
  const walk = (node: StructNode): void => {
    if (slideClass === 'references' && node.role === 'L') return collect(node)
    if (slideClass === 'recommendation' && node.role === 'BlockQuote') {
      const badge = (node.children ?? []).find((child) => child.role === 'P')
      if (badge) collect(badge)
    }
    for (const child of node.children ?? []) walk(child)
  }
  if (tree && slideClass) walk(tree)
  return ids
}

/** Each marked-content id of a page → the kind of text its nearest telling structure element makes it. */
function kindsOf(tree: StructNode | null): Map<string, Kind> {
  const kinds = new Map<string, Kind>()
  const walk = (node: StructNode, inherited: Kind): void => {
    const role = node.role ?? ''
    const own = KIND_OF_ROLE[role] ?? (role && !NEUTRAL_ROLES.has(role) ? 'body' : undefined)
    // The outermost telling role wins: a paragraph inside a table cell is table text.
    const kind = inherited !== 'running' ? inherited : (own ?? 'running')
    if (node.type === 'content' && node.id) kinds.set(node.id, kind)
    for (const child of node.children ?? []) walk(child, kind)
  }
  if (tree) walk(tree, 'running')
  return kinds
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length === 0 ? 0 : sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

const round = (n: number): number => Math.round(n * 10) / 10

/** The slide classes of the deck Markdown that decide how some text is judged (see `labelOf`). */
export interface SlideClasses {
  /** 1-based numbers of the references slides: their list text is a label, not body text. */
  references: ReadonlySet<number>
  /** 1-based numbers of the recommendation slides: the first paragraph of each quote is its badge, a label. */
  recommendations: ReadonlySet<number>
}

export async function measureDeckPdf(file: string, classes: SlideClasses = { references: new Set(), recommendations: new Set() }): Promise<DeckMeasure> {
  const { getDocumentProxy } = await import('unpdf')
  const doc = await getDocumentProxy(new Uint8Array(await readFile(file)), { disableFontFace: true, useSystemFonts: false, verbosity: 0 })
  const slides: SlideMeasure[] = []
  try {
    for (let n = 1; n <= doc.numPages; n += 1) {
      const page = await doc.getPage(n)
      const height = page.getViewport({ scale: 1 }).height
      const tree = (await page.getStructTree()) as StructNode | null
      const kinds = kindsOf(tree)
      const labels = labelIds(tree, classes.references.has(n) ? 'references' : classes.recommendations.has(n) ? 'recommendation' : undefined)
      const content = await page.getTextContent({ includeMarkedContent: true })
      const stack: string[] = []
      const min: SlideMeasure['min'] = {}
      let bottom = height
      let title = ''
      let titleId: string | undefined
      let previousSize = 0
      for (const item of content.items as TextPiece[]) {
        if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') {
          stack.push(item.id ?? '')
          continue
        }
        if (item.type === 'endMarkedContent') {
          stack.pop()
          continue
        }
        const text = (item.str ?? '').trim()
        const transform = item.transform
        if (!text || !transform) continue
        const size = Math.hypot(transform[2] ?? 0, transform[3] ?? 0)
        const structural = kinds.get(stack.at(-1) ?? '') ?? 'running'
        const kind: Kind = structural === 'body' && labels.has(stack.at(-1) ?? '') ? 'label' : structural
        const citation = /^[\d,–-]+$/.test(text) && size < previousSize * 0.8
        previousSize = size
        if (kind === 'running' || citation) continue
        // The slide title: the text of the first heading (a wrapped title is several items of one element).
        const id = stack.at(-1) ?? ''
        if (kind === 'heading' && (titleId === undefined || titleId === id)) {
          titleId = id
          title = title ? `${title} ${text}` : text
        }
        min[kind] = Math.min(min[kind] ?? Infinity, size)
        bottom = Math.min(bottom, (transform[5] ?? 0) - 0.25 * size)
      }
      const annotations = (await page.getAnnotations()) as Array<{ subtype?: string }>
      slides.push({ slide: n, title, min, extent: bottom >= height ? 0 : (height - bottom) / height, noteAnnotations: annotations.filter((a) => a.subtype === 'Text').length })
      page.cleanup()
    }
  } finally {
    await doc.loadingTask.destroy()
  }
  return { slides, ...judge(slides) }
}

/** The thresholds over a deck's slides (the title slide, slide 1, is left out of type and fill). */
function judge(slides: SlideMeasure[]): Pick<DeckMeasure, 'violations' | 'figures'> {
  const violations: string[] = []
  const content = slides.filter((s) => s.slide > 1)
  const least = (kind: keyof SlideMeasure['min']): number | undefined => {
    const sizes = content.map((s) => s.min[kind]).filter((v): v is number => v !== undefined)
    return sizes.length ? round(Math.min(...sizes)) : undefined
  }
  for (const s of content) {
    const check = (kind: keyof SlideMeasure['min'], floor: number, what: string): void => {
      const size = s.min[kind]
      if (size !== undefined && size < floor - 0.05) violations.push(`slide ${s.slide}: ${what} ${round(size)} pt < ${floor} pt`)
    }
    check('body', BODY_MIN_PT, 'body text')
    check('table', TABLE_MIN_PT, 'table text')
    check('figure', FIGURE_LABEL_MIN_PT, 'figure label')
    check('label', LABEL_MIN_PT, 'label (badge or reference list)')
    if (s.extent < TOP_THIRD) violations.push(`slide ${s.slide} (${s.title}): content ends ${Math.round(s.extent * 100)}% down the page, in its top third`)
  }
  for (const s of slides) {
    if (/\((continued|Fortsetzung|suite)\)\s*$/i.test(s.title)) violations.push(`slide ${s.slide}: a bare continuation title "${s.title}"`)
    if (s.noteAnnotations > 0) violations.push(`slide ${s.slide}: ${s.noteAnnotations} note annotation(s)`)
  }
  const figures = {
    slides: slides.length,
    ...(least('body') !== undefined ? { bodyMin: least('body') } : {}),
    ...(least('table') !== undefined ? { tableMin: least('table') } : {}),
    ...(least('figure') !== undefined ? { figureMin: least('figure') } : {}),
    ...(least('label') !== undefined ? { labelMin: least('label') } : {}),
    medianFill: Math.round(median(content.map((s) => s.extent)) * 100) / 100,
    topThird: content.filter((s) => s.extent < TOP_THIRD).length,
    topHalf: content.filter((s) => s.extent < 0.5).length,
    bareContinued: slides.filter((s) => /\((continued|Fortsetzung|suite)\)\s*$/i.test(s.title)).length,
    noteAnnotations: slides.reduce((sum, s) => sum + s.noteAnnotations, 0)
  }
  return { violations, figures }
}
