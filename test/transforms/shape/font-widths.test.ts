import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { fontWidths } from '../../../transforms/shape/layout/font-widths.ts'
import { readFontMetrics } from './ttf.ts'

const tablePath = path.join(import.meta.dirname, '../../../transforms/shape/layout/font-widths.ts')
const fontPackage = path.dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/atkinson-hyperlegible-next/package.json'))
const fontFile = (weight: string) => path.join(fontPackage, weight, `AtkinsonHyperlegibleNext_${weight}.ttf`)

/** The characters slides use: Latin text, punctuation, superscript citation numbers, arrows and maths signs. */
const ranges: Array<[number, number]> = [
  [0x20, 0x7e], [0xa0, 0x17f], [0x2010, 0x2027], [0x2030, 0x203a], [0x2070, 0x2079], [0x2190, 0x2193], [0x2212, 0x2212], [0x2248, 0x2248], [0x2260, 0x2265]
]

function widthTable(): string {
  const regular = readFontMetrics(fontFile('400Regular'))
  const bold = readFontMetrics(fontFile('700Bold'))
  let characters = ''
  const regularWidths: number[] = []
  const boldWidths: number[] = []
  for (const [start, end] of ranges) {
    for (let codePoint = start; codePoint <= end; codePoint++) {
      const plain = regular.advance(codePoint)
      const heavy = bold.advance(codePoint)
      if (plain === undefined || heavy === undefined) continue
      characters += String.fromCodePoint(codePoint)
      regularWidths.push(plain)
      boldWidths.push(heavy)
    }
  }
  return `// Generated from the Atkinson Hyperlegible Next TTFs (400 and 700) by
// test/transforms/shape/font-widths.test.ts; rewrite it with UPDATE=1 when the font package changes.
// A committed table keeps the deck transform pure (no font file is read at build time) and
// byte-stable whatever font tools a machine has.

/** Advance widths in font units of the characters the fonts have; others are measured as \`missing\`. */
export const fontWidths = {
  unitsPerEm: ${regular.unitsPerEm},
  /** A character the house font lacks is drawn by a fallback font: measured as a wide glyph. */
  missing: ${regular.unitsPerEm},
  characters: ${JSON.stringify(characters)},
  regular: [${regularWidths.join(', ')}],
  bold: [${boldWidths.join(', ')}]
} as const
`
}

describe('font width table', () => {
  it('matches the advance widths of the installed house font', () => {
    const expected = widthTable()
    if (process.env.UPDATE) writeFileSync(tablePath, expected)
    expect(readFileSync(tablePath, 'utf8')).toBe(expected)
    expect(fontWidths.characters.length).toBe(fontWidths.regular.length)
  })
})
