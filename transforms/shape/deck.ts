import type { Root, RootContent } from 'mdast'
import type { Position } from 'unist'
import type { ContainerDirective } from 'mdast-util-directive'
import { numberCitations } from './citations.ts'
import { rebaseImages } from './images.ts'
import { marpYaml } from './marp-yaml.ts'
import { draftMark, footerLine, isApproved, notesLabel, readableDate, recommendationQuote } from './labels.ts'
import { sectionHeading, splitSections } from '../format/sections.ts'
import { serializeFragment } from '../serialize/serialize.ts'
import { referenceLists } from './references.ts'
import { packRecommendations, packSlides, type Slide } from './slides.ts'
import type { GuidelineMeta } from '../types.ts'

export const deckTheme = 'guidepress'

interface DeckSlide extends Slide {
  className?: string
  notes?: RootContent[]
  headingDepth?: 1 | 2
  /** The source heading the title comes from; absent for slides guidepress makes (title, agenda). */
  position?: Position
}

/** The Marp deck: title, agenda, each section's slides with notes, recommendation slides, references. */
export function shapeDeck(tree: Root, meta: GuidelineMeta): Root {
  rebaseImages(tree, 'decks')
  const references = numberCitations(tree)
  const { sections } = splitSections(tree)
  const topicTitles = new Map(meta.topics.map((topic) => [topic.id, topic.title]))

  const slides: DeckSlide[] = [titleSlide(meta)]
  const agenda = sections.flatMap((section) => (section.topicId && section.children.length > 0 ? [topicTitles.get(section.topicId) ?? section.title] : []))
  slides.push(...listSlides('Agenda', agenda, 'agenda'))

  for (const section of sections) {
    const notes = section.children.filter((node) => isDirective(node, 'notes')).flatMap((node) => (node as ContainerDirective).children as RootContent[])
    const content = section.children.filter((node) => node.type !== 'containerDirective')
    const sectionSlides: DeckSlide[] = packSlides(section.title, content)
    const recommendations = section.children.filter((node) => isDirective(node, 'recommendation')).map((node) => recommendationQuote(node as ContainerDirective))
    const packed = packRecommendations(recommendations.map((quote) => ({ node: quote, words: quote.data?.recommendationWords ?? 0 })))
    sectionSlides.push(
      ...packed.map((slide, index) => ({
        title: `${slide.children.length > 1 ? 'Recommendations' : 'Recommendation'}: ${section.title}${index > 0 ? ' (continued)' : ''}`,
        children: slide.children,
        className: slide.size ? `recommendation ${slide.size}` : 'recommendation'
      }))
    )
    if (sectionSlides.length === 0 && notes.length > 0) sectionSlides.push({ title: section.title, children: [] })
    const first = sectionSlides[0]
    if (first && notes.length > 0) first.notes = notes
    slides.push(...sectionSlides.map((slide) => ({ ...slide, position: section.position })))
  }
  if (references.length > 0) {
    slides.push(...packSlides('References', referenceLists(references)).map((slide) => ({ ...slide, className: 'references' })))
  }

  const children: RootContent[] = [{ type: 'yaml', value: marpYaml(marpFrontMatter(meta)) }]
  slides.forEach((slide, index) => {
    if (index > 0) children.push({ type: 'thematicBreak' })
    children.push(...slideNodes(slide))
  })
  return { type: 'root', children }
}

function marpFrontMatter(meta: GuidelineMeta): Record<string, unknown> {
  return {
    marp: true,
    theme: deckTheme,
    paginate: true,
    lang: meta.lang,
    title: meta.title,
    description: `Slides for clinicians · version ${meta.version} · updated ${meta.updated}`,
    ...(isApproved(meta) ? {} : { header: draftMark }),
    footer: footerLine(meta)
  }
}

function titleSlide(meta: GuidelineMeta): DeckSlide {
  const children: RootContent[] = []
  if (meta.subtitle) children.push({ type: 'paragraph', children: [{ type: 'text', value: meta.subtitle }] })
  const status = isApproved(meta) ? `approved by ${meta.reviewers.join(', ')}` : draftMark
  children.push({ type: 'paragraph', children: [{ type: 'text', value: `Version ${meta.version} · updated ${readableDate(meta.updated, meta.lang)} · ${status}` }] })
  return { title: meta.title, children, className: 'title', headingDepth: 1 }
}

function listSlides(title: string, items: string[], className: string): DeckSlide[] {
  if (items.length === 0) return []
  const list: RootContent = {
    type: 'list',
    ordered: true,
    start: 1,
    spread: false,
    children: items.map((item) => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [{ type: 'text', value: item }] }] }))
  }
  return packSlides(title, [list]).map((slide) => ({ ...slide, className }))
}

function slideNodes(slide: DeckSlide): RootContent[] {
  const nodes: RootContent[] = []
  if (slide.className) nodes.push({ type: 'html', value: `<!-- _class: ${slide.className} -->` })
  nodes.push(sectionHeading(slide, slide.headingDepth ?? 2), ...slide.children)
  if (slide.notes) nodes.push({ type: 'html', value: presenterNote(slide.notes), position: slide.notes[0]?.position })
  return nodes
}

/** A first line that makes the YAML of a comment a plain scalar: no `:`, no YAML indicator at its start. */
const plainFirstLine = /^[\p{L}\p{N}][^:\n]*(?:\n|$)/u

/**
 * Marp reads an HTML comment as a presenter note; `-->` inside it would end the comment early.
 * Marp also reads every comment as YAML and applies the keys that are directives, so a note such as
 * `backgroundImage: url(…)` or `style: …` would restyle the slide and vanish from the notes. A
 * comment whose first line is plain text without a colon is never YAML that has keys; notes that
 * start otherwise get a label line first.
 */
function presenterNote(notes: RootContent[]): string {
  const text = serializeFragment(notes).replaceAll('-->', '-- >')
  return `<!--\n${plainFirstLine.test(text) ? text : `${notesLabel}\n\n${text}`}\n-->`
}

function isDirective(node: RootContent, name: string): node is ContainerDirective {
  return node.type === 'containerDirective' && node.name === name
}
