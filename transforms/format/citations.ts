// Pandoc-style citations (`[@key]`, `[@a; @b]`): the one home of their syntax. A key starts with a
// letter, digit or `_` and may hold `:.#$%&-+?<>~/` between such characters (as in pandoc), so the
// full stop or comma after a key is not part of it.

const keyStart = String.raw`[\p{L}\p{N}_]`
const keyInner = String.raw`[:.#$%&\-+?<>~/]`
const key = `${keyStart}(?:${keyStart}|${keyInner}(?=${keyStart}))*`

/** `[@key]` or `[@a; @b]`, nothing else inside the brackets. */
const citationGroup = new RegExp(String.raw`\[\s*@${key}(?:\s*;\s*@${key})*\s*\]`, 'gu')
/** Brackets that open with `@key`: meant as a citation, whatever follows. */
const citationAttempt = new RegExp(String.raw`\[\s*@${key}[^\]]*\]`, 'gu')
const keyInGroup = new RegExp(String.raw`@(${key})`, 'gu')

/** Identifiers of citations in the tree: a space keeps them apart from footnote labels (which have none). */
export function citationIdentifier(citationKey: string): string {
  return `@ ${citationKey}`
}

export interface CitationMatch {
  /** Where the brackets start in the text, and how long they are. */
  index: number
  text: string
  /** Each key with its offset in the text (at its `@`); empty when the brackets are not a citation guidepress reads. */
  keys: Array<{ key: string; index: number }>
}

/**
 * Every bracketed citation in a run of text, in order: well-formed ones with their keys, and
 * brackets that open with `@key` but hold more (`[@key, p. 5]`, `[@a; b]`) with no keys, so they
 * can be reported. `[see @key]`, `user@example.org` and `[@ here]` are not citations.
 */
export function findCitations(text: string): CitationMatch[] {
  const matches: CitationMatch[] = []
  // Every text of a guideline is read for citations: most have no bracket to start one.
  if (!text.includes('[')) return matches
  for (const attempt of text.matchAll(citationAttempt)) {
    const candidate = attempt[0]
    citationGroup.lastIndex = 0
    const whole = citationGroup.exec(candidate)
    const wellFormed = whole !== null && whole.index === 0 && whole[0].length === candidate.length
    // A key written twice in one citation (`[@a; @a]`) is cited once.
    const keys = wellFormed ? [...candidate.matchAll(keyInGroup)].map((found) => ({ key: found[1] ?? '', index: attempt.index + found.index })).filter((found, at, all) => all.findIndex((other) => other.key === found.key) === at) : []
    matches.push({ index: attempt.index, text: candidate, keys })
  }
  return matches
}
