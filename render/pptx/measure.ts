// Rough text measures for laying out a slide before PowerPoint sees it: pptxgenjs cannot measure
// text, and PowerPoint applies "shrink on overflow" only once the text is edited, so boxes are
// sized from an estimate of the lines each paragraph takes at a given size.
import { PARAGRAPH_GAP, runText, type Run } from './runs.ts'

/** Mean advance of the house font (Atkinson Hyperlegible Next) per character, in em; a little over, to err on the roomy side. */
const CHAR_EM = 0.5
export const LINE_HEIGHT = 1.2
/** pptxgenjs's default text box insets (0.1 in each side, 0.05 in top and bottom). */
export const INSET_X = 0.2
export const INSET_Y = 0.1
/** Indent per bullet level (pptxgenjs's 27 pt). */
export const BULLET_INDENT = 0.375

export function linesOf(text: string, sizePt: number, widthIn: number): number {
  const perLine = Math.max(1, Math.floor((widthIn * 72) / (sizePt * CHAR_EM)))
  let lines = 0
  for (const part of text.split('\n')) {
    // Whole words wrap, so count line by line rather than characters over width.
    let line = 0
    lines += 1
    for (const word of part.split(/\s+/).filter(Boolean)) {
      const need = line === 0 ? word.length : line + 1 + word.length
      if (need <= perLine || line === 0) line = Math.min(need, perLine)
      else {
        lines += 1
        line = Math.min(word.length, perLine)
      }
    }
  }
  return lines
}

/** Height in inches of paragraphs of runs in a box `widthIn` wide, at `sizePt`. */
export function paragraphsHeight(paragraphs: Run[][], sizePt: number, widthIn: number): number {
  let height = INSET_Y
  for (const paragraph of paragraphs) {
    const first = paragraph[0]?.options
    const level = (first?.bullet ? 1 : 0) + (first?.indentLevel ?? 0)
    const lines = linesOf(runText(paragraph), sizePt, widthIn - INSET_X - level * BULLET_INDENT)
    height += (lines * LINE_HEIGHT + PARAGRAPH_GAP) * (sizePt / 72)
  }
  return height
}
