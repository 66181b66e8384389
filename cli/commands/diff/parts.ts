import type { SectionHeading } from '../../../transforms/pipeline.ts'
import type { SourceMap } from '../../../transforms/serialize/source-map.ts'

/** A section of an output, or a part guidepress writes itself (title, agenda, references…), with its lines. */
export interface OutputPart {
  /** What matches a part across the two sides: the `{#id}`, else the title. */
  key: string
  id: string | null
  title: string
  generated: boolean
  /** The section's heading in the source; null for generated parts. */
  heading: { line: number; column: number } | null
  lines: PartLine[]
}

export interface PartLine {
  /** 1-based line of the output. */
  line: number
  /** The line without indentation and list, quote or heading marks: one sentence, usually. */
  text: string
  /** Where the line's block starts in the source. */
  source: { line: number; column: number } | null
}

/**
 * Splits an output into its sections using its source map: each block knows its section.
 * Slide breaks and slide class comments are layout, not text, and belong to no part.
 */
export function outputParts(map: SourceMap, text: string, sections: SectionHeading[]): OutputPart[] {
  const lines = text.split('\n')
  const parts: OutputPart[] = []
  let current: OutputPart | undefined
  const enter = (key: string, make: () => OutputPart): OutputPart => {
    if (current?.key === key) return current
    const part = parts.find((each) => each.key === key) ?? make()
    if (!parts.includes(part)) parts.push(part)
    return part
  }
  for (const block of map.blocks) {
    const first = lines[block.output.start - 1] ?? ''
    if (block.type === 'thematicBreak' || (block.type === 'html' && first.startsWith('<!-- _class:'))) {
      if (!block.sectionTitle) current = undefined
      continue
    }
    if (block.sectionTitle !== undefined) {
      const title = block.sectionTitle
      const section = sections.find((each) => (block.section ? each.topicId === block.section : each.topicId === undefined && each.title === title))
      current = enter(block.section ?? `title:${title}`, () => ({
        key: block.section ?? `title:${title}`,
        id: block.section ?? null,
        title,
        generated: false,
        heading: section ? { line: section.line, column: section.column } : null,
        lines: []
      }))
    } else if (block.type === 'heading') {
      // A generated heading names its part; "Agenda (continued)" is still the agenda.
      const title = stripMarks(first).replace(/ \(continued\)$/, '')
      const key = first.startsWith('# ') ? 'generated:#title' : `generated:${title}`
      current = enter(key, () => generatedPart(key, title))
    } else if (!current?.generated) {
      const title = parts.length === 0 ? 'Front matter' : 'Closing lines'
      current = enter(`generated:${title}`, () => generatedPart(`generated:${title}`, title))
    }
    for (let line = block.output.start; line <= block.output.end; line++) {
      const raw = lines[line - 1] ?? ''
      if (raw.trim() === '') continue
      current.lines.push({ line, text: stripMarks(raw), source: block.source ?? null })
    }
  }
  return parts
}

function generatedPart(key: string, title: string): OutputPart {
  return { key, id: null, title, generated: true, heading: null, lines: [] }
}

/** A line without indentation and its list, quote or heading marks (numbers of ordered lists stay). */
function stripMarks(line: string): string {
  return line
    .trimStart()
    .replace(/^(?:(?:[-*+]|>)(?:\s+|$))+/, '')
    .replace(/^#{1,6}\s+/, '')
}
