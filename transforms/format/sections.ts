import type { Heading, Root, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { Position } from 'unist'
import type { Section } from '../types.ts'

export interface SplitBody {
  /** Content before the first `##` heading. */
  preamble: RootContent[]
  sections: Section[]
}

/** Splits a body at its `##` headings; each section runs to the next `##`. */
export function splitSections(tree: Root): SplitBody {
  const preamble: RootContent[] = []
  const sections: Section[] = []
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 2) {
      sections.push({
        title: toString(node).trim(),
        topicId: node.data?.id,
        line: node.position?.start.line ?? 1,
        column: node.position?.start.column ?? 1,
        position: node.position,
        children: []
      })
      continue
    }
    const current = sections.at(-1)
    if (current) current.children.push(node)
    else preamble.push(node)
  }
  return { preamble, sections }
}

/**
 * A heading of an output. When its words come from a section's `##` heading (the section's title,
 * "… (continued)", "Recommendation: …") it keeps that heading's position, so source maps trace it back.
 */
export function sectionHeading(section: { title: string; position?: Position | undefined }, depth: Heading['depth'] = 2): Heading {
  return { type: 'heading', depth, children: [{ type: 'text', value: section.title }], position: section.position }
}
