import type { Root, RootContent } from 'mdast'
import { citedDefinitions, removeCitations } from './citations.ts'
import { rebaseImages } from './images.ts'
import type { ReaderContacts } from './alerts.ts'
import { audienceTitle, isApproved } from './labels.ts'
import type { Labels } from '../catalogue/labels.ts'
import { aboutSection, contactsPanel } from './leaflet-parts.ts'
import { sectionHeading, splitSections } from '../format/sections.ts'
import { referenceLists } from './references.ts'
import { glossaryItems, wordsToKnowSection } from './words-to-know.ts'
import type { Glossary, GuidelineMeta } from '../types.ts'

export { wordsToKnowTitle } from './words-to-know.ts'

/**
 * The plain-language handout: title, draft mark, each section's shared and handout text, words to
 * know, the sources its own text cites, under the guideline's numbers for them (citation marks
 * are left to the clinician outputs), the reader's contacts (write-in lines and helplines), and
 * "About this leaflet" (who it is for, authors, version, updated, next review).
 */
export function shapeHandout(tree: Root, meta: GuidelineMeta, glossary: Glossary, labels: Labels, contacts: ReaderContacts = {}): Root {
  rebaseImages(tree, 'handouts')
  const sources = citedDefinitions(tree)
  removeCitations(tree)
  const children: RootContent[] = [{ type: 'heading', depth: 1, children: [{ type: 'text', value: audienceTitle(meta, 'handout') }] }]
  if (!isApproved(meta)) {
    children.push({
      type: 'blockquote',
      children: [
        {
          type: 'paragraph',
          children: [
            { type: 'strong', children: [{ type: 'text', value: `${labels.text('draftMark')}.` }] },
            { type: 'text', value: ` ${labels.text('draftNotice')}` }
          ]
        }
      ]
    })
  }
  const body: RootContent[] = []
  for (const section of splitSections(tree).sections) {
    if (section.children.length === 0) continue
    body.push(sectionHeading(section), ...section.children)
  }
  children.push(...body)

  children.push(...wordsToKnowSection(glossaryItems(body, glossary, meta.lang), labels))
  if (sources.length > 0) {
    children.push({ type: 'heading', depth: 2, children: [{ type: 'text', value: labels.text('sourcesTitle') }] }, ...referenceLists(sources))
  }
  children.push(...contactsPanel(labels, contacts), ...aboutSection(meta, labels))
  return { type: 'root', children }
}
