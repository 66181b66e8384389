import type { Point } from 'unist'
import type { VFile } from 'vfile'
import { reportError } from '../messages.ts'
import { normalizeForMatching, termPattern } from '../format/text.ts'
import type { GuidelineMeta } from '../types.ts'

export interface CoverageCell {
  topicId: string
  /** `deck`, `handout`, `summary`, or a built file such as `deck.pdf`. */
  output: string
  found: string[]
  missing: string[]
}

/**
 * Every topic's terms must reach every output the guideline builds (its Markdown and the text of
 * its PDFs). A missing term is an error at the topic's section heading, naming topic, output and term.
 */
export function checkCoverage(file: VFile, meta: GuidelineMeta, topicPlaces: ReadonlyMap<string, Point>, output: string, text: string): CoverageCell[] {
  // PDF text arrives here as extracted: terms and every output's text meet in one normal form.
  const searched = normalizeForMatching(text)
  return meta.topics.map((topic) => {
    const found: string[] = []
    const missing: string[] = []
    for (const term of topic.terms) (termPattern(term).test(searched) ? found : missing).push(term)
    const where = /\./.test(output) ? `built file \`${output}\`` : `${output}; write it in the section's shared text or in its \`:::${output}\` block`
    for (const term of missing) {
      reportError(file, `Expected term \`${term}\` of topic \`${topic.id}\` in the ${where}`, topicPlaces.get(topic.id), 'topic-term-missing')
    }
    return { topicId: topic.id, output, found, missing }
  })
}
