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
    child.value = child.value.replace(sentenceEnd, (match: string, end: string, offset: number) => {
      // Only the text just before: an anchored search over the whole paragraph would make long paragraphs quadratic.
      const word = /([\p{L}.]+)$/u.exec(child.value.slice(Math.max(0, offset - 40), offset))?.[1] ?? ''
      const isAbbreviation = abbreviations.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word)
      return isAbbreviation ? match : `${end}\n`
    })
  }
  return { ...paragraph, children }
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
