import type { Root, RootContent } from 'mdast'
import { numberCitations } from './citations.ts'
import { rebaseImages } from './images.ts'
import { keyRecommendationsPanel } from './key-recommendations.ts'
import { referenceLists } from './references.ts'
import { audienceTitle, isApproved, recommendationQuote } from './labels.ts'
import type { Labels } from '../catalogue/labels.ts'
import { sectionHeading, splitSections } from '../format/sections.ts'
import type { GuidelineMeta } from '../types.ts'

/** The clinician summary: the key recommendations at a glance; per section the key points, summary text and labelled recommendations; then references. */
export function shapeSummary(tree: Root, meta: GuidelineMeta, labels: Labels): Root {
  rebaseImages(tree, 'summaries')
  const panel = keyRecommendationsPanel(splitSections(tree).sections, labels)
  const references = numberCitations(tree)
  const status = isApproved(meta) ? labels.text('approvedReviewedBy', { reviewers: meta.reviewers.join(', ') }) : labels.text('draftMark')
  const children: RootContent[] = [
    { type: 'heading', depth: 1, children: [{ type: 'text', value: audienceTitle(meta, 'summary') }] },
    {
      type: 'paragraph',
      children: [
        { type: 'strong', children: [{ type: 'text', value: labels.text('summaryKind') }] },
        { type: 'text', value: ` · ${labels.text('summaryLine', { version: meta.version, date: labels.date(meta.updated), status })}` }
      ]
    }
  ]
  if (meta.subtitle) children.push({ type: 'paragraph', children: [{ type: 'emphasis', children: [{ type: 'text', value: meta.subtitle }] }] })
  children.push(...panel)

  for (const section of splitSections(tree).sections) {
    if (section.children.length === 0) continue
    children.push(sectionHeading(section))
    children.push(...section.children.map((node) => (node.type === 'containerDirective' ? recommendationQuote(node, labels) : node)))
  }
  if (references.length > 0) {
    children.push({ type: 'heading', depth: 2, children: [{ type: 'text', value: labels.text('references') }] }, ...referenceLists(references))
  }
  return { type: 'root', children }
}
