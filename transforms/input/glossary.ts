import { VFile } from 'vfile'
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml'
import { readProjectFile } from './paths.ts'
import { reportError } from '../messages.ts'
import type { Glossary } from '../types.ts'
import { firstErrorPerLine, yamlErrorReason } from './yaml-errors.ts'

export const glossaryPath = 'source/glossary.yml'

/**
 * Reads `source/glossary.yml` (term: plain explanation). A missing file is an empty glossary; a
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
  for (const pair of document.contents.items) {
    const term = isScalar(pair.key) ? pair.key.value : undefined
    const explanation = isScalar(pair.value) ? pair.value.value : undefined
    const place = at(isScalar(pair.key) && pair.key.range ? pair.key.range[0] : 0)
    if (typeof term !== 'string' || term.trim() === '') {
      reportError(file, 'Expected a term (text) before the colon', place, 'glossary-invalid')
    } else if (typeof explanation !== 'string' || explanation.trim() === '') {
      reportError(file, `Expected a plain-language explanation for \`${term}\` after the colon`, place, 'glossary-invalid')
    } else {
      glossary.set(term.trim(), explanation.trim())
    }
  }
  return { file, glossary }
}
