import path from 'node:path'
import type { VFile } from 'vfile'
import { loadConfig } from '../../../transforms/input/config.ts'
import { glossaryPath, parseGlossary } from '../../../transforms/input/glossary.ts'
import { guidelineFile, listGuidelineIds, readGuidelineSource, sourceDir, type GuidelineSource } from '../../../transforms/input/load.ts'
import { transformGuideline, type GuidelineResult, type PipelineContext } from '../../../transforms/pipeline.ts'
import { readProjectFileOrThrow } from '../../../transforms/input/paths.ts'
import { parseReferences, referencesPaths } from '../../../transforms/input/references.ts'
import { hasErrors } from '../../../transforms/messages.ts'
import type { Glossary } from '../../../transforms/types.ts'
import type { Bibliography } from '../../../transforms/input/references.ts'
import { compareOutputs, type Side } from './compare.ts'
import { openSnapshot } from './git.ts'
import type { DiffReport, GuidelineDiff } from './types.ts'

export interface DiffOptions {
  root: string
  /** A git ref: commit, branch, tag, `HEAD~1`… */
  ref: string
  /** `YYYY-MM-DD`; today in UTC when not given. */
  today?: string
}

/** The report, or, when the working tree's side does not build, its files with their located messages. */
export type DiffOutcome = { ok: true; report: DiffReport } | { ok: false; files: VFile[] }

interface Inputs {
  id: string
  old: Uint8Array | undefined
  /** Read as `build` reads it: a link leading out of source/, a folder or a pipe is an error, not read. */
  now: GuidelineSource | undefined
}

/**
 * Compares each guideline's outputs at a git ref with those of the working tree. Both sides run
 * through the pipeline in memory: the old one from `git show <ref>:source/…`, the new one from
 * disk. Nothing is written. Only guidelines whose source or glossary changed are compared; a
 * glossary change counts for those whose outputs it changes.
 */
export async function computeDiff(options: DiffOptions): Promise<DiffOutcome> {
  const { root, ref } = options
  const snapshot = await openSnapshot(root, ref)
  const oldGlossary = await snapshot.read(glossaryPath)
  const newGlossary = await readProjectFileOrThrow(root, glossaryPath)
  const glossaryChanged = !sameBytes(oldGlossary, newGlossary)
  const oldReferences = await Promise.all(referencesPaths.map((file) => snapshot.read(file)))
  const newReferences = await Promise.all(referencesPaths.map((file) => readProjectFileOrThrow(root, file)))
  const referencesChanged = referencesPaths.filter((_file, index) => !sameBytes(oldReferences[index], newReferences[index]))

  const oldIds = await snapshot.guidelineIds()
  const newIds = await listGuidelineIds(root)
  const changed: Inputs[] = []
  for (const id of [...new Set([...oldIds, ...newIds])].sort()) {
    const old = oldIds.includes(id) ? await snapshot.read(`${sourceDir}/${id}.md`) : undefined
    const now = newIds.includes(id) ? await readGuidelineSource(root, id) : undefined
    if (glossaryChanged || referencesChanged.length > 0 || !sameBytes(old, bytesOf(now))) changed.push({ id, old, now })
  }

  const today = options.today ?? new Date().toISOString().slice(0, 10)
  // Both sides with the working tree's config: a config change itself is not compared (yet).
  const { file: configFile, config } = await loadConfig(root)
  const contextWith = (glossary: Glossary, bibliography: Bibliography): PipelineContext => ({ sourceDir: path.join(root, sourceDir), glossary, bibliography, today, config })
  const newGlossaryRead = parseGlossary(root, decode(newGlossary))
  const newReferencesRead = await parseReferences(root, newReferences.map(decode))
  const newContext = contextWith(newGlossaryRead.glossary, newReferencesRead.bibliography)
  const oldContext = contextWith(parseGlossary(root, decode(oldGlossary)).glossary, (await parseReferences(root, oldReferences.map(decode))).bibliography)

  const files: VFile[] = [...(configFile ? [configFile] : []), newGlossaryRead.file, ...newReferencesRead.files]
  const compared: Array<{ inputs: Inputs; before: Transformed | undefined; after: Transformed | undefined }> = []
  for (const inputs of changed) {
    const after = inputs.now && transform(root, inputs.id, inputs.now, newContext)
    if (after) files.push(after.file)
    compared.push({ inputs, before: inputs.old && transform(root, inputs.id, { bytes: inputs.old }, oldContext), after })
  }
  if (files.some(hasErrors)) return { ok: false, files }

  const guidelines = compared.flatMap(({ inputs, before, after }) => {
    const sourceChanged = !sameBytes(inputs.old, bytesOf(inputs.now))
    const diff = guidelineDiff(inputs.id, before, after, sourceChanged, glossaryChanged, referencesChanged)
    // A glossary or bibliography edit is listed only under the guidelines whose outputs it changed.
    return sourceChanged || diff.outputs.some((output) => output.change !== 'unchanged') ? [diff] : []
  })
  return { ok: true, report: { version: 1, ref, commit: snapshot.commit, guidelines } }
}

interface Transformed {
  file: VFile
  result: GuidelineResult | undefined
}

function transform(root: string, id: string, source: GuidelineSource, context: PipelineContext): Transformed {
  const file = guidelineFile(root, id, source)
  return { file, result: hasErrors(file) ? undefined : transformGuideline(file, context) }
}

function guidelineDiff(id: string, before: Transformed | undefined, after: Transformed | undefined, sourceChanged: boolean, glossaryChanged: boolean, referencesChanged: string[]): GuidelineDiff {
  const oldSide: Side | undefined = before?.result && { result: before.result, side: 'old' }
  const newSide: Side | undefined = after?.result && { result: after.result, side: 'new' }
  const usesGlossary = [oldSide, newSide].some((side) => side?.result.meta.outputs.includes('handout'))
  const outputs = compareOutputs(id, oldSide, newSide)
  const referencesReached = outputs.some((output) => output.change !== 'unchanged') ? referencesChanged : []
  return {
    id,
    title: newSide?.result.meta.title ?? oldSide?.result.meta.title ?? id,
    change: !before ? 'added' : !after ? 'removed' : 'changed',
    inputs: [...(sourceChanged ? [`${sourceDir}/${id}.md`] : []), ...(glossaryChanged && usesGlossary ? [glossaryPath] : []), ...referencesReached],
    oldErrors: before?.file.messages.filter((message) => message.fatal === true).length ?? 0,
    outputs
  }
}

/** The bytes of a readable source; a problem reads as no bytes, so it always counts as a change. */
function bytesOf(source: GuidelineSource | undefined): Uint8Array | undefined {
  return source && 'bytes' in source ? source.bytes : undefined
}

function sameBytes(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  return a === undefined || b === undefined ? a === b : Buffer.compare(a, b) === 0
}

/** As `loadGlossary` and `loadReferences` read the file. */
function decode(bytes: Uint8Array | undefined): string | undefined {
  return bytes === undefined ? undefined : Buffer.from(bytes).toString('utf8')
}
