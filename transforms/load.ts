import { readdir, readFile, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import { VFile } from 'vfile'
import { isInside } from './paths.ts'
import { reportError } from './report.ts'

export const sourceDir = 'source'
/**
 * Ten times the first guideline (about 26 KB). The Markdown parser needs seconds for every 50 KB of
 * pathological input (thousands of headings), so larger files are refused before parsing.
 */
const maxSourceBytes = 256 * 1024
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
  return guidelineFile(root, id, await readGuidelineSource(root, id))
}

/** A guideline's bytes, or why `source/<id>.md` cannot be read as one. */
export type GuidelineSource = { bytes: Uint8Array } | { problem: string }

/** Reads `source/<id>.md` only once it is known to be a plain file inside `source/`. */
export async function readGuidelineSource(root: string, id: string): Promise<GuidelineSource> {
  const problem = await guidelineFileProblem(root, id)
  return problem ? { problem } : { bytes: await readFile(path.join(root, sourceDir, `${id}.md`)) }
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
  if (!kebabCase.test(id)) {
    reportError(file, `Expected a kebab-case file name such as \`bone-health.md\`, not \`${id}.md\`: the name becomes every output's name`, { line: 1, column: 1 }, 'file-name-invalid')
  }
  return file
}

/**
 * Why `source/<id>.md` cannot be read as a guideline, or undefined when it can. Checked before reading:
 * a folder or a named pipe must not crash or hang the build, and a symbolic link must not lead a
 * build (say, of a pull request) to read a file outside `source/` into its outputs.
 */
async function guidelineFileProblem(root: string, id: string): Promise<string | undefined> {
  const relative = path.posix.join(sourceDir, `${id}.md`)
  const name = `\`${relative}\``
  let real: string
  try {
    real = await realpath(path.join(root, relative))
  } catch {
    return `Expected ${name} to be a file; it is a link to nothing (remove it or point it at a file in \`${sourceDir}/\`)`
  }
  const folder = await realpath(path.join(root, sourceDir))
  if (!isInside(folder, real)) {
    return `Unexpected link: ${name} leads outside \`${sourceDir}/\`; copy the guideline into \`${sourceDir}/\` instead`
  }
  const kind = await stat(real)
  if (!kind.isFile()) {
    return `Expected ${name} to be a file, not ${kind.isDirectory() ? 'a folder' : 'a special file'}; rename it so it does not end in \`.md\``
  }
  return undefined
}
