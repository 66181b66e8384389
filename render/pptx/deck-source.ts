// A committed deck (Marp Markdown) read as slides for the PPTX: front matter, and per slide its
// class, header, footer, pagination, title, content blocks (mdast) and speaker notes.
// Parsed with remark (CommonMark + GFM tables), the same Markdown Marp renders: slides are split
// at thematic breaks (`---`), and HTML comments are Marp directives or speaker notes.
import type { Heading, Html, List, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { parse as parseYaml } from 'yaml'
import { notesLabel } from '../../transforms/shape/labels.ts'
import { RenderError } from '../errors.ts'

const parser = unified().use(remarkParse).use(remarkGfm).freeze()

export interface DeckSlide {
  classes: string[]
  header?: string
  footer?: string
  paginate: boolean
  title?: Heading
  blocks: RootContent[]
  notes: NoteParagraph[]
}

/** One paragraph of speaker notes: its text, and its list depth (0 when not a bullet). */
export interface NoteParagraph {
  text: string
  bullet: number
}

export interface DeckSource {
  lang?: string
  slides: DeckSlide[]
}

/** Marp's directives (with `_` for this slide only); any other comment is a speaker note. */
const DIRECTIVES = new Set([
  'theme', 'style', 'headingDivider', 'lang', 'title', 'description', 'author', 'image', 'keywords', 'url', 'marp', 'size', 'math',
  'paginate', 'header', 'footer', 'class', 'backgroundColor', 'backgroundImage', 'backgroundPosition', 'backgroundRepeat', 'backgroundSize', 'color'
])
type Local = { class?: string; header?: string; footer?: string; paginate?: boolean }
const LOCAL_KEYS = ['class', 'header', 'footer', 'paginate'] as const

export function readDeckSource(markdown: string, file: string): DeckSource {
  const { frontMatter, body, bodyLine } = splitFrontMatter(markdown, file)
  // Front matter lines stay as blank lines so positions in the body are the file's.
  const tree = parser.parse('\n'.repeat(bodyLine - 1) + body)
  const lasting: Local = pickLocal(frontMatter)
  const slides: DeckSlide[] = []
  let nodes: RootContent[] = []
  const flush = (): void => {
    slides.push(makeSlide(nodes, lasting))
    nodes = []
  }
  for (const node of tree.children) {
    if (node.type === 'thematicBreak') flush()
    else nodes.push(node)
  }
  flush()
  return { ...(typeof frontMatter.lang === 'string' ? { lang: frontMatter.lang } : {}), slides }
}

function splitFrontMatter(markdown: string, file: string): { frontMatter: Record<string, unknown>; body: string; bodyLine: number } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(markdown)
  if (!match) return { frontMatter: {}, body: markdown, bodyLine: 1 }
  let data: unknown
  try {
    data = parseYaml(match[1] ?? '')
  } catch (error) {
    throw new RenderError(`${file}: its front matter is not valid YAML (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); build again to write the deck anew.`)
  }
  const frontMatter = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {}
  return { frontMatter, body: markdown.slice(match[0].length), bodyLine: match[0].split('\n').length }
}

function pickLocal(values: Record<string, unknown>, prefix = ''): Local {
  const local: Local = {}
  for (const key of LOCAL_KEYS) {
    const value = values[prefix + key]
    if (key === 'paginate' && typeof value === 'boolean') local.paginate = value
    else if (key !== 'paginate' && (typeof value === 'string' || typeof value === 'number')) local[key] = String(value)
  }
  return local
}

/** The directives of a comment, or undefined when it is a speaker note. */
function directives(comment: string): Record<string, unknown> | undefined {
  let data: unknown
  try {
    data = parseYaml(comment)
  } catch {
    return undefined
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined
  const keys = Object.keys(data)
  return keys.length > 0 && keys.every((key) => DIRECTIVES.has(key.replace(/^_/, ''))) ? (data as Record<string, unknown>) : undefined
}

const COMMENT = /^<!--([\s\S]*?)-->$/

function makeSlide(nodes: RootContent[], lasting: Local): DeckSlide {
  const blocks: RootContent[] = []
  const notes: NoteParagraph[] = []
  let once: Local = {}
  for (const node of nodes) {
    const comment = node.type === 'html' ? COMMENT.exec(node.value.trim()) : null
    if (!comment) {
      blocks.push(node)
      continue
    }
    const found = directives(comment[1] ?? '')
    if (found) {
      Object.assign(lasting, pickLocal(found))
      once = { ...once, ...pickLocal(found, '_') }
    } else notes.push(...noteParagraphs(comment[1] ?? ''))
  }
  const local = { ...lasting, ...once }
  const titleAt = blocks.findIndex((block) => block.type === 'heading' && block.depth <= 2)
  const title = titleAt >= 0 ? (blocks.splice(titleAt, 1)[0] as Heading) : undefined
  return {
    classes: (local.class ?? '').split(/\s+/).filter(Boolean),
    ...(local.header ? { header: inlineText(local.header) } : {}),
    ...(local.footer ? { footer: inlineText(local.footer) } : {}),
    paginate: local.paginate ?? false,
    ...(title ? { title } : {}),
    blocks,
    notes
  }
}

/** A speaker note as paragraphs: one per paragraph or bullet, soft line breaks as spaces, no label line. */
function noteParagraphs(comment: string): NoteParagraph[] {
  const out: NoteParagraph[] = []
  const walk = (nodes: RootContent[], depth: number): void => {
    for (const node of nodes) {
      if (node.type === 'list') for (const item of (node as List).children) walkItem(item.children, depth + 1)
      else if (node.type === 'blockquote') walk(node.children, depth)
      else if (node.type === 'html') out.push({ text: node.value.trim(), bullet: depth })
      else if (node.type !== 'thematicBreak' && node.type !== 'definition') out.push({ text: oneLine(node), bullet: depth })
    }
  }
  const walkItem = (children: RootContent[], depth: number): void => {
    const [first, ...rest] = children
    if (first && first.type !== 'list') out.push({ text: oneLine(first), bullet: depth })
    walk(first && first.type === 'list' ? children : rest, depth)
  }
  walk(parser.parse(comment).children, 0)
  const kept = out.filter((paragraph) => paragraph.text.length > 0)
  // "Presenter notes" heads a note only to keep Marp from reading it as directives.
  if (kept[0]?.bullet === 0 && kept[0].text === notesLabel) kept.shift()
  return kept
}

/** Header and footer are inline Markdown in Marp (`Iron\\-deficiency` reads "Iron-deficiency"). */
function inlineText(markdown: string): string {
  return toString(parser.parse(markdown)).replace(/\s+/g, ' ').trim()
}

function oneLine(node: RootContent): string {
  return (node.type === 'code' || node.type === 'html' ? (node as Html).value : toString(node)).replace(/\s+/g, ' ').trim()
}
