import type { BlockContent, Blockquote, Root } from 'mdast'
import type { ContainerDirective } from 'mdast-util-directive'
import { SKIP, visit } from '../visit.ts'
import { directiveContent, isAlertLevel } from '../format/directives.ts'
import type { Labels } from '../catalogue/labels.ts'
import type { MessageKey } from '../catalogue/en.ts'

/** What a reader's own service adds to the words guidepress writes (from `guidepress.config.yaml`'s `contacts`). */
export interface ReaderContacts {
  /** The number to call in an emergency: the config's, else the one for `lang` (`contactsFor` in input/config-schema.ts). */
  emergency?: string | undefined
  helplines?: readonly Helpline[]
}

export interface Helpline {
  name: string
  phone: string
  hours?: string
  url?: string
}

/** Marks an alert box in every output: a sign that reads the same in print, on screen and in plain Markdown. */
export const alertSign = '⚠'

/** The action heading of an alert level, in the reader's language: "Call 999 now". */
export function alertHeading(level: string, labels: Labels, contacts: ReaderContacts = {}): string {
  const key = isAlertLevel(level) ? alertHeadings[level] : alertHeadings.soon
  if (key !== 'alertEmergency') return labels.text(key)
  // No number is guessed where none is known (`lang: en`, an unlisted region): a wrong one is worse.
  return contacts.emergency ? labels.text('alertEmergency', { number: contacts.emergency }) : labels.text('alertEmergencyWithoutNumber')
}

const alertHeadings = { emergency: 'alertEmergency', urgent: 'alertUrgent', soon: 'alertSoon' } as const satisfies Record<string, MessageKey>

/**
 * Turns each `:::alert` into a quote that opens with a `###` heading: the warning sign and what to
 * do. The heading makes the box stand out without colour (and lets a screen reader jump to it);
 * the stylesheets give a quote that opens with a heading a heavy border.
 */
export function shapeAlerts(tree: Root, labels: Labels, contacts: ReaderContacts = {}): Root {
  visit(tree, 'containerDirective', (node: ContainerDirective, index, parent) => {
    if (node.name !== 'alert' || !parent || index === undefined) return
    parent.children.splice(index, 1, alertBox(node, labels, contacts))
    return [SKIP, index + 1]
  })
  return tree
}

function alertBox(node: ContainerDirective, labels: Labels, contacts: ReaderContacts): Blockquote {
  const heading = alertHeading(node.attributes?.level ?? '', labels, contacts)
  return {
    type: 'blockquote',
    // No position of its own: the box maps (source maps, dev's jump to source) to its first line of text.
    children: [
      { type: 'heading', depth: 3, children: [{ type: 'text', value: `${alertSign} ${heading}` }] },
      ...(directiveContent(node) as BlockContent[])
    ]
  }
}
