// Where a value or key of a parsed YAML document is written, and how, for located messages about
// it (front matter and the project config alike).
import { isMap, isScalar, type Document } from 'yaml'
import type { Point } from 'unist'

/** The place of a field's value (or of its key, or of its nearest existing parent). */
export function placeInDocument(document: Document, path: Array<string | number>, toPoint: (offset: number) => Point, atKey = false): Point {
  for (let length = path.length; length >= 0; length--) {
    const prefix = path.slice(0, length)
    if (atKey && length === path.length && length > 0) {
      const parent = prefix.length > 1 ? document.getIn(prefix.slice(0, -1), true) : document.contents
      if (isMap(parent)) {
        const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === prefix.at(-1))
        if (pair && isScalar(pair.key) && pair.key.range) return toPoint(pair.key.range[0])
      }
      continue
    }
    const node: unknown = length === 0 ? document.contents : document.getIn(prefix, true)
    if (node && typeof node === 'object' && 'range' in node && Array.isArray(node.range)) {
      const start: unknown = node.range[0]
      if (typeof start === 'number') return toPoint(start)
    }
  }
  return { line: 1, column: 1 }
}

/** The value as the author wrote it (YAML reads `1.0` as the number 1; the message should say `1.0`). */
export function asWritten(document: Document, path: Array<string | number>, sourceText: string): string {
  const node: unknown = document.getIn(path, true)
  const range = node && typeof node === 'object' && 'range' in node && Array.isArray(node.range) ? node.range : undefined
  const text = typeof range?.[0] === 'number' && typeof range[1] === 'number' ? sourceText.slice(range[0], range[1]).trim() : String(document.getIn(path))
  const firstLine = text.split('\n')[0] ?? ''
  return firstLine.length > 40 || firstLine !== text ? `${firstLine.slice(0, 40)}…` : firstLine
}
