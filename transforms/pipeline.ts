import type { Root } from 'mdast'
import type { Point } from 'unist'
import type { VFile } from 'vfile'
import { numberReferences } from './shape/citations.ts'
import { emptyBibliography, type Bibliography } from './input/references.ts'
import { checkCoverage, type CoverageCell } from './gates/coverage.ts'
import { checkGlossaryLength } from './gates/glossary-length.ts'
import { checkSlideDensity, type SlideFigures } from './gates/density.ts'
import { readFrontMatter } from './input/front-matter.ts'
import { contactsFor, defaultConfig, type Contacts, type ProjectConfig } from './input/config-schema.ts'
import { parseGuideline } from './parse/parse.ts'
import { checkHandoutReadability, measureReadability, type ReadabilityFigures, type SentenceMemo } from './gates/readability.ts'
import { readOutput } from './gates/readable-text.ts'
import { hasErrors, reportError } from './messages.ts'
import { splitSections } from './format/sections.ts'
import { selectAudience } from './shape/select-audience.ts'
import { serializeOutput, type WrittenBlock } from './serialize/serialize.ts'
import { shapeAlerts } from './shape/alerts.ts'
import { resolveFragmentLinks } from './shape/fragment-links.ts'
import { shapeDeck } from './shape/deck.ts'
import { shapeHandout } from './shape/handout.ts'
import { shapeSummary } from './shape/summary.ts'
import type { Audience, Glossary, GuidelineMeta, Section } from './types.ts'
import { validateBody } from './validate/index.ts'
import type { OutputFile } from './types.ts'
import { labelsFor, type Labels } from './catalogue/labels.ts'

export interface PipelineContext {
  sourceDir: string
  glossary: Glossary
  /** The project's bibliography (`source/references.bib`, `.json`), for `[@key]` citations; none when not given. */
  bibliography?: Bibliography
  /** `YYYY-MM-DD`, for the next-review warning. */
  today: string
  /** The project's `guidepress.config.yaml` (input/config.ts); the defaults when not given. */
  config?: ProjectConfig
}

/** What the shapers take from the project config, resolved for one guideline. */
export interface ShapeProject {
  /** For the handout's contacts panel: the emergency number for the guideline's language, and the helplines. */
  contacts: Contacts
  /** The words guidepress writes, in the guideline's language (catalogue/labels.ts, with the config's `messages`). */
  labels: Labels
}

export interface GuidelineResult {
  file: VFile
  meta: GuidelineMeta
  /** Where each topic's section starts, for messages about that topic. */
  topicPlaces: Map<string, Point>
  outputs: OutputFile[]
  coverage: CoverageCell[]
  readability: Partial<Record<Audience, ReadabilityFigures>>
  /** Absent when the guideline builds no deck. */
  slides: SlideFigures | undefined
  /** The source's `##` sections (without their content), for source maps. */
  sections: SectionHeading[]
  /** Each output's tree as serialized; its nodes keep their source positions (see `source-map.ts`). */
  shaped: Partial<Record<Audience, Root>>
  /** The output lines each top-level block of `shaped` was written on (undefined when the serializer could not say). */
  written: Partial<Record<Audience, WrittenBlock[] | undefined>>
  /**
   * What the outputs were cut from, for a transform of the same source to start from (see
   * `PreparedGuideline`); kept only by a transform of some audiences (a build keeps its results
   * until it ends, and a library's source trees are not to be held that long).
   */
  prepared?: PreparedGuideline
}

export type SectionHeading = Omit<Section, 'children'>

export const outputFolders: Record<Audience, string> = { deck: 'decks', handout: 'handouts', summary: 'summaries' }

/**
 * One guideline, source to Markdown outputs, stage by stage. Problems become messages on `file`;
 * nothing is returned when any of them is an error. With `audiences`, only those of the
 * guideline's outputs are shaped, checked and written (`guidepress dev` shows the pages open in
 * the browser from them before the whole build): each is the same as in a whole transform, but a
 * problem of another output goes unseen, so such a result is never a build's.
 */
export function transformGuideline(file: VFile, context: PipelineContext, audiences?: readonly Audience[], prepared?: PreparedGuideline): GuidelineResult | undefined {
  try {
    return runStages(file, context, audiences, prepared)
  } catch (error) {
    // The guards in front-matter.ts refuse deep nesting; this is the backstop for shapes they miss.
    if (!(error instanceof RangeError)) throw error
    reportError(file, 'Unexpected structure nested too deeply to read; flatten nested lists, quotes or emphasis', { line: 1, column: 1 }, 'input-too-complex')
    return undefined
  }
}

/**
 * A guideline read, parsed, validated and its references numbered: what each output is cut from.
 * `guidepress dev` hands the one its early pages made to the build that follows at once, which then
 * reads, parses and checks nothing again. It stands for a file only with the same source and the
 * same context (`key`); the build right after is the only one to take it, as the checks of images
 * on disk are as they were when it was made.
 */
export interface PreparedGuideline {
  key: string
  /** The messages of stages 1–3 and the file's data (meta, topic ids…), given to the file it stands for. */
  messages: VFile['messages']
  data: VFile['data']
  tree: Root
}

function runStages(file: VFile, context: PipelineContext, audiences: readonly Audience[] | undefined, given: PreparedGuideline | undefined): GuidelineResult | undefined {
  const config = context.config ?? defaultConfig
  // The key (the whole source and context as JSON) is made only when there is something to match, or a transform of some audiences keeps it.
  const prepared = given && given.key === preparedKey(file, context) ? reusePrepared(file, given) : prepareGuideline(file, context, config, audiences !== undefined)
  const meta = file.data.meta
  if (!prepared || !meta) return undefined
  const tree = prepared.tree

  const sections = splitSections(tree).sections.map(({ children, ...heading }): SectionHeading => heading)
  const topicPlaces = new Map(sections.flatMap((section) => (section.topicId ? [[section.topicId, { line: section.line, column: section.column }] as const] : [])))
  const outputs: OutputFile[] = []
  const coverage: CoverageCell[] = []
  const readability: GuidelineResult['readability'] = {}
  const shapedTrees: GuidelineResult['shaped'] = {}
  const written: GuidelineResult['written'] = {}
  let slides: SlideFigures | undefined
  const sentences: SentenceMemo = new Map() // the outputs share most of their paragraphs: each is read once
  const project: ShapeProject = { contacts: contactsFor(config, meta.lang), labels: labelsFor(meta.lang, config.messages) }
  for (const audience of meta.outputs) {
    if (audiences && !audiences.includes(audience)) continue
    const selected = shapeAlerts(selectAudience(tree, audience), project.labels, project.contacts) // 4. select audience; alerts become boxes
    const shaped = shapers[audience](selected, meta, context.glossary, project) // 5. shape one output
    resolveFragmentLinks(shaped, audience, topicPlaces) //   #topic links go to what this output made of the topic
    shapedTrees[audience] = shaped
    const text = readOutput(shaped) // 6. what the gates read, in one walk
    coverage.push(...checkCoverage(file, meta, topicPlaces, audience, text.visible)) // 7. every topic reaches it
    readability[audience] = measureReadability(text.blocks, text.explainedTerms, meta.lang, undefined, sentences) // 8. readability, gated for patients
    if (audience === 'handout') checkHandoutReadability(file, readability[audience])
    if (audience === 'handout') checkGlossaryLength(file, text.glossaryEntries)
    if (audience === 'deck') slides = checkSlideDensity(file, shaped)
    const serialized = serializeOutput(shaped) // 9. serialize
    written[audience] = serialized.blocks
    outputs.push({ path: `${outputFolders[audience]}/${meta.id}.md`, text: serialized.text })
  }
  return hasErrors(file) ? undefined : { file, meta, topicPlaces, outputs, coverage, readability, slides, sections, shaped: shapedTrees, written, ...(audiences ? { prepared } : {}) }
}

function prepareGuideline(file: VFile, context: PipelineContext, config: ProjectConfig, kept: boolean): PreparedGuideline | undefined {
  const key = kept ? preparedKey(file, context) : ''
  const before = file.messages.length
  readFrontMatter(file, file.stem ?? '', context.today, config) //  1. front matter: YAML only, checked by the schema
  if (file.data.body === undefined) return undefined //      (no body to read without a front matter that ends)
  const tree = parseGuideline(file) //                     2. parse: Markdown, GFM, directives, {#id}s
  validateBody(tree, file, context) //                     3. validate: every body rule of the format
  const meta = file.data.meta
  if (!meta || hasErrors(file)) return undefined
  numberReferences(tree, context.bibliography ?? emptyBibliography, meta.lang) // one numbering for every output
  return { key, messages: file.messages.slice(before), data: { ...file.data }, tree }
}

function reusePrepared(file: VFile, prepared: PreparedGuideline): PreparedGuideline {
  file.messages.push(...prepared.messages)
  Object.assign(file.data, prepared.data)
  return prepared
}

/** Everything stages 1–3 read, but the disk: the source, and the context by content. */
function preparedKey(file: VFile, context: PipelineContext): string {
  const bibliography = context.bibliography ? [context.bibliography.complete, [...context.bibliography.entries].map(([key, entry]) => [key, entry.item, entry.file, entry.place])] : null
  return JSON.stringify([file.path, String(file.value), context.sourceDir, context.today, context.config ?? null, [...context.glossary], bibliography])
}

/** One output's shaper; the handout's takes `project.contacts` for its contacts panel. */
type Shaper = (tree: ReturnType<typeof selectAudience>, meta: GuidelineMeta, glossary: Glossary, project: ShapeProject) => ReturnType<typeof shapeDeck>

const shapers: Record<Audience, Shaper> = {
  deck: (tree, meta, _glossary, project) => shapeDeck(tree, meta, project.labels),
  handout: (tree, meta, glossary, project) => shapeHandout(tree, meta, glossary, project.labels, project.contacts),
  summary: (tree, meta, _glossary, project) => shapeSummary(tree, meta, project.labels)
}
