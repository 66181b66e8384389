import { LineCounter, isMap, parseDocument, visit, type Document } from 'yaml'
import type { Point } from 'unist'
import type { VFile } from 'vfile'
import type { z } from 'zod'
import { frontMatterFields, frontMatterSchema, type GuidelineMeta } from './front-matter-schema.ts'
import { reportError, reportWarning } from '../messages.ts'
import { reportMissingLabels } from '../catalogue/missing.ts'
import type { MessageOverrides } from '../catalogue/labels.ts'
import { firstErrorPerLine, yamlErrorReason } from './yaml-errors.ts'
import { asWritten, placeInDocument } from './yaml-places.ts'

declare module 'vfile' {
  interface DataMap {
    /** Where each topic id is written in the front matter, for messages about a topic. */
    topicIdPlaces: ReadonlyMap<string, Point> | undefined
  }
}

const delimiter = '---'

/** What a guideline gets for `lang` and `outputs` when its front matter leaves them out (the project config's). */
export interface FrontMatterDefaults {
  lang: string
  outputs: GuidelineMeta['outputs']
  /** The project's own labels (config `messages`): a language without a catalogue is warned about unless they cover it. */
  messages?: MessageOverrides
}

/**
 * Reads and validates the front matter of a guideline. Sets `file.data.meta` when it is valid,
 * `file.data.topicIds` (and where each is written) whenever topic ids can be read, and `file.data.body` whenever the front
 * matter could be told apart from the body.
 */
export function readFrontMatter(file: VFile, id: string, today: string, defaults: FrontMatterDefaults = { lang: 'en', outputs: ['deck', 'handout', 'summary'] }): void {
  const text = String(file.value)
  file.data.body = undefined
  file.data.topicIds = undefined
  file.data.topicIdPlaces = undefined

  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'))
  if (!firstLine.startsWith(delimiter) || firstLine.startsWith('----')) {
    reportError(file, 'Expected front matter at the top of the file: a `---` line, YAML fields (title, version, updated, status, topics), and a closing `---` line', { line: 1, column: 1 }, 'front-matter-missing')
    return
  }
  const language = firstLine.slice(delimiter.length).trim()
  if (language !== '' && language.toLowerCase() !== 'yaml' && language.toLowerCase() !== 'yml') {
    reportError(file, `Unexpected \`${delimiter}${language}\` front matter: only YAML is accepted (never evaluated); write a plain \`---\` line and YAML fields`, { line: 1, column: 4 }, 'front-matter-not-yaml')
    return
  }
  const closing = /\n---[ \t]*(?:\n|$)/.exec(text)
  if (!closing) {
    reportError(file, 'Expected a closing `---` line after the front matter', { line: 1, column: 1 }, 'front-matter-unclosed')
    return
  }

  // The YAML between the lines (from the end of the opening line, with its newline, so line numbers
  // are the file's); YAML only, never evaluated. Comments alone count as empty.
  const matterText = text.slice(firstLine.length, closing.index)
  const lineCounter = new LineCounter()
  const document: Document | undefined =
    matterText.replace(/^\s*#[^\n]+/gm, '').trim() === '' ? undefined : parseDocument(matterText, { lineCounter, uniqueKeys: true, schema: 'core', prettyErrors: false })
  // Body positions must stay file positions: blank the front-matter lines instead of cutting them.
  const bodyStart = closing.index + closing[0].length
  file.data.body = text.slice(0, bodyStart).replace(/[^\n]/g, ' ') + text.slice(bodyStart)
  if (!nestingIsReadable(file, file.data.body)) file.data.body = undefined
  const toPoint = (offset: number): Point => {
    const position = lineCounter.linePos(offset)
    return { line: position.line, column: position.col }
  }

  if (!document) {
    reportError(file, 'Expected YAML fields between the `---` lines; the front matter is empty', { line: 1, column: 1 }, 'front-matter-missing')
    return
  }
  for (const error of firstErrorPerLine(document.errors, (offset) => toPoint(offset).line)) {
    reportError(file, yamlErrorReason(error, matterText), toPoint(error.pos[0]), 'front-matter-invalid-yaml')
  }
  if (document.errors.length > 0) return

  let data: unknown
  try {
    data = document.toJS()
  } catch (error) {
    // yaml refuses aliases that expand without bound (a "billion laughs" document) by throwing.
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    reportError(file, `Unexpected YAML: ${reason}; write the values out instead of repeating \`*aliases\``, firstAliasPlace(document, toPoint), 'front-matter-invalid-yaml')
    return
  }
  if (!isMap(document.contents)) {
    reportError(file, 'Expected the front matter to be YAML `field: value` lines', { line: 2, column: 1 }, 'front-matter-invalid-yaml')
    return
  }
  file.data.topicIds = readTopicIds(data)
  file.data.topicIdPlaces = new Map(
    (file.data.topicIds ?? []).map((topicId) => [topicId, placeInDocument(document as Document, ['topics', topicIndex(data, topicId), 'id'], toPoint)] as const)
  )

  const result = frontMatterSchema.safeParse(data)
  if (!result.success) {
    for (const issue of result.error.issues) reportSchemaIssue(file, document, issue, toPoint, matterText)
    return
  }

  const frontMatter = result.data
  const placeOf = (path: Array<string | number>): Point => placeInDocument(document as Document, path, toPoint)
  let valid = true
  if (frontMatter.status === 'approved' && (frontMatter.reviewers ?? []).length === 0) {
    reportError(file, 'Expected `reviewers` with at least one named clinician when `status: approved`; add them or set `status: in-review`', placeOf(['status']), 'reviewers-required')
    valid = false
  }
  const seen = new Set<string>()
  frontMatter.topics.forEach((topic, index) => {
    if (seen.has(topic.id)) {
      reportError(file, `Unexpected duplicate topic id \`${topic.id}\`; every topic needs its own id`, placeOf(['topics', index, 'id']), 'topic-id-duplicate')
      valid = false
    }
    seen.add(topic.id)
  })
  const nextReview = frontMatter['next-review']
  if (nextReview !== undefined && nextReview < today) {
    reportWarning(file, `Expected \`next-review\` (${nextReview}) to be in the future; the guideline is due for review`, placeOf(['next-review']), 'next-review-past')
  }
  if (!valid) return

  file.data.meta = {
    ...frontMatter,
    id,
    outputs: frontMatter.outputs ?? defaults.outputs,
    lang: frontMatter.lang ?? defaults.lang,
    reviewers: frontMatter.reviewers ?? [],
    authors: frontMatter.authors ?? []
  } satisfies GuidelineMeta
  reportMissingLabels(file, file.data.meta.lang, defaults.messages, frontMatter.lang === undefined ? { line: 1, column: 1 } : placeOf(['lang']))
}

/** Where the first `*alias` of a document is written (or the start of the front matter). */
function firstAliasPlace(document: Document, toPoint: (offset: number) => Point): Point {
  let offset: number | undefined
  visit(document, {
    Alias(_key, node) {
      offset = node.range?.[0]
      return visit.BREAK
    }
  })
  return offset === undefined ? { line: 2, column: 1 } : toPoint(offset)
}

function topicIndex(data: unknown, topicId: string): number {
  const topics: unknown = typeof data === 'object' && data !== null && 'topics' in data ? data.topics : undefined
  return Array.isArray(topics) ? topics.findIndex((topic: unknown) => typeof topic === 'object' && topic !== null && 'id' in topic && topic.id === topicId) : -1
}

function readTopicIds(data: unknown): string[] | undefined {
  if (typeof data !== 'object' || data === null || !('topics' in data) || !Array.isArray(data.topics)) return undefined
  return data.topics.flatMap((topic: unknown) =>
    typeof topic === 'object' && topic !== null && 'id' in topic && typeof topic.id === 'string' ? [topic.id] : []
  )
}

const dateFields = new Set(['updated', 'next-review'])

function reportSchemaIssue(file: VFile, document: Document, issue: z.core.$ZodIssue, toPoint: (offset: number) => Point, matterText: string): void {
  const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol')
  const field = path.join('.')
  if (issue.code === 'unrecognized_keys') {
    for (const key of issue.keys) {
      const keyPath = [...path, key]
      const known = path.length === 0 ? frontMatterFields : ['id', 'title', 'terms']
      reportError(file, `Unexpected field \`${keyPath.join('.')}\`; remove it or use one of: ${known.join(', ')}`, placeInDocument(document, keyPath, toPoint, true), 'front-matter-unknown-field')
    }
    return
  }
  const value = document.getIn(path)
  if (value === undefined && !document.hasIn(path)) {
    reportError(file, `Expected required field \`${field}\`; add \`${path.at(-1)}:\` to the front matter`, placeInDocument(document, path, toPoint), 'front-matter-required-field')
    return
  }
  const hint = dateFields.has(String(path[0])) && path.length === 1 ? '; write a day that exists as `YYYY-MM-DD`, such as `2026-03-01`' : ''
  reportError(file, `${issue.message} for \`${field}\`, not \`${asWritten(document, path, matterText)}\`${hint}`, placeInDocument(document, path, toPoint), 'front-matter-invalid-value')
}

/** Lists and quotes nested this deep (a line prefix of 200 characters) are unreadable, and slow every Markdown parser. */
export const maxNestingPrefix = 200
/** Container directives (`:::name`) open inside each other; the format allows none, the parser slows down quadratically. */
export const maxDirectiveDepth = 20
/**
 * Emphasis and bracket marks in one paragraph (a run of lines without a blank line). The parser
 * pairs them by searching back over the open ones, so time grows with the square of their number;
 * real paragraphs have a few dozen.
 */
export const maxInlineMarks = 1000
const markerRun = /([*_~])\1{99,}/
const nestingPrefix = /^(?:[ \t]|>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))*/
const directiveOpening = /^:{3,}[ \t]*[A-Za-z]/
const directiveClosing = /^:{3,}[ \t]*$/
const inlineMark = /[*_[\]]/g

/** Refuses absurdly deep nesting, and paragraphs that would take the parser minutes, before the parser meets them. */
function nestingIsReadable(file: VFile, body: string): boolean {
  let line = 1
  let openDirectives = 0
  let marks = 0
  let paragraphLine = 1
  for (const text of body.split('\n')) {
    const prefix = nestingPrefix.exec(text)?.[0].length ?? 0
    if (prefix > maxNestingPrefix && text.trim() !== '') {
      reportError(file, `Unexpected nesting ${prefix} characters deep; flatten the list or quote (at most ${maxNestingPrefix} characters of indentation and markers)`, { line, column: 1 }, 'nesting-too-deep')
      return false
    }
    const markers = markerRun.exec(text)
    if (markers) {
      reportError(file, `Unexpected run of ${markers[0].length} \`${markers[1]}\` characters; emphasis nested this deep cannot be read`, { line, column: markers.index + 1 }, 'nesting-too-deep')
      return false
    }
    const content = text.slice(prefix)
    if (directiveOpening.test(content)) openDirectives++
    else if (directiveClosing.test(content)) openDirectives = Math.max(0, openDirectives - 1)
    if (openDirectives > maxDirectiveDepth) {
      reportError(file, `Unexpected \`:::\` block nested ${openDirectives} deep; close each block with a \`:::\` line before the next opens`, { line, column: prefix + 1 }, 'nesting-too-deep')
      return false
    }
    if (text.trim() === '') {
      marks = 0
      paragraphLine = line + 1
    } else {
      marks += text.match(inlineMark)?.length ?? 0
      if (marks > maxInlineMarks) {
        reportError(file, `Unexpected paragraph with more than ${maxInlineMarks} \`*\`, \`_\`, \`[\` and \`]\` marks; split it into shorter paragraphs`, { line: paragraphLine, column: 1 }, 'input-too-complex')
        return false
      }
    }
    line++
  }
  return true
}
