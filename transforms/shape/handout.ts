import type { Root, RootContent } from 'mdast'
import { citedDefinitions, removeCitations } from './citations.ts'
import { rebaseImages } from './images.ts'
import type { ReaderContacts } from './alerts.ts'
import { audienceTitle, draftMark, isApproved } from './labels.ts'
import { aboutSection, contactsPanel } from './leaflet-parts.ts'
import { sectionHeading, splitSections } from '../format/sections.ts'
import { referenceLists, sourcesTitle } from './references.ts'
import { termPattern, visibleText } from '../format/text.ts'
import type { Glossary, GuidelineMeta } from '../types.ts'

export const wordsToKnowTitle = 'Words to know'

/**
 * The plain-language handout: title, draft mark, each section's shared and handout text, words to
 * know, the sources its own text cites, under the guideline's numbers for them (citation marks
 * are left to the clinician outputs), the reader's contacts (write-in lines and helplines), and
 * "About this leaflet" (who it is for, authors, version, updated, next review).
 */
export function shapeHandout(tree: Root, meta: GuidelineMeta, glossary: Glossary, contacts: ReaderContacts = {}): Root {
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
            { type: 'strong', children: [{ type: 'text', value: `${draftMark}.` }] },
            { type: 'text', value: ' A doctor has not yet checked this handout. Talk with your care team before you act on it.' }
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
  children.push(...body, ...contactsPanel(meta, contacts))

  const words = termsUsed(body, glossary)
  if (words.length > 0) {
    children.push(
      { type: 'heading', depth: 2, children: [{ type: 'text', value: wordsToKnowTitle }] },
      {
        type: 'list',
        ordered: false,
        spread: false,
        data: { fromGlossary: true },
        children: words.map(([term, explanation]) => ({
          type: 'listItem',
          spread: false,
          children: [{ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: term }] }, { type: 'text', value: `: ${explanation}` }] }]
        }))
      }
    )
  }
  if (sources.length > 0) {
    children.push({ type: 'heading', depth: 2, children: [{ type: 'text', value: sourcesTitle(meta.lang) }] }, ...referenceLists(sources))
  }
  children.push(...aboutSection(meta))
  return { type: 'root', children }
}

/** Glossary entries whose term the handout uses, in order of first use. */
function termsUsed(body: RootContent[], glossary: Glossary): Array<[string, string]> {
  const root: Root = { type: 'root', children: body }
  const text = visibleText(root)
  return [...glossary]
    .map(([term, explanation]) => ({ term, explanation, at: text.search(termPattern(term)) }))
    .filter((entry) => entry.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((entry) => [entry.term, entry.explanation])
}
