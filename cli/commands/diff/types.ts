import type { Audience } from '../../../transforms/types.ts'

/**
 * What `guidepress diff <ref> --json` prints. Keys are always present (`null` when empty) and
 * lists keep document order, so the JSON is stable for scripts; `version` changes with the shape.
 */
export interface DiffReport {
  version: 1
  /** The ref as given, and the commit it named. */
  ref: string
  commit: string
  /** Guidelines whose source, or the glossary or bibliography they use, changed since the ref; sorted by id. */
  guidelines: GuidelineDiff[]
}

export interface GuidelineDiff {
  id: string
  /** The title now, or at the ref for a removed guideline. */
  title: string
  change: 'added' | 'removed' | 'changed'
  /** The inputs that changed: `source/<id>.md`, `source/glossary.yml`, `source/references.bib`, `source/references.json`. */
  inputs: string[]
  /** Errors the guideline had at the ref; when there were any, its outputs there count as missing. */
  oldErrors: number
  /** One per output either side builds: deck, handout, summary. */
  outputs: OutputDiff[]
}

export interface OutputDiff {
  output: Audience
  /** The output's path, such as `handouts/<id>.md`. */
  path: string
  change: 'added' | 'removed' | 'changed' | 'unchanged'
  sections: SectionDiff[]
  figures: FigureChange[]
}

/**
 * A section of an output that was added, removed or changed. Sections are matched by their
 * `{#id}`, or by their title when they have none; the parts guidepress writes itself (title,
 * agenda, references, "Words to know") are matched by their heading and have `generated: true`.
 */
export interface SectionDiff {
  change: 'added' | 'removed' | 'changed'
  id: string | null
  title: string
  generated: boolean
  /** Where the section's heading is in the source: now, or at the ref for a removed section. */
  source: SourceRef | null
  /** How many lines of the output it has (at the ref for a removed section). */
  lines: number
  /** For a changed section, each changed sentence (outputs hold one sentence per line). */
  sentences: SentenceDiff[]
}

export interface SourceRef {
  file: string
  line: number
  column: number
  /** `new`: the working tree; `old`: the file at the ref. */
  side: 'new' | 'old'
}

export interface SentenceDiff {
  change: 'added' | 'removed' | 'changed'
  /** The sentence at the ref and now, without list, quote or heading marks. */
  old: string | null
  new: string | null
  /** Word-diffed for a pull-request comment: removed words as `~~…~~`, added words as `**…**`. */
  markdown: string
  /** The sentence's line in the output: now, or at the ref for a removed sentence. */
  outputLine: number
  /** Where its block starts in the source (from the source map), on the same side as `outputLine`. */
  source: SourceRef | null
}

/** A quality figure that moved: readability grade, coverage of a topic's term, slide count. */
export type FigureChange =
  | { kind: 'readability'; old: number | null; new: number | null; text: string }
  | { kind: 'coverage'; topic: string; term: string; old: boolean; new: boolean; text: string }
  | { kind: 'slides'; old: number | null; new: number | null; text: string }
