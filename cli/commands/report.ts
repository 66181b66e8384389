import type { CoverageCell } from '../../transforms/gates/coverage.ts'
import type { GuidelineResult } from '../../transforms/pipeline.ts'
import { handoutGradeLimit, type ReadabilityFigures } from '../../transforms/gates/readability.ts'
import { gatedLanguages } from '../../transforms/gates/readability-formulas.ts'
import { slideLimits } from '../../transforms/shape/slides.ts'
import { markdownLiteral } from '../../transforms/format/text.ts'
import type { Audience } from '../../transforms/types.ts'

/** Extra coverage columns, such as the text of built PDFs, keyed by column name. */
export type ExtraCoverage = Record<string, CoverageCell[]>

/** The coverage matrix and every figure, as Markdown for a pull-request comment. */
export function reportMarkdown(results: GuidelineResult[], extra: Record<string, ExtraCoverage> = {}): string {
  const lines = ['# guidepress report', '']
  for (const result of results) lines.push(...guidelineReport(result, extra[result.meta.id] ?? {}), '')
  return `${lines.join('\n').trimEnd()}\n`
}

function guidelineReport(result: GuidelineResult, extra: ExtraCoverage): string[] {
  const { meta } = result
  const columns: Array<[string, CoverageCell[]]> = [
    ...meta.outputs.map((audience): [string, CoverageCell[]] => [audience, result.coverage.filter((cell) => cell.output === audience)]),
    ...Object.entries(extra)
  ]
  const cells = columns.flatMap(([, column]) => column)
  const missing = cells.reduce((sum, cell) => sum + cell.missing.length, 0)
  const total = cells.reduce((sum, cell) => sum + cell.found.length + cell.missing.length, 0)
  const lines = [
    `## ${markdownLiteral(meta.title)} (\`${meta.id}\`) · v${meta.version} · ${meta.status}`,
    '',
    `**Coverage:** ${missing === 0 ? '✅' : '❌'} ${total - missing} of ${total} topic terms found across ${columns.length} outputs.`,
    '',
    `| topic | ${columns.map(([name]) => name).join(' | ')} |`,
    `| --- | ${columns.map(() => '---').join(' | ')} |`
  ]
  for (const topic of meta.topics) {
    const row = columns.map(([, column]) => coverageCell(column.find((cell) => cell.topicId === topic.id)))
    lines.push(`| ${markdownLiteral(topic.title)} (\`${topic.id}\`) | ${row.join(' | ')} |`)
  }
  const first = Object.values(result.readability)[0]
  lines.push('', `**Readability** (grade: ${first?.formula ?? 'Flesch–Kincaid grade'}; SMOG index; of body sentences; only the handout is gated)`, '', '| output | grade | SMOG | words | sentences | gate |', '| --- | --- | --- | --- | --- | --- |')
  for (const audience of meta.outputs) {
    const figures = result.readability[audience]
    if (figures) lines.push(readabilityRow(audience, figures))
  }
  if (first && !first.gated) {
    lines.push('', `The handout is not gated: its language is \`${meta.lang}\`, and guidepress has readability formulas for ${gatedLanguages.map((tag) => `\`${tag}\``).join(' and ')} only (the figures above are English formulas).`)
  }
  const handout = result.readability.handout
  const hard = handout?.hardest.filter((sentence) => sentence.grade > handoutGradeLimit) ?? []
  if (hard.length > 0) {
    lines.push('', 'Hardest handout sentences:', '')
    for (const sentence of hard) lines.push(`- line ${sentence.line}, grade ${sentence.grade.toFixed(1)}: “${escapeCell(sentence.text)}”`)
  }
  if (result.slides) {
    const { slides, mostBullets, mostWords, longBullets } = result.slides
    lines.push('', `**Slides:** ${slides} slides; the fullest has ${mostBullets} bullets (limit ${slideLimits.bullets}) and ${mostWords} words (limit ${slideLimits.words}); ${longBullets} bullet${longBullets === 1 ? '' : 's'} over 25 words.`)
  }
  return lines
}

function coverageCell(cell: CoverageCell | undefined): string {
  if (!cell) return '–'
  const count = `${cell.found.length}/${cell.found.length + cell.missing.length}`
  return cell.missing.length === 0 ? `✅ ${count}` : `❌ ${count}, missing ${cell.missing.map((term) => `“${escapeCell(term)}”`).join(', ')}`
}

function readabilityRow(audience: Audience, figures: ReadabilityFigures): string {
  const passes = figures.grade <= handoutGradeLimit && figures.impenetrable.length === 0
  const verdict = passes ? `✅ ≤ ${handoutGradeLimit.toFixed(1)}` : `❌ ${figures.grade <= handoutGradeLimit ? `${figures.impenetrable.length} long, hard sentence(s)` : `> ${handoutGradeLimit.toFixed(1)}`}`
  const gate = audience !== 'handout' ? 'reported' : figures.gated ? verdict : 'not gated'
  return `| ${audience} | ${figures.grade.toFixed(1)} | ${figures.smog.toFixed(1)} | ${figures.words} | ${figures.sentences} | ${gate} |`
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|')
}
