import type { FootnoteReference, PhrasingContent, Root, Text } from 'mdast'
import type { Point } from 'unist'
import { SKIP, visit } from '../visit.ts'
import type { VFile } from 'vfile'
import { citationIdentifier, findCitations } from '../format/citations.ts'

declare module 'mdast' {
  interface FootnoteReferenceData {
    /** Set on a `[@key]` citation: the bibliography key it cites. */
    citationKey?: string
  }
}

/**
 * Reads `[@key]` and `[@a; @b]` in running text as citations: one footnote reference per key, with
 * a `citationKey` and an identifier no footnote label can have, each placed at its `@key`. Brackets
 * the author escaped (`\[@key]`), text in links and anything else stay text.
 */
export default function remarkCitations() {
  return (tree: Root, file: VFile): void => {
    const source = file.data.body ?? String(file.value)
    visit(tree, 'text', (node, index, parent) => {
      if (!parent || index === undefined || parent.type === 'link' || parent.type === 'linkReference') return
      const pieces = splitCitations(node, source)
      if (!pieces) return
      parent.children.splice(index, 1, ...(pieces as never[]))
      return [SKIP, index + pieces.length]
    })
  }
}

function splitCitations(node: Text, source: string): PhrasingContent[] | undefined {
  const start = node.position?.start
  const end = node.position?.end
  if (!start || !end || start.offset === undefined || end.offset === undefined) return undefined
  const written = source.slice(start.offset, end.offset)
  const pieces: PhrasingContent[] = []
  const place = placesIn(written, start)
  let consumed = 0 // in node.value
  let searchFrom = 0 // in written
  for (const match of findCitations(node.value)) {
    if (match.keys.length === 0) continue
    // The value can differ from what was written (escapes, entities): find the brackets as written.
    const at = written === node.value ? match.index : written.indexOf(match.text, searchFrom)
    if (at < 0 || written[at - 1] === '\\') continue
    searchFrom = at + match.text.length
    if (match.index > consumed) pieces.push({ type: 'text', value: node.value.slice(consumed, match.index), position: node.position })
    for (const { key, index } of match.keys) {
      const reference: FootnoteReference = {
        type: 'footnoteReference',
        identifier: citationIdentifier(key),
        label: key,
        data: { citationKey: key },
        position: { start: place(at + index - match.index), end: place(at + index - match.index + key.length + 1) }
      }
      pieces.push(reference)
    }
    consumed = match.index + match.text.length
  }
  if (pieces.length === 0) return undefined
  if (consumed < node.value.length) pieces.push({ type: 'text', value: node.value.slice(consumed), position: node.position })
  return pieces
}

/** The place of an offset into the text as written, which starts at `start` (its lines found once, so many citations stay cheap). */
function placesIn(written: string, start: Point): (offset: number) => Point {
  const lineStarts = [0]
  for (let index = written.indexOf('\n'); index >= 0; index = written.indexOf('\n', index + 1)) lineStarts.push(index + 1)
  return (offset) => {
    let low = 0
    let high = lineStarts.length - 1
    while (low < high) {
      const middle = Math.ceil((low + high) / 2)
      if ((lineStarts[middle] ?? 0) <= offset) low = middle
      else high = middle - 1
    }
    const column = low === 0 ? start.column + offset : offset - (lineStarts[low] ?? 0) + 1
    return { line: start.line + low, column, offset: (start.offset ?? 0) + offset }
  }
}
