import { readFileSync } from 'node:fs'

/**
 * Advance widths from a TrueType file: the `head`, `hhea`, `hmtx` and `cmap` (format 4 or 12)
 * tables, all the deck's layout model needs. Kept in the tests: it only checks (and with UPDATE=1
 * rewrites) the committed width table, so the build itself never reads a font file.
 */
export interface FontMetrics {
  unitsPerEm: number
  /** The advance width of a code point in font units, or undefined when the font has no glyph for it. */
  advance(codePoint: number): number | undefined
}

export function readFontMetrics(file: string): FontMetrics {
  const bytes = readFileSync(file)
  const tables = new Map<string, number>()
  for (let index = 0; index < bytes.readUInt16BE(4); index++) {
    const record = 12 + index * 16
    tables.set(bytes.toString('latin1', record, record + 4), bytes.readUInt32BE(record + 8))
  }
  const table = (tag: string): number => {
    const offset = tables.get(tag)
    if (offset === undefined) throw new Error(`${file}: no ${tag} table`)
    return offset
  }
  const unitsPerEm = bytes.readUInt16BE(table('head') + 18)
  const horizontalMetrics = bytes.readUInt16BE(table('hhea') + 34)
  const glyphOf = cmapReader(bytes, table('cmap'))
  return {
    unitsPerEm,
    advance(codePoint) {
      const glyph = glyphOf(codePoint)
      if (glyph === 0) return undefined
      return bytes.readUInt16BE(table('hmtx') + 4 * Math.min(glyph, horizontalMetrics - 1))
    }
  }
}

function cmapReader(bytes: Buffer, cmap: number): (codePoint: number) => number {
  let best: { offset: number; format: number } | undefined
  for (let index = 0; index < bytes.readUInt16BE(cmap + 2); index++) {
    const record = cmap + 4 + index * 8
    const platform = bytes.readUInt16BE(record)
    const encoding = bytes.readUInt16BE(record + 2)
    const offset = cmap + bytes.readUInt32BE(record + 4)
    const format = bytes.readUInt16BE(offset)
    if (platform === 3 && (encoding === 1 || encoding === 10) && (format === 4 || format === 12) && best?.format !== 12) best = { offset, format }
  }
  if (!best) throw new Error('no Unicode cmap')
  const { offset, format } = best
  if (format === 12) {
    return (codePoint) => {
      for (let group = 0; group < bytes.readUInt32BE(offset + 12); group++) {
        const start = bytes.readUInt32BE(offset + 16 + group * 12)
        const end = bytes.readUInt32BE(offset + 20 + group * 12)
        if (codePoint >= start && codePoint <= end) return bytes.readUInt32BE(offset + 24 + group * 12) + codePoint - start
      }
      return 0
    }
  }
  const segments = bytes.readUInt16BE(offset + 6) / 2
  const ends = offset + 14
  const starts = ends + segments * 2 + 2
  const deltas = starts + segments * 2
  const ranges = deltas + segments * 2
  return (codePoint) => {
    for (let segment = 0; segment < segments; segment++) {
      if (codePoint > bytes.readUInt16BE(ends + segment * 2)) continue
      const start = bytes.readUInt16BE(starts + segment * 2)
      if (codePoint < start) return 0
      const delta = bytes.readInt16BE(deltas + segment * 2)
      const range = bytes.readUInt16BE(ranges + segment * 2)
      if (range === 0) return (codePoint + delta) & 0xffff
      const glyph = bytes.readUInt16BE(ranges + segment * 2 + range + (codePoint - start) * 2)
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff
    }
    return 0
  }
}
