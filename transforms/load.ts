import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { VFile } from 'vfile'
import { reportError } from './report.ts'

export const sourceDir = 'source'
/** Far above any real guideline (the flagship is about 40 KB); larger input is refused before parsing. */
export const maxSourceBytes = 1024 * 1024
const kebabCase = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** The guideline ids in `source/`, sorted so every build visits them in the same order. */
export async function listGuidelineIds(root: string): Promise<string[]> {
  let names: string[]
  try {
    names = await readdir(path.join(root, sourceDir))
  } catch {
    return []
  }
  return names.filter((name) => name.endsWith('.md')).map((name) => name.slice(0, -'.md'.length)).sort()
}

/**
 * Reads one guideline into a vfile: UTF-8 only, a byte-order mark dropped and CRLF line endings
 * read as LF (neither changes a line or column number an author sees).
 */
export async function loadGuideline(root: string, id: string): Promise<VFile> {
  return guidelineFile(root, id, await readFile(path.join(root, sourceDir, `${id}.md`)))
}

/** A guideline's bytes (from disk, or from git for `guidepress diff`) as a vfile, checked as `loadGuideline` describes. */
export function guidelineFile(root: string, id: string, bytes: Uint8Array): VFile {
  const relative = path.posix.join(sourceDir, `${id}.md`)
  const file = new VFile({ cwd: root, path: relative })
  if (bytes.length > maxSourceBytes) {
    file.value = ''
    const size = `${(bytes.length / 1024 / 1024).toFixed(1)} MiB`
    reportError(file, `Expected a guideline under 1 MiB, not ${size}; split it into several guidelines`, { line: 1, column: 1 }, 'file-too-large')
    return file
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    file.value = ''
    const lenient = new TextDecoder('utf-8').decode(bytes)
    const offset = lenient.indexOf('\uFFFD')
    const before = lenient.slice(0, Math.max(offset, 0)).split('\n')
    reportError(file, 'Expected UTF-8 text; save the file as UTF-8', { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 }, 'file-not-utf8')
    return file
  }
  file.value = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  if (!kebabCase.test(id)) {
    reportError(file, `Expected a kebab-case file name such as \`bone-health.md\`, not \`${id}.md\`: the name becomes every output's name`, { line: 1, column: 1 }, 'file-name-invalid')
  }
  return file
}
