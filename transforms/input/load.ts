import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { VFile } from 'vfile'
import { readProjectFile } from './paths.ts'
import { kebabCaseId } from '../format/ids.ts'
import { reportError } from '../messages.ts'

export const sourceDir = 'source'
/**
 * Ten times the first guideline (about 26 KB). The Markdown parser needs seconds for every 50 KB of
 * pathological input (thousands of headings), so larger files are refused before parsing.
 */
const maxSourceBytes = 256 * 1024
export const guidelineIdPattern = kebabCaseId

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
  return guidelineFile(root, id, await readGuidelineSource(root, id))
}

/** A guideline's bytes, or why `source/<id>.md` cannot be read as one. */
export type GuidelineSource = { bytes: Uint8Array } | { problem: string }

/**
 * Reads `source/<id>.md` only once it is known to be a plain file inside `source/` (see
 * `readProjectFile`): a folder or a named pipe must not crash or hang the build, and a symbolic
 * link (of the file, or of `source/` itself) must not lead a build, say of a pull request, to read a
 * file outside the project into its outputs.
 */
export async function readGuidelineSource(root: string, id: string): Promise<GuidelineSource> {
  const relative = path.posix.join(sourceDir, `${id}.md`)
  const read = await readProjectFile(root, relative, sourceDir)
  if ('missing' in read) return { problem: `Expected \`${relative}\` to exist; it was removed while the build ran` }
  return read
}

/** A guideline's source (from disk, or from git for `guidepress diff`) as a vfile, checked as `loadGuideline` describes. */
export function guidelineFile(root: string, id: string, source: GuidelineSource): VFile {
  const file = new VFile({ cwd: root, path: path.posix.join(sourceDir, `${id}.md`) })
  if ('problem' in source) {
    file.value = ''
    reportError(file, source.problem, { line: 1, column: 1 }, 'file-not-regular')
    return file
  }
  const { bytes } = source
  if (bytes.length > maxSourceBytes) {
    file.value = ''
    const size = `${Math.ceil(bytes.length / 1024)} KiB`
    reportError(file, `Expected a guideline of at most ${maxSourceBytes / 1024} KiB, not ${size}; split it into several guidelines`, { line: 1, column: 1 }, 'file-too-large')
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
  if (!guidelineIdPattern.test(id)) {
    reportError(file, `Expected a kebab-case file name such as \`bone-health.md\`, not \`${id}.md\`: the name becomes every output's name`, { line: 1, column: 1 }, 'file-name-invalid')
  }
  return file
}
