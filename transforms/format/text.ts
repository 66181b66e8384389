import type { Node, Position } from 'unist'
import { EXIT, visit } from '../visit.ts'

declare module 'unist' {
  interface Data {
    /** Explanations added from the glossary: they do not show that an output covers a topic. */
    fromGlossary?: boolean
    /** A list of references: the titles of cited works do not show it either. */
    references?: boolean
  }
}

/**
 * The words a reader sees: text and code, without HTML (slide notes, directives), front matter,
 * glossary explanations or reference lists; normalized for matching terms.
 */
export function visibleText(tree: Node): string {
  const parts: string[] = []
  visit(tree, (node) => {
    if (hidesText(node)) return 'skip'
    const text = shownText(node)
    if (text !== undefined) parts.push(text)
  })
  return joinVisibleText(parts)
}

/** A node none of whose text counts as seen: HTML, front matter, glossary explanations, reference lists. */
export function hidesText(node: Node): boolean {
  return node.type === 'html' || node.type === 'yaml' || Boolean(node.data?.fromGlossary || node.data?.references)
}

/** The text a node shows itself (text and code), if any. */
export function shownText(node: Node): string | undefined {
  return (node.type === 'text' || node.type === 'inlineCode') && 'value' in node && typeof node.value === 'string' ? node.value : undefined
}

/** The seen text pieces, in reading order, as one text for matching terms. */
export function joinVisibleText(parts: readonly string[]): string {
  return normalizeForMatching(parts.join(' '))
}

/**
 * Text that must read exactly as written where Markdown is parsed (Marp's footer, a report heading):
 * every ASCII punctuation mark backslash-escaped, which CommonMark allows for all of them, so no
 * image, link, HTML, emphasis, entity or bare web address can form; line breaks become spaces.
 */
export function markdownLiteral(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[!-/:-@[-`{-~]/g, '\\$&')
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * The one form in which terms and the text searched for them are compared, Markdown and PDF alike:
 * NFKC, so a decomposed `é`, a composed one and a `ﬁ` ligature (which PDF text often carries) all
 * read the same on both sides.
 */
export function normalizeForMatching(text: string): string {
  return text.normalize('NFKC')
}

// Emoji and pictographs (beyond © and ®), flags, keycaps, variation selectors, and control,
// invisible, private-use or unassigned characters: no reader sees them as text and a PDF's text
// layer does not reliably hold them, so a term containing one could never be found in every output.
const unmatchable = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Regional_Indicator}\u{FE00}-\u{FE0F}\u{20E3}]|(?![©®])\p{Extended_Pictographic}/u

/** A term that can be found in Markdown and in PDF text alike. */
export function isMatchableTerm(term: string): boolean {
  return !unmatchable.test(normalizeForMatching(term).replace(/\s/g, ' '))
}

/**
 * Whole word or phrase, any case, any white space between words; a plural `s`/`es` counts. Search
 * text passed through `normalizeForMatching` (as `visibleText` and `checkCoverage` do). One
 * expression per term (it has no `g` flag, so no state): compiling these Unicode, any-case
 * expressions again for each output and each check cost more than the searches.
 */
export function termPattern(term: string): RegExp {
  let pattern = termPatterns.get(term)
  if (!pattern) {
    const words = normalizeForMatching(term).trim().split(/\s+/).map(escapeRegExp).join('\\s+')
    // A combining mark continues a word: `cafe` is not found in `café` written as `cafe` + U+0301.
    pattern = new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])${words}(?:s|es)?(?![\\p{L}\\p{N}\\p{M}])`, 'iu')
    if (termPatterns.size >= 10_000) termPatterns.clear() // a long `guidepress dev` session keeps only recent terms
    termPatterns.set(term, pattern)
  }
  return pattern
}

const termPatterns = new Map<string, RegExp>()

/** Where a node starts in the source: its own position, or its first descendant's (generated wrappers have none). */
export function firstPosition(node: Node): Position | undefined {
  let found: Position | undefined
  visit(node, (child) => {
    if (!child.position) return
    found = child.position
    return EXIT
  })
  return found
}
