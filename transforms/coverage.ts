import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import { reportError } from './report.ts'
import type { Section } from './types.ts'
import { termPattern, visibleText } from './text.ts'
import type { Audience, GuidelineMeta } from './types.ts'

export interface CoverageCell {
  topicId: string
  audience: Audience
  found: string[]
  missing: string[]
}

/**
 * Every topic's terms must reach every output the guideline builds. A missing term is an error at
 * the topic's section heading, naming the topic, output and term.
 */
export function checkCoverage(file: VFile, meta: GuidelineMeta, sections: Section[], audience: Audience, output: Root): CoverageCell[] {
  const text = visibleText(output)
  return meta.topics.map((topic) => {
    const found: string[] = []
    const missing: string[] = []
    for (const term of topic.terms) (termPattern(term).test(text) ? found : missing).push(term)
    const section = sections.find((each) => each.topicId === topic.id)
    const place = section ? { line: section.line, column: section.column } : undefined
    for (const term of missing) {
      reportError(file, `Expected term \`${term}\` of topic \`${topic.id}\` in the ${audience}; write it in the section's shared text or in its \`:::${audience}\` block`, place, 'topic-term-missing')
    }
    return { topicId: topic.id, audience, found, missing }
  })
}
