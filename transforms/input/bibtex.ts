import type { CslItem } from '@citation-js/core'
import type { Point } from 'unist'
import type { VFile } from 'vfile'
import { reportError } from '../messages.ts'

/** One work read from a references file, with where its key is written. */
export interface ReadEntry {
  key: string
  item: CslItem
  place: Point
}

type CitationCore = typeof import('@citation-js/core')

/**
 * The entries of a BibTeX (or BibLaTeX) file, read by citation-js's parser. A syntax error is
 * reported at the line and column the parser names, and no entry of the file is used.
 */
export async function readBibtex(file: VFile, text: string): Promise<ReadEntry[]> {
  const core: CitationCore = await import('@citation-js/core')
  await import('@citation-js/plugin-bibtex')
  let items: CslItem[]
  try {
    items = core.plugins.input.chain(text, { forceType: '@biblatex/text', generateGraph: false })
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    // The parser's message: `expected "rbrace", got "comma" at line 3 col 12:` and a picture of the line.
    const located = /^(.*?) at line (\d+) col (\d+)/.exec(reason)
    const what = (located?.[1] ?? reason.split('\n')[0] ?? '').replace(/^expected "(\w+)", got (.*)$/, (_all, expected: string, got: string) => `expected ${tokenName(expected)} but found ${got === 'EOF' ? 'the end of the file' : tokenName(got.replaceAll('"', ''))}`)
    const place = located ? { line: Number(located[2]), column: Number(located[3]) } : { line: 1, column: 1 }
    reportError(file, `Unexpected BibTeX: ${what}; check the entry's braces, the \`=\` after each field name and the comma between fields (an \`@\` outside an entry starts one, even in a \`%\` comment)`, place, 'references-invalid')
    return []
  }
  const heads = entryHeads(text)
  return items.map((item, index) => {
    const key = String(item['citation-key'] ?? item.id)
    const head = heads[index]?.key === key ? heads[index] : heads.find((candidate) => candidate.key === key)
    return { key, item: { ...item, id: key, author: etAlii(item.author) }, place: head?.place ?? { line: 1, column: 1 } }
  })
}

const tokenNames: Record<string, string> = { rbrace: '`}`', lbrace: '`{`', comma: '`,`', equals: '`=`', identifier: 'a field name', label: 'a key', quote: '`"`', hash: '`#`', number: 'a number', text: 'text', at: '`@`' }

function tokenName(token: string): string {
  return tokenNames[token] ?? `\`${token}\``
}

/** BibTeX's `and others` (read as an author named "others") is "et al.". */
function etAlii(authors: CslItem['author']): CslItem['author'] {
  return authors?.map((author) => (author.family === 'others' && author.given === undefined ? { literal: 'et al.' } : author))
}

/** Each entry's key and where it is written, in file order (`@string`, `@preamble` and `@comment` are no entries). */
function entryHeads(text: string): Array<{ key: string; place: Point }> {
  const heads: Array<{ key: string; place: Point }> = []
  const lineStarts = [0]
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) lineStarts.push(index + 1)
  let line = 0 // matches come in file order, so the line only moves forward
  for (const match of text.matchAll(/@\s*([A-Za-z_][\w:+-]*)\s*[{(]\s*([^,\s]+)\s*,/g)) {
    if (/^(string|preamble|comment)$/i.test(match[1] ?? '')) continue
    const offset = match.index + match[0].indexOf(match[2] ?? '', match[0].indexOf(match[1] ?? '') + (match[1]?.length ?? 0))
    while ((lineStarts[line + 1] ?? Infinity) <= offset) line += 1
    heads.push({ key: match[2] ?? '', place: { line: line + 1, column: offset - (lineStarts[line] ?? 0) + 1 } })
  }
  return heads
}
