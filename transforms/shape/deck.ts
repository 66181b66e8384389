import type { FootnoteDefinition, List, Paragraph, Root, RootContent } from 'mdast'
import type { Position } from 'unist'
import type { ContainerDirective } from 'mdast-util-directive'
import { numberCitations } from './citations.ts'
import { presenterNote } from './deck-notes.ts'
import { rebaseImages } from './images.ts'
import { marpYaml } from './marp-yaml.ts'
import { footerLine, isApproved } from './labels.ts'
import { englishLabels, type Labels } from '../catalogue/labels.ts'
import { listSlides, referenceRunSlides } from './list-slides.ts'
import { fitsSlide } from './layout/slide-fit.ts'
import { recommendationSlides } from './recommendation-slides.ts'
import { sectionHeading, splitSections } from '../format/sections.ts'
import { referenceLists } from './references.ts'
import { countWords, longBulletWords, packSlides, splitSentences, type Slide } from './slides.ts'
import type { GuidelineMeta, Section } from '../types.ts'

export const deckTheme = 'guidepress'

/** An authored section of this title (in `:::deck`) replaces the generated key messages, in any guideline's language. */
const englishKeyMessages = englishLabels.text('keyMessages')


interface DeckSlide extends Slide {
  className?: string
  notes?: RootContent[]
  headingDepth?: 1 | 2
  /** The source heading the title comes from; absent for slides guidepress makes (title, agenda). */
  position?: Position
}

/** The Marp deck: title, agenda, each section's slides with notes, recommendation slides, key messages, references. */
export function shapeDeck(tree: Root, meta: GuidelineMeta, labels: Labels): Root {
  rebaseImages(tree, 'decks')
  const references = numberCitations(tree)
  const { sections } = splitSections(tree)
  const topicTitles = new Map(meta.topics.map((topic) => [topic.id, topic.title]))
  const authoredKeyMessages = sections.find((section) => isKeyMessages(section, labels))

  const slides: DeckSlide[] = [titleSlide(meta, labels)]
  const agenda = sections.flatMap((section) => (section.topicId && section.children.length > 0 ? [topicTitles.get(section.topicId) ?? section.title] : []))
  slides.push(...listSlides(labels.text('agenda'), textList(agenda), {}).map((slide) => ({ ...slide, className: classes('agenda', slide.columns) })))

  const allRecommendations: ContainerDirective[] = []
  for (const section of sections) {
    if (section === authoredKeyMessages) continue
    const recommendations = section.children.filter((node) => isDirective(node, 'recommendation'))
    allRecommendations.push(...recommendations)
    slides.push(...sectionSlides(section, recommendations, references, labels))
  }

  if (authoredKeyMessages) slides.push(...sectionSlides(authoredKeyMessages, [], references, labels).map((slide) => ({ ...slide, className: 'key-messages' })))
  else if (allRecommendations.length > 0) {
    const list = keyMessageList(allRecommendations, labels.text('keyMessages'))
    if (list.children.length > 0) slides.push({ title: labels.text('keyMessages'), children: [list], className: 'key-messages' })
  }
  if (references.length > 0) {
    // A deck that cites only some works has several runs of numbers: those are packed as content.
    const [list, ...more] = referenceLists(references)
    if (list && more.length === 0) slides.push(...listSlides(labels.text('references'), list, { references: true }).map((slide) => ({ ...slide, className: classes('references', slide.columns) })))
    else slides.push(...referenceRunSlides(labels.text('references'), referenceLists(references)).map((slide) => ({ ...slide, className: 'references' })))
  }

  const children: RootContent[] = [{ type: 'yaml', value: marpYaml(marpFrontMatter(meta, labels)) }]
  slides.forEach((slide, index) => {
    if (index > 0) children.push({ type: 'thematicBreak' })
    children.push(...slideNodes(slide))
  })
  return { type: 'root', children }
}

/** A section's content slides, then its recommendation slides; its notes go with its first slide. */
function sectionSlides(section: Section, recommendations: ContainerDirective[], references: FootnoteDefinition[], labels: Labels): DeckSlide[] {
  const notes = section.children.filter((node) => isDirective(node, 'notes')).flatMap((node) => node.children as RootContent[])
  const content = section.children.filter((node) => node.type !== 'containerDirective')
  const slides: DeckSlide[] = packSlides(section.title, content, labels)
  slides.push(...recommendationSlides(section.title, recommendations, references, labels).map((slide) => ({ ...slide, className: 'recommendation' })))
  if (slides.length === 0 && notes.length > 0) slides.push({ title: section.title, children: [] })
  const first = slides[0]
  if (first && notes.length > 0) first.notes = [...notes, ...(first.notes ?? [])]
  return slides.map((slide) => ({ ...slide, position: section.position }))
}

/** An authored `## Key messages` (or its title in the guideline's language) replaces the generated slide. */
function isKeyMessages(section: Section, labels: Labels): boolean {
  const title = section.title.trim().toLowerCase()
  return title === labels.text('keyMessages').toLowerCase() || title === englishKeyMessages.toLowerCase()
}

function classes(name: string, columns: 1 | 2): string {
  return columns === 2 ? `${name} two-columns` : name
}

function textList(items: string[]): List {
  return {
    type: 'list',
    ordered: true,
    start: 1,
    spread: false,
    data: { generated: true },
    children: items.map((item) => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [{ type: 'text', value: item }] }] }))
  }
}

/**
 * The generated key messages, one slide: the first sentence of each recommendation without its
 * citation marks, strong recommendations first, as many as fit the slide; a first sentence longer
 * than a slide bullet should be (over `longBulletWords`) is left out. An author who wants other
 * messages writes them (`## Key messages` in `:::deck`).
 */
function keyMessageList(recommendations: ContainerDirective[], title: string): List {
  const strongFirst = [...recommendations.filter((each) => each.attributes?.strength === 'strong'), ...recommendations.filter((each) => each.attributes?.strength !== 'strong')]
  const candidates = strongFirst.flatMap((directive) => {
    const first = directive.children.find((child): child is Paragraph => child.type === 'paragraph')
    const sentence = first ? splitSentences(first)[0] : undefined
    if (!sentence || countWords(sentence) > longBulletWords) return []
    const children = sentence.children.filter((child) => !(child.type === 'text' && child.data?.citation))
    return [{ type: 'listItem' as const, spread: false, children: [{ type: 'paragraph' as const, children, position: first?.position }] }]
  })
  const list: List = { type: 'list', ordered: false, spread: false, data: { generated: true }, children: [] }
  for (const item of candidates) {
    const next: List = { ...list, children: [...list.children, item] }
    if (fitsSlide(title, [next])) list.children.push(item)
  }
  return list
}

function marpFrontMatter(meta: GuidelineMeta, labels: Labels): Record<string, unknown> {
  return {
    marp: true,
    theme: deckTheme,
    paginate: true,
    lang: meta.lang,
    title: meta.title,
    description: labels.text('deckDescription', { version: meta.version, updated: meta.updated }),
    ...(isApproved(meta) ? {} : { header: labels.text('draftMark') }),
    footer: footerLine(meta, labels)
  }
}

function titleSlide(meta: GuidelineMeta, labels: Labels): DeckSlide {
  const children: RootContent[] = []
  const line = (value: string): Paragraph => ({ type: 'paragraph', children: [{ type: 'text', value }] })
  if (meta.subtitle) children.push(line(meta.subtitle))
  if (meta.authors.length > 0) children.push({ type: 'paragraph', children: [{ type: 'emphasis', children: [{ type: 'text', value: meta.authors.join(', ') }] }] })
  const status = isApproved(meta) ? labels.text('approvedBy', { reviewers: meta.reviewers.join(', ') }) : labels.text('draftMark')
  children.push(line(labels.text('titleSlideLine', { version: meta.version, date: labels.date(meta.updated), status })))
  return { title: meta.title, children, className: 'title', headingDepth: 1 }
}

function slideNodes(slide: DeckSlide): RootContent[] {
  const nodes: RootContent[] = []
  if (slide.className) nodes.push({ type: 'html', value: `<!-- _class: ${slide.className} -->` })
  nodes.push(sectionHeading(slide, slide.headingDepth ?? 2), ...slide.children)
  if (slide.notes && slide.notes.length > 0) nodes.push({ type: 'html', value: presenterNote(slide.notes), position: slide.notes[0]?.position })
  return nodes
}

function isDirective(node: RootContent, name: string): node is ContainerDirective {
  return node.type === 'containerDirective' && node.name === name
}
