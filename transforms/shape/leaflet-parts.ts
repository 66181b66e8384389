import type { ListItem, PhrasingContent, RootContent } from 'mdast'
import type { Helpline, ReaderContacts } from './alerts.ts'
import { isApproved } from './labels.ts'
import type { Labels } from '../catalogue/labels.ts'
import type { GuidelineMeta } from '../types.ts'

/** Text that must not be split across lines (a date, a phone number): its spaces become no-break spaces. */
export function unbreakable(text: string): string {
  return text.replace(/ /g, '\u00a0')
}

/**
 * "Your contacts": a two-column table whose second column is left empty for the reader to write
 * in (key worker's name, 24-hour number), then the service's helplines when the config lists them.
 */
export function contactsPanel(labels: Labels, contacts: ReaderContacts = {}): RootContent[] {
  const row = (label: string, writeIn = '') => ({
    type: 'tableRow' as const,
    children: [label, writeIn].map((value) => ({ type: 'tableCell' as const, children: value ? [{ type: 'text' as const, value }] : [] }))
  })
  const nodes: RootContent[] = [
    heading(2, labels.text('contactsTitle')),
    paragraph([{ type: 'text', value: labels.text('contactsIntro') }]),
    { type: 'table', align: [null, null], children: [row(labels.text('contactColumn'), labels.text('writeHereColumn')), row(labels.text('keyWorker')), row(labels.text('dayAndNightNumber'))] }
  ]
  const helplines = contacts.helplines ?? []
  if (helplines.length > 0) {
    nodes.push(heading(3, labels.text('helplinesTitle')), { type: 'list', ordered: false, spread: false, children: helplines.map(helplineItem) })
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
export function aboutSection(meta: GuidelineMeta, labels: Labels): RootContent[] {
  const facts: Array<[string, string]> = []
  if (meta.authors.length > 0) facts.push([labels.text('writtenBy'), meta.authors.join(', ')])
  if (isApproved(meta)) facts.push([labels.text('checkedBy'), meta.reviewers.join(', ')])
  facts.push([labels.text('version'), meta.version], [labels.text('updated'), labels.date(meta.updated)])
  if (meta['next-review']) facts.push([labels.text('nextReview'), labels.date(meta['next-review'])])
  return [
    heading(2, labels.text('aboutTitle')),
    paragraph([{ type: 'text', value: `${labels.text('whoFor')} ${labels.text('basedOn', { title: meta.title })}` }]),
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
