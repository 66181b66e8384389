import type { VFile } from 'vfile'
import { reportWarning } from '../messages.ts'
import { glossaryLineBudget, glossaryLines, handoutPageLines, wordsToKnowTitle } from '../shape/words-to-know.ts'

/**
 * Warns when the handout's "Words to know" would print longer than about one and a half pages
 * (`glossaryLines`; `entries` as `readOutput` gives them): a glossary that long is skipped, not read. The fix is in the handout's words
 * (fewer technical terms) or in the glossary (merge near-duplicates, list synonyms).
 */
export function checkGlossaryLength(file: VFile, entries: readonly string[]): void {
  const lines = glossaryLines(entries)
  if (lines <= glossaryLineBudget) return
  const pages = (lines / handoutPageLines).toFixed(1)
  reportWarning(
    file,
    `Unexpected long "${wordsToKnowTitle}": ${entries.length} terms, about ${lines} printed lines (${pages} pages; at most ${glossaryLineBudget}, one and a half pages); explain fewer terms in the handout, or merge near-duplicates in source/glossary.yml with \`synonyms\``,
    { line: 1, column: 1 },
    'glossary-too-long'
  )
}
