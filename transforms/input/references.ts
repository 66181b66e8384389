import type { CslItem } from '@citation-js/core'
import type { Point } from 'unist'
import { VFile } from 'vfile'
import { readBibtex, type ReadEntry } from './bibtex.ts'
import { readCslJson } from './csl-json.ts'
import { readProjectFile } from './paths.ts'
import { reportError } from '../messages.ts'
import { vancouverFormatter } from './vancouver.ts'

/** The shared bibliography's files, in the order their keys are read. */
export const referencesPaths = ['source/references.bib', 'source/references.json'] as const
const referencesFolder = 'source'
/** A bibliography of some thousands of works; past this a file is refused unread. */
const maxReferencesBytes = 8 * 1024 * 1024

export interface ReferenceEntry {
  key: string
  item: CslItem
  /** Where the key is defined: `source/references.bib` or `source/references.json`, line and column. */
  file: string
  place: Point
}

export interface Bibliography {
  entries: ReadonlyMap<string, ReferenceEntry>
  /** False when a references file has an error: its error is reported, not each citation it would have resolved. */
  complete: boolean
  /** Each key's entry as plain text in Vancouver style (without its number), in the guideline's language where one is available. */
  format(keys: readonly string[], lang: string): Map<string, string>
}

export const emptyBibliography: Bibliography = { entries: new Map(), complete: true, format: () => new Map() }

/** A references file's text; `undefined` when there is none, `problem` when it must not be read. */
export type ReferencesText = string | undefined | { problem: string }

/**
 * Reads `source/references.bib` and `source/references.json` when they are there: plain files
 * inside `source/` only (a link leading out, a folder or a named pipe is an error, never read).
 */
export async function loadReferences(root: string): Promise<{ files: VFile[]; bibliography: Bibliography }> {
  const texts: ReferencesText[] = []
  for (const relative of referencesPaths) {
    const read = await readProjectFile(root, relative, referencesFolder)
    texts.push('problem' in read ? { problem: read.problem } : 'bytes' in read ? decode(read.bytes) : undefined)
  }
  return parseReferences(root, texts)
}

/** The bibliography from the files' texts (from disk, or from git for `guidepress diff`), in the order of `referencesPaths`. */
export async function parseReferences(root: string, texts: readonly ReferencesText[]): Promise<{ files: VFile[]; bibliography: Bibliography }> {
  const files: VFile[] = []
  const entries = new Map<string, ReferenceEntry>()
  const firstByFoldedKey = new Map<string, ReferenceEntry>()
  for (const [index, relative] of referencesPaths.entries()) {
    const given = texts[index]
    if (given === undefined) continue
    // A byte-order mark dropped and CRLF read as LF, as guidelines are read: line numbers stay the editor's.
    const text = typeof given === 'string' ? given.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n') : given
    const file = new VFile({ cwd: root, path: relative, value: typeof text === 'string' ? text : '' })
    files.push(file)
    if (typeof text !== 'string') {
      reportError(file, text.problem, { line: 1, column: 1 }, 'file-not-regular')
      continue
    }
    if (Buffer.byteLength(text) > maxReferencesBytes) {
      reportError(file, `Expected a references file of at most ${maxReferencesBytes / 1024 / 1024} MiB; keep only the works the guidelines cite`, { line: 1, column: 1 }, 'file-too-large')
      continue
    }
    const read: ReadEntry[] = relative.endsWith('.bib') ? await readBibtex(file, text) : readCslJson(file, text)
    for (const entry of read) {
      const first = firstByFoldedKey.get(entry.key.toLowerCase())
      if (first) {
        const where = `${first.file}:${first.place.line}:${first.place.column}`
        reportError(file, `Unexpected second definition of the reference key \`${entry.key}\` (first at ${where}); give each work one key (keys differing only in case are the same)`, entry.place, 'references-duplicate')
        continue
      }
      const doi = normalizedDoi(entry.item.DOI)
      if (doi === null) {
        reportError(file, `Expected the DOI of \`${entry.key}\` to look like \`10.1136/bmj.m1\` (a \`https://doi.org/\` address is fine too), not \`${String(entry.item.DOI)}\``, entry.place, 'references-invalid')
        continue
      }
      const accepted: ReferenceEntry = { key: entry.key, item: { ...entry.item, DOI: doi }, file: relative, place: entry.place }
      firstByFoldedKey.set(entry.key.toLowerCase(), accepted)
      entries.set(entry.key, accepted)
    }
  }
  const complete = !files.some((file) => file.messages.some((message) => message.fatal === true))
  return { files, bibliography: { entries, complete, format: entries.size > 0 ? await entriesFormatter(entries) : emptyBibliography.format } }
}

/** The bare DOI (`10.…/…`), `undefined` when none is given, `null` when what is given is no DOI. */
function normalizedDoi(value: unknown): string | undefined | null {
  if (value === undefined || value === null || value === '') return undefined
  if (typeof value !== 'string') return null
  const bare = value.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '')
  return /^10\.\d{4,9}\/\S+$/.test(bare) ? bare : null
}

/** The bibliography's `format`: the entries of the keys given, in that order, as `vancouver.ts` writes them. */
async function entriesFormatter(entries: ReadonlyMap<string, ReferenceEntry>): Promise<Bibliography['format']> {
  const format = await vancouverFormatter()
  return (keys, lang) => format(keys.flatMap((key) => entries.get(key)?.item ?? []), lang)
}

function decode(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes)
}
