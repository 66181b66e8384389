import { markdownLiteral } from '../../../transforms/format/text.ts'
import { coverageFigureText } from './figures.ts'
import type { DiffReport, FigureChange, GuidelineDiff, OutputDiff, SectionDiff, SentenceDiff, SourceRef } from './types.ts'

/** Changed sentences listed per section; a rewrite beyond this is summed up in one line. */
const sentencesPerSection = 20

const outputNames = { deck: 'Deck', handout: 'Handout', summary: 'Summary' } as const

/** The report as Markdown for a pull-request comment: a heading per guideline, a sub-heading per output. */
export function diffMarkdown(report: DiffReport): string {
  const lines = [`# guidepress diff against \`${report.ref}\` (${report.commit.slice(0, 7)})`, '']
  if (report.guidelines.length === 0) lines.push('No changes: no guideline source, and no glossary or bibliography a guideline uses, changed since then.', '')
  for (const guideline of report.guidelines) lines.push(...guidelineLines(guideline, report.ref))
  return `${lines.join('\n').trimEnd()}\n`
}

function guidelineLines(guideline: GuidelineDiff, ref: string): string[] {
  const lines = [`## ${markdownLiteral(guideline.title)} (\`${guideline.id}\`)`, '']
  const inputs = guideline.inputs.map((input) => `\`${input}\``).join(' and ')
  const what = { added: 'Added', removed: 'Removed', changed: 'Changed' }[guideline.change]
  lines.push(`${what} since \`${ref}\`${inputs ? `: ${inputs}` : ''}.`, '')
  if (guideline.oldErrors > 0) {
    lines.push(`> At \`${ref}\` this guideline had ${plural(guideline.oldErrors, 'error')} and built nothing; its outputs are shown as new.`, '')
  }
  for (const output of guideline.outputs) lines.push(...outputLines(output, ref), '')
  return lines
}

function outputLines(output: OutputDiff, ref: string): string[] {
  const lines = [`### ${outputNames[output.output]} · \`${output.path}\``, '']
  if (output.change === 'unchanged') return [...lines, 'No changes.']
  if (output.change === 'added') lines.push('New output.', '')
  if (output.change === 'removed') lines.push('Output removed.', '')
  if (output.figures.length > 0) {
    // A term and a section title come from a source: in a pull-request comment they must stay text.
    const figureText = (figure: FigureChange) => (figure.kind === 'coverage' ? coverageFigureText(figure.topic, markdownLiteral(figure.term), figure.new, output.output) : figure.text)
    lines.push('**Figures:**', '', ...output.figures.map((figure) => `- ${figureText(figure)}`), '')
  }
  if (output.sections.length > 0) {
    lines.push('**Sections:**', '')
    for (const section of output.sections) lines.push(...sectionLines(section, ref))
  } else if (output.change === 'changed') {
    lines.push('Only the layout changed (slide breaks, list or quote marks); every sentence reads the same.')
  }
  return trimBlank(lines)
}

function sectionLines(section: SectionDiff, ref: string): string[] {
  const what = { added: 'Added', removed: 'Removed', changed: 'Changed' }[section.change]
  const size = section.change === 'changed' ? '' : `, ${plural(section.lines, 'line')}`
  const where = section.source ? `${place(section.source, ref)}${size}` : `written by guidepress${size}`
  const lines = [`- **${what}** ${sectionName(section)} (${where})`]
  for (const sentence of section.sentences.slice(0, sentencesPerSection)) lines.push(`  - ${sentenceLine(sentence, ref)}`)
  const more = section.sentences.length - sentencesPerSection
  if (more > 0) lines.push(`  - …and ${plural(more, 'more changed sentence')}`)
  return lines
}

function sectionName(section: SectionDiff): string {
  const title = markdownLiteral(section.title)
  if (section.generated) return `“${title}”`
  return section.id ? `\`${section.id}\` “${title}”` : `“${title}” (no id)`
}

function sentenceLine(sentence: SentenceDiff, ref: string): string {
  const from = sentence.source ? ` (${place(sentence.source, ref)})` : ''
  const where = { changed: `line ${sentence.outputLine}`, added: `added, line ${sentence.outputLine}`, removed: `removed, was line ${sentence.outputLine}` }[sentence.change]
  return `${where}${from}: ${sentence.markdown}`
}

/** `source/x.md:40`, or `source/x.md:40 at HEAD~1` on the old side. */
function place(source: SourceRef, ref: string): string {
  return `\`${source.file}:${source.line}\`${source.side === 'old' ? ` at \`${ref}\`` : ''}`
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

function trimBlank(lines: string[]): string[] {
  while (lines.at(-1) === '') lines.pop()
  return lines
}
