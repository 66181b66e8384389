import type { Root, RootContent } from 'mdast'
import { glossaryPath } from '../input/glossary.ts'
import { sourceMapName } from './outputs.ts'
import type { WrittenBlock } from './serialize.ts'
import { firstPosition } from '../format/text.ts'
import { outputFolders, type GuidelineResult, type SectionHeading } from '../pipeline.ts'
import type { Audience } from '../types.ts'
import type { OutputFile } from '../types.ts'

const sourceMapVersion = 1

/** One block of an output (a top-level block, or one item of a top-level list) and where it came from. */
export interface SourceMapBlock {
  /** Output lines, 1-based and inclusive. */
  output: { start: number; end: number }
  /** Where the block's text starts in the source; for generated blocks, the section heading they belong to. */
  source?: { line: number; column: number }
  /** Topic id of the `##` section the block belongs to (absent for sections without `{#id}`). */
  section?: string
  /** Heading text of that section: the only name a section without `{#id}` has. */
  sectionTitle?: string
  /** Written by guidepress (titles, agenda, labels, notices) rather than copied from the source. */
  generated?: true
  /** `glossary`: an entry of "Words to know", explained in `source/glossary.yml`. */
  origin?: 'glossary'
  /** The mdast type of the block: `heading`, `paragraph`, `listItem`, … */
  type: string
}

export interface SourceMap {
  version: typeof sourceMapVersion
  /** The guideline source, relative to the project root. */
  source: string
  /** The output the blocks are in, relative to the project root. */
  output: string
  blocks: SourceMapBlock[]
}

/** A place an output line traces back to. */
export interface SourcePlace {
  file: string
  line?: number
  column?: number
  section?: string
  sectionTitle?: string
  generated?: true
}


/** The source map of every output of a transformed guideline, in the order of `result.outputs`. */
export function sourceMapsOf(result: GuidelineResult): Array<{ audience: Audience; map: SourceMap }> {
  return result.meta.outputs.flatMap((audience) => {
    const shaped = result.shaped[audience]
    const output = result.outputs.find((each) => each.path === `${outputFolders[audience]}/${result.meta.id}.md`)
    if (!shaped || !output) return []
    return [{ audience, map: buildSourceMap(shaped, result.written[audience], result.sections, { source: result.file.path, output: output.path }) }]
  })
}

/** `dist/<id>/<output>.map.json` for each output, ready to stage with the other dist files. */
export function sourceMapFiles(result: GuidelineResult): OutputFile[] {
  return sourceMapsOf(result).map(({ audience, map }) => ({ path: sourceMapPath(result.meta.id, audience), text: serializeSourceMap(map) }))
}

/** JSON with one block per line: compact, and still easy to read and to diff. */
function serializeSourceMap(map: SourceMap): string {
  const blocks = map.blocks.map((block) => `    ${JSON.stringify(block)}`).join(',\n')
  const head = [`"version": ${map.version}`, `"source": ${JSON.stringify(map.source)}`, `"output": ${JSON.stringify(map.output)}`].map((field) => `  ${field},`)
  return `{\n${head.join('\n')}\n  "blocks": [${blocks === '' ? '' : `\n${blocks}\n  `}]\n}\n`
}

function sourceMapPath(id: string, audience: Audience): string {
  return `dist/${id}/${sourceMapName(audience)}`
}

/**
 * Pairs the blocks of a shaped tree with the lines the serializer wrote each on (`serializeOutput`):
 * the tree knows each block's source position, the serializer where it put it. When the serializer
 * could not say (see `written-lines.ts`), a map with no blocks says nothing rather than something wrong.
 */
function buildSourceMap(shaped: Root, written: WrittenBlock[] | undefined, sections: SectionHeading[], paths: { source: string; output: string }): SourceMap {
  const headings = new Map(sections.map((section) => [section.line, section]))
  const owners = sectionOwners(shaped.children, headings)
  const blocks: SourceMapBlock[] = []
  if (written?.length === shaped.children.length) {
    shaped.children.forEach((node, index) => {
      const lines = written[index] as WrittenBlock
      const section = owners.get(node)
      const fromGlossary = node.type === 'list' && node.data?.fromGlossary === true
      // A top-level list maps item by item, so each bullet traces to its own source line.
      const pieces: Array<[RootContent, SourceMapBlock['output']]> =
        node.type === 'list' && lines.items?.length === node.children.length ? node.children.map((item, at) => [item, lines.items?.[at] ?? lines]) : [[node, { start: lines.start, end: lines.end }]]
      for (const [piece, output] of pieces) blocks.push(mapBlock(piece, { start: output.start, end: output.end }, section, fromGlossary))
    })
  }
  return { version: sourceMapVersion, source: paths.source, output: paths.output, blocks }
}

function mapBlock(node: RootContent, output: SourceMapBlock['output'], section: SectionHeading | undefined, fromGlossary: boolean): SourceMapBlock {
  const block: SourceMapBlock = { type: node.type, output }
  const start = fromGlossary ? undefined : firstPosition(node)?.start
  if (start) block.source = { line: start.line, column: start.column }
  else if (section) block.source = { line: section.line, column: section.column }
  if (section?.topicId) block.section = section.topicId
  if (section) block.sectionTitle = section.title
  if (!start) block.generated = true
  if (fromGlossary) block.origin = 'glossary'
  return block
}

/**
 * Which source section each top-level block belongs to. A heading placed at a section's source
 * heading opens that section; a generated `#`/`##` heading (agenda, references, "Words to know")
 * closes it. A generated slide break or class comment belongs to the slide it opens; one that opens
 * no section's slide (agenda, references, the handout's closing lines) closes the section too.
 */
function sectionOwners(children: RootContent[], headings: ReadonlyMap<number, SectionHeading>): Map<RootContent, SectionHeading> {
  const owners = new Map<RootContent, SectionHeading>()
  const sectionAt = (node: RootContent | undefined) => (node?.type === 'heading' && node.position ? headings.get(node.position.start.line) : undefined)
  let current: SectionHeading | undefined
  children.forEach((node, index) => {
    if (opensSlide(node)) {
      const opened = sectionAt(children.slice(index + 1).find((next) => !opensSlide(next)))
      if (opened) owners.set(node, opened)
      else current = undefined
      return
    }
    if (node.type === 'heading') {
      const opened = sectionAt(node)
      if (opened) current = opened
      else if (!node.position && node.depth <= 2) current = undefined
    }
    if (current) owners.set(node, current)
  })
  return owners
}

/** A generated thematic break or comment: what starts a slide (or the handout's closing lines). */
function opensSlide(node: RootContent): boolean {
  return !node.position && (node.type === 'thematicBreak' || node.type === 'html')
}

/**
 * The source place an output line comes from: the block holding the line (a list item, a
 * paragraph…), or undefined for blank lines. Glossary entries point at the glossary file.
 */
export function sourcePlaceOf(map: SourceMap, outputLine: number): SourcePlace | undefined {
  const block = map.blocks.find((each) => each.output.start <= outputLine && outputLine <= each.output.end)
  if (!block) return undefined
  const place: SourcePlace = { file: block.origin === 'glossary' ? glossaryPath : map.source }
  if (block.source && block.origin !== 'glossary') Object.assign(place, block.source)
  if (block.section) place.section = block.section
  if (block.sectionTitle) place.sectionTitle = block.sectionTitle
  if (block.generated) place.generated = true
  return place
}
