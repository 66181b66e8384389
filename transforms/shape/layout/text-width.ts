import type { PhrasingContent } from 'mdast'
import { fontWidths } from './font-widths.ts'
import { isWhiteSpace } from '../../white-space.ts'

/** A piece of text in one style; `scale` is its size relative to the block's (a citation mark is smaller). */
export interface TextRun {
  text: string
  bold: boolean
  scale: number
}

const regularWidths = new Map<string, number>()
const boldWidths = new Map<string, number>()
;[...fontWidths.characters].forEach((character, index) => {
  regularWidths.set(character, fontWidths.regular[index] ?? fontWidths.missing)
  boldWidths.set(character, fontWidths.bold[index] ?? fontWidths.missing)
})

// The same widths by UTF-16 code unit, read without making a string of each character (-1: not in
// the font). Every character the fonts have is in the Basic Multilingual Plane, so a text without
// surrogates is measured code unit by code unit; one with them is measured by code point.
const byCode = (widths: ReadonlyMap<string, number>): Float64Array => {
  const table = new Float64Array(1 + Math.max(0, ...[...widths.keys()].map((character) => character.charCodeAt(0)))).fill(-1)
  for (const [character, width] of widths) if (character.length === 1) table[character.charCodeAt(0)] = width
  return table
}
const regularByCode = byCode(regularWidths)
const boldByCode = byCode(boldWidths)

/** Width in px of a text at a font size, from the house font's advance widths (kerning ignored: it only narrows). */
export function textWidth(text: string, fontSize: number, bold = false): number {
  const table = bold ? boldByCode : regularByCode
  let units = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code >= 0xd800 && code <= 0xdfff) return textWidthByCodePoint(text, fontSize, bold)
    const width = table[code] ?? -1
    units += width >= 0 ? width : fontWidths.missing
  }
  return (units / fontWidths.unitsPerEm) * fontSize
}

function textWidthByCodePoint(text: string, fontSize: number, bold: boolean): number {
  const widths = bold ? boldWidths : regularWidths
  let units = 0
  for (const character of text) units += widths.get(character) ?? fontWidths.missing
  return (units / fontWidths.unitsPerEm) * fontSize
}

/** The runs of inline Markdown: strong text is bold, citation marks and `<sup>` are set smaller. */
export function phrasingRuns(nodes: PhrasingContent[], bold = false): TextRun[] {
  return nodes.flatMap((node): TextRun[] => {
    if (node.type === 'text') return [{ text: node.value, bold, scale: node.data?.citation ? 0.6 : 1 }]
    if (node.type === 'inlineCode') return [{ text: node.value, bold, scale: 1 }]
    if (node.type === 'break') return [{ text: '\n', bold, scale: 1 }]
    if (node.type === 'strong') return phrasingRuns(node.children, true)
    if ('children' in node) return phrasingRuns(node.children as PhrasingContent[], bold)
    return []
  })
}

interface Word {
  width: number
  /** The width of the space that follows it. */
  space: number
  hardBreak: boolean
}


/** `textWidth` of `text.slice(start, end)`, without making the slice when no surrogate is in it. */
function rangeWidth(text: string, start: number, end: number, fontSize: number, bold: boolean): number {
  const table = bold ? boldByCode : regularByCode
  let units = 0
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index)
    if (code >= 0xd800 && code <= 0xdfff) return textWidthByCodePoint(text.slice(start, end), fontSize, bold)
    const width = table[code] ?? -1
    units += width >= 0 ? width : fontWidths.missing
  }
  return (units / fontWidths.unitsPerEm) * fontSize
}

/**
 * The words of the runs with their widths, as splitting each run's text at white space gives them.
 * It is read in place: the layout model measures every block many times while packing slides.
 */
function words(runs: TextRun[], fontSize: number): Word[] {
  const result: Word[] = []
  for (const run of runs) {
    const size = fontSize * run.scale
    const text = run.text
    let position = 0
    // A run that does not start with a space continues the word before it (`word¹`, `**Bold**text`).
    let first = true
    for (;;) {
      let end = position
      while (end < text.length && !isWhiteSpace(text.charCodeAt(end))) end++
      if (end > position) {
        const width = rangeWidth(text, position, end, size, run.bold)
        const last = result.at(-1)
        if (first && last && last.space === 0 && !last.hardBreak) last.width += width
        else result.push({ width, space: 0, hardBreak: false })
      }
      first = false
      if (end === text.length) break
      let spaceEnd = end
      let lineBreak = false
      while (spaceEnd < text.length && isWhiteSpace(text.charCodeAt(spaceEnd))) {
        if (text.charCodeAt(spaceEnd) === 10) lineBreak = true
        spaceEnd++
      }
      const last = result.at(-1)
      if (last) {
        last.space = textWidth(' ', size, run.bold)
        if (lineBreak) last.hardBreak = text === '\n'
      }
      position = spaceEnd
    }
  }
  return result
}

/** How many lines a run of text takes when wrapped at `width` px, as a browser wraps at spaces. */
export function lineCount(runs: TextRun[], width: number, fontSize: number): number {
  let lines = 1
  let used = 0
  for (const word of words(runs, fontSize)) {
    if (used > 0 && used + word.width > width) {
      lines += 1
      used = 0
    }
    if (word.width > width) {
      // A word longer than the line (a URL) wraps anywhere (the theme sets overflow-wrap: anywhere).
      lines += Math.ceil(word.width / width) - 1
      used = word.width % width
    } else used += word.width
    used += word.space
    if (word.hardBreak) {
      lines += 1
      used = 0
    }
  }
  return lines
}

/** The widest word of the runs: the narrowest a table column holding them can be. */
export function longestWord(runs: TextRun[], fontSize: number): number {
  return Math.max(0, ...words(runs, fontSize).map((word) => word.width))
}

/** The runs set on one line without wrapping. */
export function naturalWidth(runs: TextRun[], fontSize: number): number {
  return words(runs, fontSize).reduce((sum, word) => sum + word.width + word.space, 0)
}
