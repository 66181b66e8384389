import type { VFile } from 'vfile'
import { checkCoverage, type CoverageCell } from './coverage.ts'
import type { GuidelineResult } from './pipeline.ts'
import { handoutGradeLimit } from './readability.ts'
import { renderAll, type CoverageRow, type IndexExtras, type IndexGuideline, type ReadabilityRow, type RenderReport } from './render/index.ts'

export interface RenderChoice {
  pdf: boolean
  pptx: boolean
  onFile?: (path: string) => void
  /** The Markdown outputs by path, so rendering needs nothing on disk yet. */
  markdown: ReadonlyMap<string, string>
  write: (relative: string, data: string | Uint8Array) => Promise<void>
  /** What dist/index.html shows for guidelines not rebuilt this time. */
  unchanged: Array<{ guideline: IndexGuideline; coverage: CoverageRow[]; readability: ReadabilityRow[] }>
}

export interface RenderedGuidelines {
  report: RenderReport
  /** The index rows of the guidelines rendered now, for the build cache. */
  index: Required<IndexExtras>
  pdfCoverage: CoverageCell[]
  files: VFile[]
}

/**
 * Renders built guidelines to `dist/` (HTML, and PDF and PPTX through one browser), then checks
 * that every topic's terms reached the text of every PDF too.
 */
export async function renderGuidelines(root: string, results: GuidelineResult[], choice: RenderChoice): Promise<RenderedGuidelines> {
  const index = indexExtras(results)
  const report = await renderAll(
    results.map((result) => result.meta),
    {
      root,
      pdf: choice.pdf,
      pptx: choice.pdf && choice.pptx,
      onFile: choice.onFile,
      markdown: choice.markdown,
      write: choice.write,
      unchangedGuidelines: choice.unchanged.map((entry) => entry.guideline),
      index: {
        coverage: [...index.coverage, ...choice.unchanged.flatMap((entry) => entry.coverage)],
        readability: [...index.readability, ...choice.unchanged.flatMap((entry) => entry.readability)]
      }
    }
  )
  const pdfCoverage: CoverageCell[] = []
  for (const result of results) {
    for (const [file, text] of Object.entries(report.pdfText)) {
      const [, id, name] = file.split('/')
      if (id !== result.meta.id || name === undefined) continue
      pdfCoverage.push(...checkCoverage(result.file, result.meta, result.topicPlaces, name, normalizePdfText(text)))
    }
  }
  return { report, index, pdfCoverage, files: results.map((result) => result.file) }
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
      const gated = audience === 'handout'
      readability.push({
        id: result.meta.id,
        output: audience,
        metric: 'Flesch–Kincaid grade',
        value: figures.grade,
        ...(gated ? { target: `≤ ${handoutGradeLimit.toFixed(1)}`, pass: figures.grade <= handoutGradeLimit } : {})
      })
      readability.push({ id: result.meta.id, output: audience, metric: 'SMOG index', value: figures.smog })
    }
  }
  return { coverage, readability }
}
