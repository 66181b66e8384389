import { VFile } from 'vfile'
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml'
import type { Point } from 'unist'
import { readProjectFile } from './paths.ts'
import { reportError } from '../messages.ts'
import type { Glossary } from '../types.ts'
import { firstErrorPerLine, yamlErrorReason } from './yaml-errors.ts'

export const glossaryPath = 'source/glossary.yml'

/**
 * Reads `source/glossary.yml`: `term: plain explanation`, or, for a term with other names,
 * `term: { explanation: …, synonyms: [other name, …] }`. A synonym becomes an entry with the same
 * explanation; "Words to know" merges entries that share one (see shape/words-to-know.ts). A missing file is an empty glossary; a
 * link leading out of the project, a folder or a named pipe is an error on the glossary, never read.
 */
export async function loadGlossary(root: string): Promise<{ file: VFile; glossary: Glossary }> {
  const read = await readProjectFile(root, glossaryPath)
  if ('problem' in read) {
    const file = new VFile({ cwd: root, path: glossaryPath, value: '' })
    reportError(file, read.problem, { line: 1, column: 1 }, 'file-not-regular')
    return { file, glossary: new Map() }
  }
  return parseGlossary(root, 'bytes' in read ? read.bytes.toString('utf8') : undefined)
}

/** A glossary from its text (from disk, or from git for `guidepress diff`); `undefined` is no file. */
export function parseGlossary(root: string, text: string | undefined): { file: VFile; glossary: Glossary } {
  const file = new VFile({ cwd: root, path: glossaryPath })
  const glossary = new Map<string, string>()
  if (text === undefined) return { file, glossary }
  file.value = text
  const lineCounter = new LineCounter()
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, schema: 'core' })
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset)
    return { line, column: col }
  }
  for (const error of firstErrorPerLine(document.errors, (offset) => at(offset).line)) reportError(file, yamlErrorReason(error, text), at(error.pos[0]), 'glossary-invalid')
  if (document.errors.length > 0 || document.contents === null) return { file, glossary }
  if (!isMap(document.contents)) {
    reportError(file, 'Expected the glossary to be `term: plain-language explanation` lines', { line: 1, column: 1 }, 'glossary-invalid')
    return { file, glossary }
  }
  const placeOf = (node: unknown) => at(isScalar(node) && node.range ? node.range[0] : isMap(node) || isSeq(node) ? (node.range?.[0] ?? 0) : 0)
  for (const pair of document.contents.items) {
    const term = isScalar(pair.key) ? pair.key.value : undefined
    const place = placeOf(pair.key)
    if (typeof term !== 'string' || term.trim() === '') {
      reportError(file, 'Expected a term (text) before the colon', place, 'glossary-invalid')
      continue
    }
    const entry = readEntry(term, place, pair.value, file, placeOf)
    if (!entry) continue
    for (const [name, namePlace] of [[term, place] as const, ...entry.synonyms]) {
      if (glossary.has(name.trim())) {
        reportError(file, `Unexpected second \`${name.trim()}\`: it is already a term or a synonym; write each once`, namePlace, 'glossary-invalid')
        continue
      }
      glossary.set(name.trim(), entry.explanation)
    }
  }
  return { file, glossary }
}

/** One entry's explanation and synonyms (with their places), or undefined after reporting what is wrong. */
function readEntry(term: string, place: Point, value: unknown, file: VFile, placeOf: (node: unknown) => Point): { explanation: string; synonyms: Array<readonly [string, Point]> } | undefined {
  if (isScalar(value) && typeof value.value === 'string' && value.value.trim() !== '') return { explanation: value.value.trim(), synonyms: [] }
  if (!isMap(value)) {
    reportError(file, `Expected a plain-language explanation for \`${term}\` after the colon`, place, 'glossary-invalid')
    return undefined
  }
  let explanation: string | undefined
  const synonyms: Array<readonly [string, Point]> = []
  for (const field of value.items) {
    const key = isScalar(field.key) ? field.key.value : undefined
    if (key === 'explanation' && isScalar(field.value) && typeof field.value.value === 'string' && field.value.value.trim() !== '') {
      explanation = field.value.value.trim()
    } else if (key === 'synonyms' && isSeq(field.value) && field.value.items.length > 0 && field.value.items.every((item) => isScalar(item) && typeof item.value === 'string' && item.value.trim() !== '')) {
      for (const item of field.value.items) if (isScalar(item) && typeof item.value === 'string') synonyms.push([item.value.trim(), placeOf(item)])
    } else {
      const what = key === 'explanation' ? 'a plain-language explanation (text)' : key === 'synonyms' ? 'a list of other names, such as `[puffer, inhaler device]`' : undefined
      reportError(file, what ? `Expected ${what} for \`${key}\` of \`${term}\`` : `Unexpected \`${String(key)}\` in \`${term}\`; an entry has \`explanation\` and, optionally, \`synonyms\``, placeOf(field.key), 'glossary-invalid')
      return undefined
    }
  }
  if (explanation === undefined) {
    reportError(file, `Expected an \`explanation\` for \`${term}\``, place, 'glossary-invalid')
    return undefined
  }
  return { explanation, synonyms }
}
