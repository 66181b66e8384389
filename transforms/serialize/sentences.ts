import type { Paragraph } from 'mdast'

declare module 'mdast' {
  interface ParagraphData {
    /** Keep on one line: a reference entry is not a run of sentences. */
    oneLine?: boolean
  }
}

// A sentence end: punctuation, then closing quotes or citation marks, then space before a capital.
const sentenceEnd = /([.!?][)"'”’]?[⁰¹²³⁴⁵⁶⁷⁸⁹,]*)[ \t]+(?=[A-Z“"])/g
const holdsSentenceEnd = new RegExp(sentenceEnd.source)
const abbreviations = new Set(['e.g', 'i.e', 'dr', 'vs', 'al', 'approx', 'fig', 'no', 'st', 'mr', 'mrs', 'ms', 'prof', 'etc'])

/**
 * The paragraph as it is written: one sentence per line, so diffs show whole sentences. A new
 * paragraph (the tree is not touched: every output shares nothing with what it serializes). Its
 * adjacent text nodes are joined first, as citation marks are text nodes of their own and a
 * sentence end before one must be seen.
 */
export function withSentenceBreaks(paragraph: Paragraph): Paragraph {
  if (paragraph.data?.oneLine || !mayBreak(paragraph)) return paragraph
  const children = paragraph.children.reduce<Paragraph['children']>((joined, child) => {
    const previous = joined.at(-1)
    if (previous?.type === 'text' && child.type === 'text') previous.value += child.value
    else joined.push(child.type === 'text' ? { ...child } : child)
    return joined
  }, [])
  for (const child of children) {
    if (child.type !== 'text') continue
    const text = child.value
    child.value = text.replace(sentenceEnd, (match: string, end: string, offset: number) => {
      const word = wordBefore(text, offset)
      const isAbbreviation = abbreviations.has(word.toLowerCase()) || singleCapital.test(word)
      return isAbbreviation ? match : `${end}\n`
    })
  }
  return { ...paragraph, children }
}

const letterOrDot = /^[\p{L}.]$/u
const singleCapital = /^\p{Lu}$/u

/**
 * The run of letters and dots that ends at `offset`, within the 40 characters before it (as
 * `/[\p{L}.]+$/u` finds it in that slice): only the text just before, as an anchored search over
 * the whole paragraph would make long paragraphs quadratic. Read backwards, one code point at a
 * time, rather than by that expression, which tries each start in the slice.
 */
function wordBefore(text: string, offset: number): string {
  const floor = Math.max(0, offset - 40)
  let start = offset
  while (start > floor) {
    const code = text.charCodeAt(start - 1)
    if (code === 46 || (code >= 97 && code <= 122) || (code >= 65 && code <= 90)) start -= 1
    else if (code < 128) break
    else {
      // A low surrogate reads with its high one, when that is in the slice; alone it is no letter.
      const width = code >= 0xdc00 && code <= 0xdfff && start - 2 >= floor && isHighSurrogate(text.charCodeAt(start - 2)) ? 2 : 1
      if (!letterOrDot.test(text.slice(start - width, start))) break
      start -= width
    }
  }
  return text.slice(start, offset)
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

/** Whether a line break can go into the paragraph: a text has a sentence end, or two texts meet (and together may). */
function mayBreak(paragraph: Paragraph): boolean {
  let previousIsText = false
  for (const child of paragraph.children) {
    const isText = child.type === 'text'
    if (isText && (previousIsText || holdsSentenceEnd.test(child.value))) return true
    previousIsText = isText
  }
  return false
}
