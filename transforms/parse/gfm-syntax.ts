import remarkGfm from 'remark-gfm'
import { unified, type Data, type Processor } from 'unified'

// micromark's types, as remark-parse gives them to unified (they are not packages of ours).
type Extension = NonNullable<Data['micromarkExtensions']>[number]
type FromMarkdownExtension = Exclude<NonNullable<Data['fromMarkdownExtensions']>[number], readonly unknown[]>
type ConstructRecord = NonNullable<Extension['flow']>
type Construct = Exclude<NonNullable<ConstructRecord[keyof ConstructRecord]>, readonly unknown[]>
type TokenizeContext = ThisParameterType<Construct['tokenize']>
type State = ReturnType<Construct['tokenize']>

// remark-gfm's syntax, made cheaper to read without reading anything differently. Two of its
// constructs cost more than all of CommonMark on running text and almost never match:
//
// - autolink literals are tried at the start of every word (an email address may start there),
//   scanning the word to its end; without an `@`, `www.` or `http(s)://` anywhere in the source
//   none can be found, by them or by the tree transform that goes with them;
// - a table is tried on the first line of every paragraph, scanning it as a row of cells, but is
//   one only when the next line is a delimiter row (`--|--`, `:-:`): a look at that line first
//   tells most paragraphs apart at once.
//
// Both read the source being parsed, which `withSource` gives them for the length of one parse.

const gfm = unified().use(remarkGfm).freeze().data()
const [gfmExtension] = gfm.micromarkExtensions ?? []
const gfmFromMarkdown = (gfm.fromMarkdownExtensions ?? []).flat()
if (!gfmExtension) throw new Error('remark-gfm added no syntax extension')

/** The source being parsed; lines are looked at only when they end in `\n` alone. */
let source: string | undefined

/** Runs `parse` with `text` as the source the guarded constructs look at. */
export function withSource<T>(text: string, parse: () => T): T {
  source = text.includes('\r') ? undefined : text
  try {
    return parse()
  } finally {
    source = undefined
  }
}

/** Whether the source can hold a GFM autolink literal (what both its syntax and its transform look for). */
export function mayHoldAutolinks(text: string): boolean {
  return /@|www\.|https?:\/\//i.test(text)
}

const autolinkConstructs = new Set(['emailAutolink', 'wwwAutolink', 'protocolAutolink'])
const withoutAutolinks = (record: ConstructRecord | undefined): ConstructRecord | undefined =>
  record &&
  Object.fromEntries(
    Object.entries(record)
      .map(([code, constructs]) => [code, [constructs ?? []].flat().filter((construct) => !autolinkConstructs.has(construct.name ?? ''))] as const)
      .filter(([, constructs]) => constructs.length > 0)
  )
const isAutolinkFromMarkdown = (extension: FromMarkdownExtension): boolean => extension.enter?.['literalAutolink'] !== undefined

/** The table construct, tried only where the next line can be a delimiter row. */
function guardedTable(table: Construct): Construct {
  const tokenize = table.tokenize
  return {
    ...table,
    tokenize(this: TokenizeContext, effects, ok, nok) {
      const inner = tokenize.call(this, effects, ok, nok)
      const start: State = (code) => (nextLineMayBeDelimiterRow(this) ? inner(code) : nok(code))
      return start
    }
  }
}

// What a delimiter row is made of (after `>` and indentation of its containers): cells of `-` with
// optional `:` at either end, between `|`, with at least one `|` or `:` (else it is a rule or setext underline).
const delimiterRowCharacters = /^[ \t>]*[-:| \t]*$/

function nextLineMayBeDelimiterRow(context: TokenizeContext): boolean {
  const text = source
  const offset = context.now().offset
  // Unknown source (or one with `\r` line endings), or the rows after a table head: the construct decides alone.
  if (text === undefined || offset === undefined || followsTableRow(context)) return true
  const lineEnd = text.indexOf('\n', offset)
  if (lineEnd < 0) return false // a head row needs a line after it
  const nextEnd = text.indexOf('\n', lineEnd + 1)
  const next = text.slice(lineEnd + 1, nextEnd < 0 ? undefined : nextEnd)
  return next.includes('-') && (next.includes('|') || next.includes(':')) && delimiterRowCharacters.test(next)
}

/** As the table construct itself tells a body row from a head row: by the last event before this line. */
function followsTableRow(context: TokenizeContext): boolean {
  for (let index = context.events.length - 1; index >= 0; index--) {
    const type: string | undefined = context.events[index]?.[1].type
    if (type === 'lineEnding' || type === 'linePrefix') continue
    return type === 'tableHead' || type === 'tableRow'
  }
  return false
}

const guardFlow = (record: ConstructRecord | undefined): ConstructRecord | undefined =>
  record && Object.fromEntries(Object.entries(record).map(([code, constructs]) => [code, [constructs ?? []].flat().map((construct) => (construct.name === 'table' ? guardedTable(construct) : construct))]))

const withAutolinks: Extension = { ...gfmExtension, flow: guardFlow(gfmExtension.flow) }
const noAutolinks: Extension = { ...withAutolinks, text: withoutAutolinks(gfmExtension.text) }

/**
 * remark-gfm, with or without autolink literals (for a source that `mayHoldAutolinks` or not),
 * its table guarded; the same trees as remark-gfm for any source parsed within `withSource`.
 */
export function remarkGfmSyntax(this: Processor, { autolinks }: { autolinks: boolean }): void {
  const data = this.data()
  ;(data.micromarkExtensions ??= []).push(autolinks ? withAutolinks : noAutolinks)
  ;(data.fromMarkdownExtensions ??= []).push(autolinks ? gfmFromMarkdown : gfmFromMarkdown.filter((extension) => !isAutolinkFromMarkdown(extension)))
}
