import type { ListItem, PhrasingContent, RootContent } from 'mdast'
import type { Helpline, ReaderContacts } from './alerts.ts'
import { isApproved, readableDate } from './labels.ts'
import { wordsFor } from './reader-words.ts'
import type { GuidelineMeta } from '../types.ts'

/** Text that must not be split across lines (a date, a phone number): its spaces become no-break spaces. */
export function unbreakable(text: string): string {
  return text.replace(/ /g, '\u00a0')
}

/** "27 November 2026" in the reader's language, kept on one line. */
export function leafletDate(isoDate: string, lang: string): string {
  return unbreakable(readableDate(isoDate, lang))
}

/**
 * "Your contacts": a two-column table whose second column is left empty for the reader to write
 * in (key worker's name, 24-hour number), then the service's helplines when the config lists them.
 */
export function contactsPanel(meta: GuidelineMeta, contacts: ReaderContacts = {}): RootContent[] {
  const words = wordsFor(meta.lang)
  const row = (label: string, writeIn = '') => ({
    type: 'tableRow' as const,
    children: [label, writeIn].map((value) => ({ type: 'tableCell' as const, children: value ? [{ type: 'text' as const, value }] : [] }))
  })
  const nodes: RootContent[] = [
    heading(2, words.contactsTitle),
    paragraph([{ type: 'text', value: words.contactsIntro }]),
    { type: 'table', align: [null, null], children: [row(words.contactColumn, words.writeHereColumn), row(words.keyWorker), row(words.dayAndNightNumber)] }
  ]
  const helplines = contacts.helplines ?? []
  if (helplines.length > 0) {
    nodes.push(heading(3, words.helplinesTitle), { type: 'list', ordered: false, spread: false, children: helplines.map(helplineItem) })
  }
  return nodes
}

function helplineItem(helpline: Helpline): ListItem {
  const children: PhrasingContent[] = [{ type: 'strong', children: [{ type: 'text', value: helpline.name }] }, { type: 'text', value: `: ${unbreakable(helpline.phone)}` }]
  if (helpline.hours) children.push({ type: 'text', value: ` (${helpline.hours})` })
  // Only web addresses become links, as in sources (validate/links.ts); anything else reads as text.
  if (helpline.url && /^https?:\/\//i.test(helpline.url)) {
    children.push({ type: 'text', value: ' · ' }, { type: 'link', url: helpline.url, children: [{ type: 'text', value: helpline.url.replace(/^https?:\/\//i, '').replace(/\/$/, '') }] })
  } else if (helpline.url) {
    children.push({ type: 'text', value: ` · ${helpline.url}` })
  }
  return { type: 'listItem', spread: false, children: [paragraph(children)] }
}

/** "About this leaflet": who it is for, what it is based on, who wrote and checked it, version and dates. */
export function aboutSection(meta: GuidelineMeta): RootContent[] {
  const words = wordsFor(meta.lang)
  const facts: Array<[string, string]> = []
  if (meta.authors.length > 0) facts.push([words.writtenBy, meta.authors.join(', ')])
  if (isApproved(meta)) facts.push([words.checkedBy, meta.reviewers.join(', ')])
  facts.push([words.version, meta.version], [words.updated, leafletDate(meta.updated, meta.lang)])
  if (meta['next-review']) facts.push([words.nextReview, leafletDate(meta['next-review'], meta.lang)])
  return [
    heading(2, words.aboutTitle),
    paragraph([{ type: 'text', value: `${words.whoFor} ${words.basedOn(meta.title)}` }]),
    {
      type: 'list',
      ordered: false,
      spread: false,
      children: facts.map(([label, value]) => ({
        type: 'listItem',
        spread: false,
        children: [paragraph([{ type: 'strong', children: [{ type: 'text', value: `${label}:` }] }, { type: 'text', value: ` ${value}` }])]
      }))
    }
  ]
}

function heading(depth: 2 | 3, value: string): RootContent {
  return { type: 'heading', depth, children: [{ type: 'text', value }] }
}

function paragraph(children: PhrasingContent[]): RootContent & { type: 'paragraph' } {
  return { type: 'paragraph', children }
}
