// Figure labels that print too small to read: the text of each SVG figure of a handout, found in
// the printed PDF with its size. A label under 9 pt is a warning at the figure's line.
import type { PrintedPages } from './layout.ts'

/** Labels print at least this size (points) in a handout. */
export const MIN_LABEL_PT = 9

export interface SmallFigure {
  /** The image's path as the Markdown writes it. */
  src: string
  /** 1-based line of the image in the Markdown. */
  line: number
  label: string
  size: number
}

const decodeEntities = (text: string): string =>
  text.replace(/&(#x?[0-9a-f]+|amp|lt|gt|quot|apos);/gi, (entity, body: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
    if (body.startsWith('#')) return String.fromCodePoint(body[1]?.toLowerCase() === 'x' ? parseInt(body.slice(2), 16) : Number(body.slice(1)))
    return named[body.toLowerCase()] ?? entity
  })

/** The `<text>` strings of each inlined SVG image of the HTML, in document order ([] for other images). */
export function svgLabels(html: string): string[][] {
  return [...html.matchAll(/<img\b[^>]*\bsrc="([^"]*)"/g)].map((match) => {
    const data = /^data:image\/svg\+xml;base64,(.*)$/.exec(match[1] ?? '')
    if (!data) return []
    const svg = Buffer.from(data[1] ?? '', 'base64').toString('utf8')
    return [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)]
      .map((text) => decodeEntities((text[1] ?? '').replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim())
      .filter(Boolean)
  })
}

/** Each image of the Markdown (its path and line), in document order. */
export function markdownImages(markdown: string): Array<{ src: string; line: number }> {
  const images: Array<{ src: string; line: number }> = []
  markdown.split('\n').forEach((text, index) => {
    for (const match of text.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)>?/g)) images.push({ src: match[1] ?? '', line: index + 1 })
  })
  return images
}

/** Figures with a label the PDF sets under MIN_LABEL_PT: the smallest such label of each. */
export function smallFigures(printed: PrintedPages, html: string, markdown: string): SmallFigure[] {
  const labels = svgLabels(html)
  const images = markdownImages(markdown)
  if (labels.length !== images.length) return []
  const lines = printed.pages.flat()
  const found: SmallFigure[] = []
  labels.forEach((texts, index) => {
    const wanted = new Set(texts)
    let smallest: { label: string; size: number } | undefined
    for (const line of lines) {
      const text = line.text.replace(/\s+/g, ' ').trim()
      if (!wanted.has(text) || line.size >= MIN_LABEL_PT - 0.05) continue
      if (!smallest || line.size < smallest.size) smallest = { label: text, size: line.size }
    }
    const image = images[index]
    if (smallest && image) found.push({ ...image, ...smallest })
  })
  return found
}
