// The sentences and words parse-english finds in a block of plain text, found without building its
// tree (which made parse-english more than half of the readability gate). Only text whose reading
// by parse-english is certain is read here: ASCII letters and digits, superscript digits (citation
// marks), spaces, single line breaks and a few marks, each where its rule is known. Anything else
// — other characters, an abbreviation before a full stop, marks run together, a mark after a
// sentence end — gives `undefined`, and readability.ts asks parse-english itself. Each rule below
// is parse-latin's (version 7) or parse-english's own, named after the plugin that applies it;
// test/transforms/gates/plain-sentences.test.ts compares the two on tricky and random texts.

import { toString as nlcstToString } from 'nlcst-to-string'
import { ParseEnglish } from 'parse-english'

/** A word as parse-english reads it: its text (with any full stop it took in) and where it starts in the block. */
export interface PlainWord {
  text: string
  offset: number
}

/** A sentence: its words, its text with white space collapsed, and where it starts (1-based, in the block). */
export interface PlainSentence {
  words: PlainWord[]
  text: string
  line: number
  column: number
}

type Kind = 'word' | 'space' | 'mark'

interface Token {
  kind: Kind
  start: number
  end: number
  /** Its first character's code (a mark is one character, repeated). */
  code: number
  /** Its text, once the words are joined. */
  text: string
}

const superscriptDigits = '⁰¹²³⁴⁵⁶⁷⁸⁹'
// Marks (punctuation and symbols) read here; other characters send the block to parse-english.
const knownMarks = ['.', ',', ';', ':', '?', '!', '(', ')', '-', "'", '’', '%', '+']
// parse-latin's `wordSymbolInner`, as far as `knownMarks` go: a mark of one such character joins the words around it.
const innerWordMarks = new Set(["'", '’', '-', '.', ':', '?'].map((mark) => mark.charCodeAt(0)))
// Sentence ends (parse-latin's `terminalMarker`): a mark of any number of one of these.
const terminalMarks = new Set(['.', '!', '?'].map((mark) => mark.charCodeAt(0)))
const apostrophes = new Set(["'", '’'].map((mark) => mark.charCodeAt(0)))
const fullStop = 46
const hyphen = 45

/** The kind of each character read here, by code (ASCII, then the few others). */
const asciiKinds: Array<Kind | undefined> = Array.from({ length: 128 }, (_, code) => {
  const character = String.fromCharCode(code)
  if (/[0-9A-Za-z]/.test(character)) return 'word'
  if (character === ' ' || character === '\n') return 'space'
  return knownMarks.includes(character) ? 'mark' : undefined
})
const otherKinds = new Map<number, Kind>([...[...superscriptDigits].map((digit) => [digit.charCodeAt(0), 'word'] as const), ...knownMarks.filter((mark) => mark.charCodeAt(0) > 127).map((mark) => [mark.charCodeAt(0), 'mark'] as const)])

/** parse-latin's `tokenize`: runs of word characters, of white space, or of one mark repeated. */
function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = []
  let from = 0
  let previous: Kind | undefined
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    const kind = code < 128 ? asciiKinds[code] : otherKinds.get(code)
    if (kind === undefined) return undefined
    if (previous !== undefined && !(kind === previous && (kind !== 'mark' || code === text.charCodeAt(index - 1)))) {
      tokens.push({ kind: previous, start: from, end: index, code: text.charCodeAt(from), text: '' })
      from = index
    }
    previous = kind
  }
  if (previous !== undefined) tokens.push({ kind: previous, start: from, end: text.length, code: text.charCodeAt(from), text: '' })
  return tokens
}

const isWord = (token: Token | undefined): token is Token => token?.kind === 'word'
const isTerminal = (token: Token): boolean => token.kind === 'mark' && terminalMarks.has(token.code)

/** The sentence plugins: apostrophes and hyphens (where they are plain), inner-word marks. */
function joinWords(text: string, tokens: Token[]): boolean {
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as Token
    if (token.kind === 'space') {
      // breakImplicitSentences: white space with two line breaks ends a sentence.
      const lineBreak = text.indexOf('\n', token.start)
      if (lineBreak !== -1 && lineBreak < token.end && text.indexOf('\n', lineBreak + 1) !== -1 && text.indexOf('\n', lineBreak + 1) < token.end) return false
      continue
    }
    if (token.kind !== 'mark') continue
    const single = token.end - token.start === 1
    const before = isWord(tokens[index - 1])
    const after = isWord(tokens[index + 1])
    // mergeEnglishElisionExceptions moves an apostrophe that is not between two words.
    if (apostrophes.has(token.code) && !(single && before && after)) return false
    // mergeFinalWordSymbol: a hyphen after a word and before no word joins the word.
    if (token.code === hyphen && single && before && !after) return false
  }
  // mergeInnerWordSymbol: a word, then inner-word marks of one character each and words, is one word.
  for (let index = 1; index < tokens.length; index++) {
    const previous = tokens[index - 1] as Token
    if (tokens[index]?.kind !== 'mark' || previous.kind !== 'word') continue
    let position = index
    let queued = 0
    let last: Token | undefined
    for (; position < tokens.length; position++) {
      const sibling = tokens[position] as Token
      if (sibling.kind === 'word') {
        last = sibling
        queued = 0
      } else if (sibling.kind === 'mark' && sibling.end - sibling.start === 1 && innerWordMarks.has(sibling.code)) queued++
      else break
    }
    if (!last) continue
    tokens.splice(index, position - queued - index)
    previous.end = last.end
    index--
  }
  return true
}

/**
 * The sentences and words of `text` as parse-english gives them, or `undefined` when the text is
 * not plain enough to be sure. `endsNoSentence(word)` says whether a full stop after `word` is not
 * a sentence end for parse-english (an abbreviation such as "Dr" or "in", a number up to 999, one
 * letter): the text then goes to parse-english.
 */
export function plainSentences(text: string, endsNoSentence: (word: string) => boolean): PlainSentence[] | undefined {
  const tokens = tokenize(text)
  if (!tokens) return undefined
  // A word's text is what lies between its start and end: fix the texts once the words are joined.
  if (!joinWords(text, tokens)) return undefined
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as Token
    token.text = text.slice(token.start, token.end)
    // mergeInitialisms may take a full stop into a word of letters and full stops ("e.g.").
    if (token.code === fullStop && token.kind === 'mark' && token.end - token.start === 1 && tokens[index - 1]?.text.includes('.')) return undefined
  }

  // tokenizeParagraph: a sentence ends at each terminal mark.
  const parts: Token[][] = [[]]
  for (const token of tokens) {
    ;(parts.at(-1) as Token[]).push(token)
    if (isTerminal(token)) parts.push([])
  }
  if ((parts.at(-1) as Token[]).length === 0) parts.pop()

  const sentences: Token[][] = []
  for (const [index, part] of parts.entries()) {
    const end = part.at(-1) as Token
    const beforeEnd = part.at(-2)
    // mergeEnglishPrefixExceptions and mergePrefixExceptions: an abbreviation's full stop ends no sentence.
    if (end.text === '.' && isWord(beforeEnd) && endsNoSentence(beforeEnd.text)) return undefined
    const hasWord = part.some(isWord)
    if (index === 0) {
      if (!hasWord) return undefined
      sentences.push(part)
      continue
    }
    // After a sentence end comes white space: no mark moves back (mergeAffixSymbol), no digit joins (mergeInitialDigitSentences).
    if (part[0]?.kind !== 'space') return undefined
    // mergeNonWordSentences: only white space after the last sentence, which stays outside it.
    if (!hasWord) {
      if (index === parts.length - 1 && part.length === 1) continue
      return undefined
    }
    const first = part.find((token) => token.kind !== 'space') as Token
    // mergeAffixExceptions: a comma or semicolon first would join the sentence before.
    if (first.kind === 'mark' && (first.text.startsWith(',') || first.text.startsWith(';'))) return undefined
    // mergeInitialLowerCaseLetterSentences: a sentence whose first word starts in lower case goes on the one before.
    if (first.kind === 'word' && /^[a-z]/.test(first.text)) (sentences.at(-1) as Token[]).push(...part)
    else sentences.push(part)
  }
  return sentences.map((sentence) => plainSentence(text, mergeRemainingFullStops(sentence)))
}

/** mergeRemainingFullStops: a full stop inside a sentence (not its last sentence end) joins the word before it. */
function mergeRemainingFullStops(sentence: Token[]): Token[] {
  let found = false
  for (let position = sentence.length - 1; position >= 0; position--) {
    const token = sentence[position] as Token
    if (token.kind !== 'mark') {
      if (token.kind === 'word') found = true
      continue
    }
    if (!isTerminal(token)) continue
    if (!found) {
      found = true
      continue
    }
    const previous = sentence[position - 1]
    // Every terminal mark is followed by white space and a word or mark (never a full stop), so only the word before can take it.
    if (token.text !== '.' || !isWord(previous)) continue
    previous.end = token.end
    previous.text += token.text
    sentence.splice(position, 1)
    position--
  }
  return sentence
}

function collapseSpaces(text: string): string {
  return text.includes('\n') || text.includes('  ') ? text.replace(/\s+/g, ' ') : text
}

function plainSentence(text: string, sentence: Token[]): PlainSentence {
  const content = sentence.filter((token, index) => token.kind !== 'space' || (index > 0 && index < sentence.length - 1))
  const first = content[0] as Token
  const last = content.at(-1) as Token
  const lineStart = text.lastIndexOf('\n', first.start - 1) + 1
  let line = 1
  for (let index = text.indexOf('\n'); index !== -1 && index < first.start; index = text.indexOf('\n', index + 1)) line++
  return {
    words: content.filter(isWord).map((word) => ({ text: word.text, offset: word.start })),
    // White space here is spaces and single line breaks; a sentence starts and ends with neither.
    text: collapseSpaces(text.slice(first.start, last.end)),
    line,
    column: first.start - lineStart + 1
  }
}

// parse-english splits any Latin-script text into sentences and words; only syllables are per language.
const parser = new ParseEnglish()

/** The sentences and words of a block, as parse-english reads them (quickly when the text is plain). */
export function readSentences(text: string): PlainSentence[] {
  return plainSentences(text, endsNoSentence) ?? parsedSentences(text)
}

/** parse-english's own reading of a block. */
export function parsedSentences(text: string): PlainSentence[] {
  const sentences: PlainSentence[] = []
  // nlcst is shallow: root → paragraphs → sentences → words; walking it directly is cheaper than visiting.
  for (const paragraph of parser.parse(text).children) {
    if (paragraph.type !== 'ParagraphNode') continue
    for (const sentence of paragraph.children) {
      if (sentence.type !== 'SentenceNode') continue
      const start = sentence.position?.start ?? { line: 1, column: 1 }
      const words = sentence.children.flatMap((child) => (child.type === 'WordNode' ? [{ text: nlcstToString(child), offset: child.position?.start.offset ?? -1 }] : []))
      sentences.push({ words, text: nlcstToString(sentence).replace(/\s+/g, ' ').trim(), line: start.line, column: start.column })
    }
  }
  return sentences
}

// Words seen before a full stop, and whether it ends no sentence after them (a property of the word alone).
const noSentenceEnd = new Map<string, boolean>()

/**
 * Whether parse-english reads a full stop after `word` as no sentence end (its abbreviation lists,
 * numbers up to 999, single letters): asked of parse-english itself, before a sentence nothing else
 * would join, so no copy of its lists can drift from them.
 */
export function endsNoSentence(word: string): boolean {
  let answer = noSentenceEnd.get(word)
  if (answer === undefined) {
    if (noSentenceEnd.size >= 10_000) noSentenceEnd.clear() // a long `guidepress dev` session keeps only recent words
    answer = parsedSentences(`${word}. Xx`).length !== 2
    noSentenceEnd.set(word, answer)
  }
  return answer
}
