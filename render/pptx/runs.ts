// Markdown text → PowerPoint text runs: bold, italic, code, links and superscript citations kept
// as run properties, markup-like text kept as text (pptxgenjs escapes it), one paragraph per
// paragraph or list item.
import type { PhrasingContent, RootContent } from 'mdast'
import { allowedSchemes, urlScheme } from '../../transforms/validate/links.ts'
import { fromSuperscript, SUPERSCRIPT_RUN } from '../assets.ts'

// pptxgenjs only exports a CommonJS entry point, so its types are imported as `require` would.
export type Run = import('pptxgenjs', { with: { 'resolution-mode': 'require' } }).default.TextProps
export type RunOptions = NonNullable<Run['options']>

/** The text options every run of a box shares (font, size, colour, language). */
export interface RunStyle {
  font: string
  size: number
  colour: string
  link: string
  lang: string
  /** How many slides the deck has: a `#N` link (a topic's first slide, as the transform writes it) goes to slide N of them. */
  slides?: number
}

interface Marks {
  bold?: boolean
  italic?: boolean
  code?: boolean
  url?: string
  /** A link to this slide of the deck (1-based). */
  slide?: number
}

const LINE_BREAK = '\n'

/** Inline Markdown as runs; a hard line break becomes a line break in the paragraph (`<a:br/>`). */
export function inlineRuns(nodes: PhrasingContent[], style: RunStyle, marks: Marks = {}): Run[] {
  const runs = markedRuns(nodes, style, marks)
  const out: Run[] = []
  let breakBefore = false
  for (const run of runs) {
    if (run.text === LINE_BREAK) breakBefore = out.length > 0
    else {
      out.push(breakBefore ? { text: run.text ?? '', options: { ...run.options, softBreakBefore: true } } : run)
      breakBefore = false
    }
  }
  return out
}

/** `<!-- … -->` inside a paragraph is a Marp comment and not shown. */
function markedRuns(nodes: PhrasingContent[], style: RunStyle, marks: Marks = {}): Run[] {
  const runs: Run[] = []
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        runs.push(...textRuns(node.value.replace(/\s*\n\s*/g, ' '), style, marks))
        break
      case 'inlineCode':
        runs.push(...textRuns(node.value, style, { ...marks, code: true }))
        break
      case 'strong':
        runs.push(...markedRuns(node.children, style, { ...marks, bold: true }))
        break
      case 'emphasis':
        runs.push(...markedRuns(node.children, style, { ...marks, italic: true }))
        break
      case 'delete':
        runs.push(...markedRuns(node.children, style, marks))
        break
      case 'link':
        runs.push(...markedRuns(node.children, style, linkMarks(node.url, style, marks)))
        break
      case 'break':
        runs.push({ text: LINE_BREAK, options: runOptions(style, marks) })
        break
      case 'html':
        if (!/^<!--[\s\S]*-->$/.test(node.value)) runs.push(...textRuns(node.value, style, marks))
        break
      case 'image':
        runs.push(...textRuns(node.alt ?? '', style, marks))
        break
      default:
        if ('value' in node && typeof node.value === 'string') runs.push(...textRuns(node.value, style, marks))
        else if ('children' in node) runs.push(...markedRuns(node.children as PhrasingContent[], style, marks))
    }
  }
  return runs
}

/**
 * A link's marks: absolute addresses a source may link to, and `#N` to a slide of this deck; any
 * other link (relative, or to a slide the deck does not have) means nothing in a PowerPoint file.
 */
function linkMarks(url: string, style: RunStyle, marks: Marks): Marks {
  const scheme = urlScheme(url)
  if (scheme !== undefined) return allowedSchemes.includes(scheme) ? { ...marks, url } : marks
  const slide = /^#([1-9]\d*)$/.exec(url.trim())?.[1]
  return slide !== undefined && Number(slide) <= (style.slides ?? 0) ? { ...marks, slide: Number(slide) } : marks
}

/** Text with its Unicode superscript digits (citations) as superscript runs of plain digits. */
function textRuns(text: string, style: RunStyle, marks: Marks): Run[] {
  const runs: Run[] = []
  let at = 0
  for (const match of text.matchAll(SUPERSCRIPT_RUN)) {
    if (match.index > at) runs.push({ text: text.slice(at, match.index), options: runOptions(style, marks) })
    runs.push({ text: fromSuperscript(match[0]), options: { ...runOptions(style, marks), superscript: true } })
    at = match.index + match[0].length
  }
  if (at < text.length) runs.push({ text: text.slice(at), options: runOptions(style, marks) })
  return runs
}

export function runOptions(style: RunStyle, marks: Marks): RunOptions {
  return {
    fontFace: style.font,
    fontSize: style.size,
    color: marks.url || marks.slide ? style.link : style.colour,
    lang: style.lang,
    ...(marks.bold ? { bold: true } : {}),
    ...(marks.italic ? { italic: true } : {}),
    ...(marks.url ? { hyperlink: { url: marks.url }, underline: { style: 'sng' as const } } : {}),
    ...(marks.slide ? { hyperlink: { slide: marks.slide }, underline: { style: 'sng' as const } } : {})
  }
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c)
}

/** A block's plain words, for estimating how much room it takes. */
export function runText(runs: Run[]): string {
  return runs.map((run) => run.text ?? '').join('')
}

/** Space after a paragraph, in em of its type size. */
export const PARAGRAPH_GAP = 0.35

/** Block Markdown (paragraphs, lists, quotes, sub-headings, code) as paragraphs of runs. */
export function blockParagraphs(blocks: RootContent[], style: RunStyle, depth = 0): Run[][] {
  const paragraphs: Run[][] = []
  const paragraph = (runs: Run[], options: RunOptions): void => {
    if (runs.length === 0) return
    const spacing = { paraSpaceAfter: Math.round(style.size * PARAGRAPH_GAP) }
    paragraphs.push(runs.map((run, index) => (index === 0 ? { text: run.text ?? '', options: { ...run.options, ...spacing, ...options } } : run)))
  }
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
        paragraph(inlineRuns(block.children, style), depth > 0 ? { indentLevel: depth } : {})
        break
      case 'heading':
        paragraph(inlineRuns(block.children, style, { bold: true }), {})
        break
      case 'blockquote':
        paragraphs.push(...blockParagraphs(block.children, style, depth))
        break
      case 'code':
        for (const line of block.value.split('\n')) paragraph(textRuns(line, style, { code: true }), {})
        break
      case 'html':
        if (!/^<!--[\s\S]*-->$/.test(block.value.trim())) for (const line of block.value.split('\n')) paragraph(textRuns(line, style, {}), {})
        break
      case 'list':
        block.children.forEach((item) => {
          const [first, ...rest] = item.children
          // Room for two-digit numbers ("10.") before the text.
          const bullet = block.ordered ? { type: 'number' as const, numberStartAt: block.start ?? 1, indent: Math.round(style.size * 1.6) } : true
          if (first?.type === 'paragraph') paragraph(inlineRuns(first.children, style), { bullet, indentLevel: depth })
          paragraphs.push(...blockParagraphs(first?.type === 'paragraph' ? rest : item.children, style, depth + 1))
        })
        break
      case 'table':
        break
      default:
        if ('children' in block) paragraphs.push(...blockParagraphs(block.children as RootContent[], style, depth))
    }
  }
  return paragraphs
}
