import type { CslItem } from '@citation-js/core'
import type { Point } from 'unist'
import type { VFile } from 'vfile'
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml'
import type { ReadEntry } from './bibtex.ts'
import { reportError } from '../messages.ts'

/**
 * The entries of a CSL-JSON file: an array of items, each with an `id` (its citation key) and a
 * `type`. A JSON syntax error is reported where the parser stopped; an item without a usable `id`
 * or `type`, where the item starts.
 */
export function readCslJson(file: VFile, text: string): ReadEntry[] {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    const position = /at position (\d+)/.exec(reason)
    const offset = position ? Number(position[1]) : text.trimEnd().length
    const what = reason.replace(/\s*in JSON at position \d+.*$/s, '').replace(/ JSON input$/, ' of the file')
    reportError(file, `Unexpected JSON: ${what}; check the commas, quotes and brackets there`, pointAt(text, offset), 'references-invalid')
    return []
  }
  const places = itemPlaces(text)
  if (!Array.isArray(data)) {
    reportError(file, 'Expected CSL-JSON: an array `[ … ]` of items such as `{ "id": "smith2020", "type": "article-journal", "title": "…" }`', { line: 1, column: 1 }, 'references-invalid')
    return []
  }
  const entries: ReadEntry[] = []
  data.forEach((item: unknown, index) => {
    const place = places[index] ?? { line: 1, column: 1 }
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      reportError(file, `Expected item ${index + 1} to be an object \`{ "id": …, "type": … }\``, place, 'references-invalid')
      return
    }
    const record = item as Record<string, unknown>
    const id = typeof record.id === 'number' ? String(record.id) : record.id
    if (typeof id !== 'string' || id.trim() === '') {
      reportError(file, `Expected item ${index + 1} to have an \`id\`: the key it is cited with, as in \`[@smith2020]\``, place, 'references-invalid')
    } else if (typeof record.type !== 'string' || record.type.trim() === '') {
      reportError(file, `Expected the item \`${id}\` to have a CSL \`type\`, such as \`"article-journal"\`, \`"book"\`, \`"report"\` or \`"webpage"\``, place, 'references-invalid')
    } else {
      entries.push({ key: id, item: { ...record, id } as CslItem, place })
    }
  })
  return entries
}

/** Where each top-level item's `id` is written (where the item starts when it has none); JSON is read as YAML for its positions. */
function itemPlaces(text: string): Point[] {
  const lineCounter = new LineCounter()
  const document = parseDocument(text, { lineCounter, uniqueKeys: false })
  if (!isSeq(document.contents)) return []
  const at = (offset: number | undefined): Point => {
    const { line, col } = lineCounter.linePos(offset ?? 0)
    return { line, column: col }
  }
  return document.contents.items.map((item) => {
    const id = isMap(item) ? item.items.find((pair) => isScalar(pair.key) && pair.key.value === 'id') : undefined
    const range = id && isScalar(id.value) ? id.value.range : isMap(item) || isScalar(item) ? item.range : undefined
    return at(range?.[0])
  })
}

function pointAt(text: string, offset: number): Point {
  const before = text.slice(0, offset).split('\n')
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 }
}
