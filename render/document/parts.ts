// The parts of a printed handout that guidepress adds around its Markdown: ids on its sections, a
// contents list (for long handouts, with each section's page in the PDF) and a notes page with
// ruled lines, labelled in the reader's language.
import type { Element, Root } from 'hast'
import { visit } from 'unist-util-visit'
import { escapeHtml } from '../assets.ts'
import type { Labels } from '../../transforms/catalogue/labels.ts'

/** The id of the n-th (1-based) heading (`##` to `####`) the Markdown wrote. */
export const sectionId = (n: number): string => `section-${n}`
/** Ids of the parts guidepress writes (never a heading's: those are `section-N`). */
export const CONTENTS_ID = 'gp-contents'
export const NOTES_ID = 'gp-notes'
/** The class of a heading that starts a new column (summary) or page (handout): see print.css. */
export const BREAK_BEFORE_CLASS = 'gp-break-before'

/** Gives every `##`–`####` heading without an id one (`section-1`, …), so a contents list can link to it and the print step can name it. */
export function rehypeSectionIds() {
  return (tree: Root): void => {
    let n = 0
    visit(tree, 'element', (node: Element) => {
      if (!['h2', 'h3', 'h4'].includes(node.tagName) || node.properties.id !== undefined) return
      n += 1
      node.properties.id = sectionId(n)
    })
  }
}

/** The headings rehypeSectionIds named whose ids are in `ids` (those the print step starts a new column or page with BREAK_BEFORE_CLASS). */
export function sectionHeadings(tree: Root, ids: readonly string[]): Element[] {
  const wanted = new Set(ids.filter((id) => id.startsWith('section-')))
  const found: Element[] = []
  if (wanted.size === 0) return found
  visit(tree, 'element', (node: Element) => {
    const id = node.properties.id
    if (['h2', 'h3', 'h4'].includes(node.tagName) && typeof id === 'string' && wanted.has(id)) found.push(node)
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
