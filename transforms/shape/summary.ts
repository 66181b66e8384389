import type { FootnoteDefinition, List, Root, RootContent } from 'mdast'
import { numberCitations } from './citations.ts'
import { rebaseImages } from './images.ts'
import { audienceTitle, draftMark, isApproved, readableDate, recommendationQuote } from './labels.ts'
import { sectionHeading, splitSections } from '../format/sections.ts'
import type { GuidelineMeta } from '../types.ts'

/** The clinician summary: per section the key points, summary text and labelled recommendations; then references. */
export function shapeSummary(tree: Root, meta: GuidelineMeta): Root {
  rebaseImages(tree, 'summaries')
  const references = numberCitations(tree)
  const status = isApproved(meta) ? `Approved; reviewed by ${meta.reviewers.join(', ')}` : draftMark
  const children: RootContent[] = [
    { type: 'heading', depth: 1, children: [{ type: 'text', value: audienceTitle(meta, 'summary') }] },
    {
      type: 'paragraph',
      children: [
        { type: 'strong', children: [{ type: 'text', value: 'Clinician summary' }] },
        { type: 'text', value: ` · version ${meta.version} · updated ${readableDate(meta.updated, meta.lang)} · ${status}` }
      ]
    }
  ]
  if (meta.subtitle) children.push({ type: 'paragraph', children: [{ type: 'emphasis', children: [{ type: 'text', value: meta.subtitle }] }] })

  for (const section of splitSections(tree).sections) {
    if (section.children.length === 0) continue
    children.push(sectionHeading(section))
    children.push(...section.children.map((node) => (node.type === 'containerDirective' ? recommendationQuote(node) : node)))
  }
  if (references.length > 0) {
    children.push({ type: 'heading', depth: 2, children: [{ type: 'text', value: 'References' }] }, referenceList(references))
  }
  return { type: 'root', children }
}

/**
 * The cited footnotes as a list (numbered unless `ordered` is false), in the order the text cites
 * them. Each item keeps its definition's place, so a message about it names the source line.
 */
export function referenceList(references: FootnoteDefinition[], ordered = true): List {
  return {
    type: 'list',
    ordered,
    ...(ordered ? { start: 1 } : {}),
    spread: false,
    data: { references: true },
    children: references.map((definition) => ({
      type: 'listItem',
      spread: false,
      ...(definition.position ? { position: definition.position } : {}),
      children: definition.children.map((child) => (child.type === 'paragraph' ? { ...child, data: { ...child.data, oneLine: true } } : child))
    }))
  }
}
