import { VFile } from 'vfile'
import { checkCoverage, type CoverageCell } from '../transforms/gates/coverage.ts'
import type { GuidelineResult } from '../transforms/pipeline.ts'
import type { ProjectConfig } from '../transforms/input/config-schema.ts'
import { readProjectFile } from '../transforms/input/paths.ts'
import { handoutGradeLimit } from '../transforms/gates/readability.ts'
import { reportWarning } from '../transforms/messages.ts'
import { sourceMapsOf, sourcePlaceOf, type SourceMap } from '../transforms/serialize/source-map.ts'
import type { RenderWarning } from './errors.ts'
import { extractPdfText } from './pdf-text.ts'
import type { BrowserSession } from './browser.ts'
import { renderAll, type CoverageRow, type IndexExtras, type IndexGuideline, type ReadabilityRow, type RenderOptions, type RenderReport } from './index.ts'

export interface RenderChoice {
  pdf: boolean
  pptx: boolean
  /** Speaker notes as annotations in deck.pdf. */
  pdfNotes?: boolean
  onFile?: (path: string) => void
  /** The Markdown outputs by path, so rendering needs nothing on disk yet. */
  markdown: ReadonlyMap<string, string>
  write: (relative: string, data: string | Uint8Array) => Promise<void>
  /** What dist/index.html shows for guidelines not rebuilt this time. */
  unchanged: Array<{ guideline: IndexGuideline; coverage: CoverageRow[]; readability: ReadabilityRow[] }>
  /** The build's browser, started early (see startBrowser), and whether to close it when its work is done (RenderOptions.closeSession). */
  session?: Promise<BrowserSession>
  closeSession?: boolean
  /** The project's config: paper, organisation and brand (the defaults when not given). */
  config?: ProjectConfig
  /** Pages to render first, and what to await once they are written (see RenderOptions.first). */
  first?: RenderOptions['first']
  /** Per guideline, outputs not rendered again (their files from the last build stand), and those files. */
  kept?: ReadonlyMap<string, { audiences: ReadonlySet<string>; files: readonly string[]; warnings?: readonly RenderWarning[] }>
}

export interface RenderedGuidelines {
  report: RenderReport
  /** The index rows of the guidelines rendered now, for the build cache. */
  index: Required<IndexExtras>
  pdfCoverage: CoverageCell[]
}

/**
 * Renders built guidelines to `dist/` (HTML, and PDF and PPTX through one browser), then checks
 * that every topic's terms reached the text of every PDF too.
 */
export async function renderGuidelines(root: string, results: GuidelineResult[], choice: RenderChoice): Promise<RenderedGuidelines> {
  const index = indexExtras(results)
  const kept = choice.kept ?? new Map()
  const report = await renderAll(
    results.map(({ meta }) => ({ ...meta, outputs: meta.outputs.filter((output) => !kept.get(meta.id)?.audiences.has(output)) })),
    {
      keptFiles: new Set([...kept.values()].flatMap((each) => each.files)),
      root,
      pdf: choice.pdf,
      pptx: choice.pdf && choice.pptx,
      ...(choice.config ? { paper: choice.config.paper, brand: choice.config.brand, organisation: choice.config.organisation, messages: choice.config.messages, lang: choice.config.lang } : {}),
      pdfNotes: choice.pdf && (choice.pdfNotes ?? false),
      onFile: choice.onFile,
      markdown: choice.markdown,
      write: choice.write,
      ...(choice.session ? { session: choice.session, closeSession: choice.closeSession ?? false } : {}),
      ...(choice.first ? { first: choice.first } : {}),
      unchangedGuidelines: choice.unchanged.map((entry) => entry.guideline),
      index: {
        coverage: [...index.coverage, ...choice.unchanged.flatMap((entry) => entry.coverage)],
        readability: [...index.readability, ...choice.unchanged.flatMap((entry) => entry.readability)]
      }
    }
  )
  // Kept files' findings from the build that made them, placed anew: the source may have moved round them.
  placeRenderWarnings(results, [...report.warnings, ...[...kept.values()].flatMap((each) => each.warnings ?? [])])
  const pdfCoverage: CoverageCell[] = []
  for (const result of results) {
    for (const [file, text] of Object.entries(report.pdfText)) {
      const [, id, name] = file.split('/')
      if (id !== result.meta.id || name === undefined) continue
      pdfCoverage.push(...checkCoverage(result.file, result.meta, result.topicPlaces, name, normalizePdfText(text)))
    }
  }
  return { report, index, pdfCoverage }
}

/**
 * Coverage of the PDFs a previous build left in `dist/` (for `guidepress report`): one column per
 * PDF, keyed by guideline id. Guidelines not built yet get no columns.
 */
export async function builtPdfCoverage(root: string, results: GuidelineResult[]): Promise<Record<string, Record<string, CoverageCell[]>>> {
  const columns: Record<string, Record<string, CoverageCell[]>> = {}
  for (const result of results) {
    const id = result.meta.id
    for (const name of ['deck.pdf', 'handout.pdf', 'summary.pdf']) {
      // A pipe or a link out of the project where a PDF belongs is not read (the build refuses it).
      const read = await readProjectFile(root, `dist/${id}/${name}`)
      if (!('bytes' in read)) continue
      const bytes = read.bytes
      // Messages go to a scratch file: the report shows the matrix, the build is what fails.
      const scratch = new VFile()
      columns[id] = { ...columns[id], [name]: checkCoverage(scratch, result.meta, result.topicPlaces, name, normalizePdfText(await extractPdfText(bytes))) }
    }
  }
  return columns
}

/**
 * Puts each finding of the renderer on its guideline's file, at the source of the slide it is
 * about (the slide's first block that came from the source, or its section's heading), so it is
 * printed with file:line:column and rule id like every other message.
 */
function placeRenderWarnings(results: GuidelineResult[], warnings: RenderWarning[]): void {
  for (const warning of warnings) {
    const result = results.find((each) => each.meta.id === warning.id)
    if (!result) continue
    const deckMap = warning.slide === undefined ? undefined : sourceMapsOf(result).find((each) => each.audience === 'deck')?.map
    let place = deckMap && warning.slide !== undefined ? slidePlace(deckMap, warning.slide) : undefined
    if (warning.outputLine !== undefined) {
      const audience = warning.output.replace(/\.(pdf|html)$/, '')
      const map = sourceMapsOf(result).find((each) => each.audience === audience)?.map
      const at = map ? sourcePlaceOf(map, warning.outputLine) : undefined
      if (at?.line !== undefined) place = { line: at.line, column: at.column ?? 1 }
    }
    // A nearly empty slide that no source block made (the agenda) is guidepress's to fill, not the author's.
    if (warning.ruleId === 'slide-sparse-rendered' && !place) continue
    reportWarning(result.file, warning.message, place, warning.ruleId)
  }
}

/** Where slide `slide` (1-based) comes from: slides are separated by the deck's generated thematic breaks. */
function slidePlace(map: SourceMap, slide: number): { line: number; column: number } | undefined {
  let current = 1
  for (const block of map.blocks) {
    if (block.type === 'thematicBreak' && block.generated) current += 1
    else if (current === slide && block.source) return block.source
    if (current > slide) break
  }
  return undefined
}

/** PDF text breaks words at line ends with hyphens and spreads phrases over lines. */
function normalizePdfText(text: string): string {
  return text.replace(/(\p{L})-\s*\n\s*(\p{Ll})/gu, '$1$2').replace(/\s+/g, ' ')
}

function indexExtras(results: GuidelineResult[]): Required<IndexExtras> {
  const coverage: CoverageRow[] = []
  const readability: ReadabilityRow[] = []
  for (const result of results) {
    for (const topic of result.meta.topics) {
      for (const term of topic.terms) {
        const present: CoverageRow['present'] = {}
        for (const audience of result.meta.outputs) {
          const cell = result.coverage.find((each) => each.topicId === topic.id && each.output === audience)
          present[audience] = cell?.found.includes(term) ?? false
        }
        coverage.push({ id: result.meta.id, term: `${topic.title}: ${term}`, present })
      }
    }
    for (const audience of result.meta.outputs) {
      const figures = result.readability[audience]
      if (!figures) continue
      const gated = audience === 'handout' && figures.gated
      readability.push({
        id: result.meta.id,
        output: audience,
        metric: figures.formula,
        value: figures.grade,
        ...(gated ? { target: `≤ ${handoutGradeLimit.toFixed(1)}`, pass: figures.grade <= handoutGradeLimit } : {})
      })
      readability.push({ id: result.meta.id, output: audience, metric: 'SMOG index', value: figures.smog })
    }
  }
  return { coverage, readability }
}
