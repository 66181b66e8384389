import type { Root, RootContent } from 'mdast'
import { numberCitations } from './citations.ts'
import { rebaseImages } from './images.ts'
import { keyRecommendationsPanel } from './key-recommendations.ts'
import { referenceLists } from './references.ts'
import { audienceTitle, draftMark, isApproved, readableDate, recommendationQuote } from './labels.ts'
import { sectionHeading, splitSections } from '../format/sections.ts'
import type { GuidelineMeta } from '../types.ts'

/** The clinician summary: the key recommendations at a glance; per section the key points, summary text and labelled recommendations; then references. */
export function shapeSummary(tree: Root, meta: GuidelineMeta): Root {
  rebaseImages(tree, 'summaries')
  const panel = keyRecommendationsPanel(splitSections(tree).sections, meta.lang)
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
  children.push(...panel)

  for (const section of splitSections(tree).sections) {
    if (section.children.length === 0) continue
    children.push(sectionHeading(section))
    children.push(...section.children.map((node) => (node.type === 'containerDirective' ? recommendationQuote(node) : node)))
  }
  if (references.length > 0) {
    children.push({ type: 'heading', depth: 2, children: [{ type: 'text', value: 'References' }] }, ...referenceLists(references))
  }
  return { type: 'root', children }
}
