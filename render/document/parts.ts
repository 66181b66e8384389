// The parts of a printed handout that guidepress adds around its Markdown: ids on its sections, a
// contents list (for long handouts, with each section's page in the PDF) and a notes page with
// ruled lines, labelled in the reader's language.
import type { Element, Root } from 'hast'
import { visit } from 'unist-util-visit'
import { escapeHtml } from '../assets.ts'
import type { Labels } from '../../transforms/catalogue/labels.ts'
import { kebabCaseId, trailingId } from '../../transforms/format/ids.ts'

/** The id of the n-th (1-based) heading (`##` to `####`) the Markdown wrote without a topic id. */
export const sectionId = (n: number): string => `section-${n}`
/** Ids of the parts guidepress writes (never a heading's: those are `section-N` or a topic id). */
export const CONTENTS_ID = 'gp-contents'
export const NOTES_ID = 'gp-notes'
/** The class of a heading that starts a new column (summary) or page (handout): see print.css. */
export const BREAK_BEFORE_CLASS = 'gp-break-before'
/** What the sanitiser puts before the ids the Markdown brings (the footnotes' heading and items): never a section's. */
const SANITIZED_ID_PREFIX = 'user-content-'

const SECTION_TAGS = ['h2', 'h3', 'h4']

/**
 * Whether an id is one a heading the Markdown wrote was given here (`section-N`, or the topic id of a
 * `## Title {#topic}` heading): the headings a contents list names and the print step may move.
 */
export function isSectionId(id: string): boolean {
  return kebabCaseId.test(id) && id !== CONTENTS_ID && id !== NOTES_ID && !id.startsWith(SANITIZED_ID_PREFIX)
}

/**
 * Gives each `##` heading that ends in a topic's `{#id}` (the transform writes one on the topics a
 * `#topic` link points at) that id, so the link lands on it; the `{#id}` itself is not shown. An id
 * that is not a section's (`gp-contents`, say) or is taken already is left off (the heading gets a
 * `section-N`), and links to it keep only their words: they would land on something else.
 */
export function rehypeTopicIds() {
  return (tree: Root): void => {
    const taken = new Set<string>()
    const refused = new Set<string>()
    visit(tree, 'element', (node: Element) => {
      if (typeof node.properties.id === 'string') taken.add(node.properties.id)
    })
    visit(tree, 'element', (node: Element) => {
      const last = node.children.at(-1)
      if (node.tagName !== 'h2' || node.properties.id !== undefined || last?.type !== 'text') return
      const match = trailingId.exec(last.value)
      if (!match) return
      last.value = last.value.slice(0, match.index)
      if (last.value === '') node.children.pop()
      const id = (match[1] ?? '').trim()
      if (isSectionId(id) && !taken.has(id)) node.properties.id = id
      else refused.add(`#${id}`)
      taken.add(id)
    })
    if (refused.size === 0) return
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'a' || !refused.has(String(node.properties.href)) || !parent || index === undefined) return
      parent.children.splice(index, 1, ...node.children)
      return index
    })
  }
}

/** Gives every `##`–`####` heading without an id one (`section-1`, …, skipping any a topic took), so a contents list can link to it and the print step can name it. */
export function rehypeSectionIds() {
  return (tree: Root): void => {
    const taken = new Set<string>()
    visit(tree, 'element', (node: Element) => {
      if (typeof node.properties.id === 'string') taken.add(node.properties.id)
    })
    let n = 0
    visit(tree, 'element', (node: Element) => {
      if (!SECTION_TAGS.includes(node.tagName) || node.properties.id !== undefined) return
      do n += 1
      while (taken.has(sectionId(n)))
      node.properties.id = sectionId(n)
    })
  }
}

/** The headings rehypeSectionIds or rehypeTopicIds named whose ids are in `ids` (those the print step starts a new column or page with BREAK_BEFORE_CLASS). */
export function sectionHeadings(tree: Root, ids: readonly string[]): Element[] {
  const wanted = new Set(ids.filter(isSectionId))
  const found: Element[] = []
  if (wanted.size === 0) return found
  visit(tree, 'element', (node: Element) => {
    const id = node.properties.id
    if (SECTION_TAGS.includes(node.tagName) && typeof id === 'string' && wanted.has(id)) found.push(node)
  })
  return found
}

/** One line of the contents list: a `##` section, and its page in the PDF when known. */
export interface ContentsEntry {
  id: string
  title: string
  page?: number
}

/** The contents list: a link to each section, with its page number (shown in print only). */
export function contentsHtml(entries: readonly ContentsEntry[], labels: Labels): string {
  const items = entries
    .map(
      (entry) =>
        `<li><a href="#${escapeHtml(entry.id)}"><span class="gp-contents-title">${escapeHtml(entry.title)}</span>` +
        (entry.page === undefined ? '' : `<span class="gp-contents-page"><span class="sr-only">${escapeHtml(labels.text('page'))} </span>${entry.page}</span>`) +
        '</a></li>'
    )
    .join('\n')
  return `<nav class="gp-contents" aria-labelledby="${CONTENTS_ID}">\n<h2 id="${CONTENTS_ID}">${escapeHtml(labels.text('contents'))}</h2>\n<ol>\n${items}\n</ol>\n</nav>`
}

const RULED_LINES = { questions: 8, notes: 12 }

/** The last printed page of a handout: ruled lines for the reader's questions and notes (print only). */
export function notesPageHtml(labels: Labels): string {
  const lines = (count: number): string => `<div class="gp-lines">${'<span></span>'.repeat(count)}</div>`
  return (
    `<section class="gp-notes" aria-labelledby="${NOTES_ID}">\n<h2 id="${NOTES_ID}">${escapeHtml(labels.text('notes'))}</h2>\n` +
    `<h3>${escapeHtml(labels.text('questions'))}</h3>\n${lines(RULED_LINES.questions)}\n` +
    `<h3>${escapeHtml(labels.text('moreNotes'))}</h3>\n${lines(RULED_LINES.notes)}\n</section>`
  )
}

/** Inserts the contents list before the first `##` section of a document body (or at its end when there is none). */
export function withContents(body: string, contents: string): string {
  const at = body.search(/<h2[\s>]/)
  return at < 0 ? `${body}\n${contents}` : `${body.slice(0, at)}${contents}\n${body.slice(at)}`
}
