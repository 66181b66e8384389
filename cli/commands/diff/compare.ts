import { diffArrays } from 'diff'
import { outputFolders, type GuidelineResult } from '../../../transforms/pipeline.ts'
import { sourceMapsOf } from '../../../transforms/serialize/source-map.ts'
import { audiences } from '../../../transforms/types.ts'
import { figureChanges } from './figures.ts'
import { outputParts, type OutputPart, type PartLine } from './parts.ts'
import type { OutputDiff, SectionDiff, SentenceDiff, SourceRef } from './types.ts'
import { markChange, similarity, wordDiff } from './words.ts'

/** One side of the comparison: a guideline transformed from its source at the ref or now. */
export interface Side {
  result: GuidelineResult
  side: 'old' | 'new'
}

/** Every output either side builds, in deck, handout, summary order, compared section by section. */
export function compareOutputs(id: string, before: Side | undefined, after: Side | undefined): OutputDiff[] {
  const oldOutputs = builtOutputs(before)
  const newOutputs = builtOutputs(after)
  return audiences.flatMap((audience) => {
    const old = oldOutputs.get(audience)
    const now = newOutputs.get(audience)
    if (!old && !now) return []
    const path = `${outputFolders[audience]}/${id}.md`
    const change = !old ? 'added' : !now ? 'removed' : old.text === now.text ? 'unchanged' : 'changed'
    const sections = change === 'unchanged' ? [] : compareParts(old?.parts ?? [], now?.parts ?? [], old?.source, now?.source)
    const figures = before && after ? figureChanges(audience, before.result, after.result) : []
    return [{ output: audience, path, change, sections, figures }]
  })
}

interface BuiltOutput {
  text: string
  parts: OutputPart[]
  source: { file: string; side: 'old' | 'new' }
}

/** Each output of one side split into its sections, by its source map. */
function builtOutputs(side: Side | undefined): Map<string, BuiltOutput> {
  const outputs = new Map<string, BuiltOutput>()
  if (!side) return outputs
  for (const { audience, map } of sourceMapsOf(side.result)) {
    const text = side.result.outputs.find((output) => output.path === map.output)?.text ?? ''
    outputs.set(audience, { text, parts: outputParts(map, text, side.result.sections), source: { file: map.source, side: side.side } })
  }
  return outputs
}

/** Sections added, removed and changed, in the order of the new output (a removed one where it was). */
function compareParts(old: OutputPart[], now: OutputPart[], oldSource: BuiltOutput['source'] | undefined, newSource: BuiltOutput['source'] | undefined): SectionDiff[] {
  const diffs: SectionDiff[] = []
  const oldKeys = old.map((part) => part.key)
  let flushed = 0
  const flushRemoved = (until: number) => {
    for (; flushed < until; flushed++) {
      const part = old[flushed] as OutputPart
      if (!now.some((each) => each.key === part.key)) diffs.push(sectionDiff('removed', part, oldSource, []))
    }
  }
  for (const part of now) {
    const index = oldKeys.indexOf(part.key)
    if (index >= flushed) flushRemoved(index)
    const previous = old[index]
    if (!previous) {
      diffs.push(sectionDiff('added', part, newSource, []))
      continue
    }
    // Compared without list and quote marks: a change of layout alone is not a changed sentence.
    if (previous.lines.map((line) => line.text).join('\n') === part.lines.map((line) => line.text).join('\n')) continue
    diffs.push(sectionDiff('changed', part, newSource, sentenceDiffs(previous.lines, part.lines, oldSource, newSource)))
  }
  flushRemoved(old.length)
  return diffs
}

function sectionDiff(change: SectionDiff['change'], part: OutputPart, source: BuiltOutput['source'] | undefined, sentences: SentenceDiff[]): SectionDiff {
  return { change, id: part.id, title: part.title, generated: part.generated, source: sourceRef(source, part.heading), lines: part.lines.length, sentences }
}

function sourceRef(source: BuiltOutput['source'] | undefined, place: { line: number; column: number } | null): SourceRef | null {
  return source && place ? { file: source.file, line: place.line, column: place.column, side: source.side } : null
}

/** The sentences (lines) that changed: runs of removed and added lines are paired by similarity and word-diffed. */
function sentenceDiffs(old: PartLine[], now: PartLine[], oldSource: BuiltOutput['source'] | undefined, newSource: BuiltOutput['source'] | undefined): SentenceDiff[] {
  const diffs: SentenceDiff[] = []
  let oldAt = 0
  let newAt = 0
  let removed: PartLine[] = []
  let added: PartLine[] = []
  const flush = () => {
    diffs.push(...pairLines(removed, added, oldSource, newSource))
    removed = []
    added = []
  }
  for (const change of diffArrays(old.map((line) => line.text), now.map((line) => line.text))) {
    if (change.removed) removed.push(...old.slice(oldAt, (oldAt += change.count)))
    else if (change.added) added.push(...now.slice(newAt, (newAt += change.count)))
    else {
      flush()
      oldAt += change.count
      newAt += change.count
    }
  }
  flush()
  return diffs
}

/** Pairs each removed line with the most similar added line after the last pair (half its words or more in common). */
function pairLines(removed: PartLine[], added: PartLine[], oldSource: BuiltOutput['source'] | undefined, newSource: BuiltOutput['source'] | undefined): SentenceDiff[] {
  const diffs: SentenceDiff[] = []
  let nextAdded = 0
  for (const line of removed) {
    let best = -1
    let bestScore = 0
    for (let index = nextAdded; index < added.length; index++) {
      const score = similarity(line.text, (added[index] as PartLine).text)
      if (score >= 0.5 && score > bestScore) [best, bestScore] = [index, score]
    }
    if (best === -1) {
      diffs.push({ change: 'removed', old: line.text, new: null, markdown: markChange({ old: line.text, now: '', changed: true }), outputLine: line.line, source: sourceRef(oldSource, line.source) })
      continue
    }
    for (const extra of added.slice(nextAdded, best)) diffs.push(addedSentence(extra, newSource))
    const match = added[best] as PartLine
    diffs.push({ change: 'changed', old: line.text, new: match.text, markdown: wordDiff(line.text, match.text), outputLine: match.line, source: sourceRef(newSource, match.source) })
    nextAdded = best + 1
  }
  for (const extra of added.slice(nextAdded)) diffs.push(addedSentence(extra, newSource))
  return diffs
}

function addedSentence(line: PartLine, source: BuiltOutput['source'] | undefined): SentenceDiff {
  return { change: 'added', old: null, new: line.text, markdown: markChange({ old: '', now: line.text, changed: true }), outputLine: line.line, source: sourceRef(source, line.source) }
}
