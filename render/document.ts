// Handouts and summaries: CommonMark + GFM → sanitised HTML (no scripts, no
// javascript: URLs) in a full document with the print stylesheet, then PDF in
// the shared browser with title, version, date, page numbers and the draft
// mark on every page through CSS @page margin boxes.
import path from 'node:path'
import type { Element, ElementContent, Root } from 'hast'
import type { Page } from 'puppeteer-core'
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize'
import { allowedSchemes } from '../transforms/validate/links.ts'
import rehypeStringify from 'rehype-stringify'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import type { BrowserSession } from './browser.ts'
import { loadHtml } from './browser/page.ts'
import { cssString, escapeHtml, FONT_STACK, fontFaceCss, fromSuperscript, htmlStart, imagesShownIn, inlineImage, styleText, SUPERSCRIPT_RUN } from './assets.ts'
import { DEFAULT_STEP_LIMITS, withinLimit, type StepLimits } from './limits.ts'
import { BREAK_BEFORE_CLASS, contentsHtml, notesPageHtml, rehypeSectionIds, rehypeTopicIds, sectionHeadings, withContents, type ContentsEntry } from './document/parts.ts'
import { englishLabels, labelsFor, type Labels, type MessageOverrides } from '../transforms/catalogue/labels.ts'
import { mayHoldAutolinks, remarkGfmSyntax, withSource } from '../transforms/parse/gfm-syntax.ts'

/**
 * The default schema, with links limited to the schemes a source may use: committed Markdown
 * edited by hand must not bring back a scheme the validator refuses (the default allows irc:, xmpp:).
 */
const documentSchema: SanitizeSchema = {
  ...defaultSchema,
  protocols: { ...defaultSchema.protocols, href: [...allowedSchemes] }
}

export type PaperSize = 'A4' | 'Letter'

/** What every printed document's running head and page setup say: handouts, summaries, presenter notes. */
export interface PrintedPage {
  title: string
  version: string
  updated: string
  lang: string
  draft: boolean
  paper: PaperSize
  /** Who publishes it (config `organisation.name`), in the running footer. */
  organisation?: string
  /** The project's own labels (config `messages`), over the catalogue of `lang`. */
  messages?: MessageOverrides
}

/** The words of a printed page, in its language. */
export function pageLabels(page: Pick<PrintedPage, 'lang' | 'messages'>): Labels {
  return labelsFor(page.lang, page.messages)
}

export interface DocumentInput extends PrintedPage {
  root: string
  /** Absolute path of the Markdown file (image paths resolve from its folder). */
  file: string
  markdown: string
  printCss: string
  kind: 'handout' | 'summary'
  /** A handout's contents list (long handouts only; the print step decides and numbers it). */
  contents?: ContentsEntry[]
  /** Ids of headings to start a new column or page (the print step finds them). */
  breakBefore?: string[]
  /** Slightly tighter spacing (class gp-tight on body): the print step's way to save a last page holding a few lines. */
  tight?: boolean
  /** The organisation's logo as a data: URL, beside its name in the page's header on screen. */
  logo?: string
}

/** Replaces image sources under source/images/ with data: URLs (after sanitising). */
function rehypeInlineImages(options: { root: string; baseDir: string }) {
  return (tree: Root): void => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'img') return
      const src = node.properties.src
      if (typeof src !== 'string') return
      const data = inlineImage(options.root, options.baseDir, src)
      if (data) node.properties.src = data
    })
  }
}

/** Unicode superscript digits (missing from the house font) → <sup> elements. */
function rehypeSuperscripts() {
  return (tree: Root): void => {
    visit(tree, 'text', (node, index, parent) => {
      if (!parent || index === undefined || !SUPERSCRIPT_RUN.test(node.value)) return
      SUPERSCRIPT_RUN.lastIndex = 0
      const parts: ElementContent[] = []
      let last = 0
      for (const match of node.value.matchAll(SUPERSCRIPT_RUN)) {
        if (match.index > last) parts.push({ type: 'text', value: node.value.slice(last, match.index) })
        parts.push({ type: 'element', tagName: 'sup', properties: {}, children: [{ type: 'text', value: fromSuperscript(match[0]) }] })
        last = match.index + match[0].length
      }
      if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) })
      parent.children.splice(index, 1, ...parts)
      return index + parts.length
    })
  }
}

/** Markdown → sanitised HTML fragment. */
export async function markdownToHtml(markdown: string, options: { root: string; file: string; breakBefore?: readonly string[]; labels?: Labels }): Promise<string> {
  return stringifyFragment(await markdownTree(markdown, options), options.breakBefore ?? [])
}

/** The fragment's tree: sanitised, images inlined, every `##`–`####` heading with its section id (a topic's `{#id}`, or `section-N`). */
async function markdownTree(markdown: string, options: { root: string; file: string; labels?: Labels }): Promise<Root> {
  const labels = options.labels ?? englishLabels
  const processor = unified()
    .use(remarkRehype, {
      footnoteLabel: labels.text('footnotesTitle'),
      footnoteBackLabel: labels.text('footnoteBack'),
      // The house font has no arrows (the default is '↩'), so a word.
      footnoteBackContent: labels.text('footnoteBackShort')
    })
    .use(rehypeSanitize, documentSchema)
    .use(rehypeInlineImages, { root: options.root, baseDir: path.dirname(options.file) })
    .use(rehypeSuperscripts)
    .use(rehypeTopicIds)
    .use(rehypeSectionIds)
  const parser = mayHoldAutolinks(markdown) ? parsers.autolinks : parsers.plain
  return (await processor.run(withSource(markdown, () => parser.parse(markdown)))) as Root
}

// GFM read as the transform reads it (parse/gfm-syntax.ts): remark-gfm's trees, with no autolink tried where none can be and a table only before a delimiter row.
const parserFor = (autolinks: boolean) => unified().use(remarkParse).use(remarkGfmSyntax, { autolinks }).freeze()
const parsers = { autolinks: parserFor(true), plain: parserFor(false) }
const stringifier = unified().use(rehypeStringify)

/** The tree as HTML, the headings in `breakBefore` marked to start a new column or page (the tree is left as it was). */
function stringifyFragment(tree: Root, breakBefore: readonly string[]): string {
  const marked = sectionHeadings(tree, breakBefore)
  for (const heading of marked) heading.properties.className = [BREAK_BEFORE_CLASS]
  try {
    return stringifier.stringify(tree)
  } finally {
    for (const heading of marked) delete heading.properties.className
  }
}

/**
 * The summary's margins (top, sides, bottom). Letter is 18 mm shorter than A4 (and 6 mm wider): its
 * narrower margins give the two columns about the area they have on A4, so the brief keeps to two pages.
 */
const summaryMargins: Record<PaperSize, string> = { A4: '16mm 14mm 14mm', Letter: '12mm 11mm 10mm' }

/** Per-document @page rules: paper size and the running header/footer texts. */
export function pageCss(
  input: PrintedPage & { kind: DocumentInput['kind'] | 'presenter' },
  /** Page margins (CSS shorthand) when not the stylesheet's. */
  margin?: string
): string {
  const labels = pageLabels(input)
  const running = labels.text('runningHead', { title: input.title, version: input.version, date: labels.date(input.updated) })
  const box = `font-family:${FONT_STACK};font-size:9pt;color:#4a5563;`
  const draft = input.draft
    ? `@top-right{content:${cssString(labels.text('draftMark'))};${box}color:#5c3300;font-weight:700;vertical-align:middle}`
    : ''
  // The clinician summary is a two-page brief: narrower margins than the patient handout.
  const margins = margin ?? (input.kind === 'summary' ? summaryMargins[input.paper] : undefined)
  const footer = [input.kind === 'presenter' ? labels.text('presenterNotes') : undefined, input.organisation].filter((part) => part !== undefined).join(' · ')
  const label = footer ? `@bottom-left{content:${cssString(footer)};${box}vertical-align:middle}` : ''
  return `@page{size:${input.paper};${margins ? `margin:${margins};` : ''}` +
    `@top-left{content:${cssString(running)};${box}vertical-align:middle}` +
    draft +
    label +
    `@bottom-right{content:${pageNumberContent(labels)};${box}vertical-align:middle}}`
}

/** "Page 3 of 8" as CSS `content`: the label's words as strings, its `{n}` and `{total}` as the page counters. */
function pageNumberContent(labels: Labels): string {
  const counters: Record<string, string> = { n: 'counter(page)', total: 'counter(pages)' }
  const pieces = labels.template('pageOf').split(/\{(\w+)\}/)
  // The words keep to one line with the numbers (no-break spaces, as the catalogue writes "Slide 3 of 8").
  return pieces.map((piece, index) => (index % 2 === 1 ? counters[piece] ?? '' : piece === '' ? '' : cssString(piece.replace(/ /g, '\u00a0')))).filter((part) => part !== '').join(' ')
}

/** What the print step may change between two prints of a document. */
export type DocumentLayout = Pick<DocumentInput, 'contents' | 'breakBefore' | 'tight'>

/** A document page in one layout: its whole HTML, and the class and contents of its body's <main>, which are all a layout changes. */
export interface DocumentPage {
  html: string
  bodyClass: string
  main: string
}

/** A complete, script-free HTML document for a handout or summary. */
export async function documentHtml(input: DocumentInput): Promise<string> {
  return (await documentLayouts(input)(input)).html
}

/** The document's page in each layout the print step tries, its Markdown parsed only once. */
export function documentLayouts(input: DocumentInput): (layout: DocumentLayout) => Promise<DocumentPage> {
  let tree: Promise<Root> | undefined
  return async (layout) => {
    tree ??= markdownTree(input.markdown, { root: input.root, file: input.file, labels: pageLabels(input) })
    return documentPage(input, layout, stringifyFragment(await tree, layout.breakBefore ?? []))
  }
}

function documentPage(input: DocumentInput, layout: DocumentLayout, fragment: string): DocumentPage {
  const labels = pageLabels(input)
  let body = fragment
  if (layout.contents) body = withContents(body, contentsHtml(layout.contents, labels))
  if (input.kind === 'handout') body = `${body}\n${notesPageHtml(labels)}`
  const label = labels.text(input.kind === 'handout' ? 'handoutLabel' : 'summaryLabel')
  const draft = input.draft ? `<strong class="gp-draft">${escapeHtml(labels.text('draftMark'))}</strong>` : ''
  const head = labels.text('documentHead', { kind: label, version: input.version, date: labels.date(input.updated) })
  const bodyClass = `gp-${input.kind}${layout.tight ? ' gp-tight' : ''}`
  const main = `\n${body}\n`
  const html = `${htmlStart(input.lang, `${input.title} – ${label}`)}
<style>
${fontFaceCss()}
${styleText(input.printCss)}
${pageCss(input)}
</style>
</head>
<body class="${bodyClass}">
<header class="gp-meta">
${organisationHtml(input)}<span>${escapeHtml(head)}</span>
${draft}
</header>
<main>${main}</main>
</body>
</html>
`
  return { html, bodyClass, main }
}

/** The organisation's logo and name at the head of the page, when the config names one. */
function organisationHtml(input: DocumentInput): string {
  if (input.organisation === undefined) return ''
  const logo = input.logo ? `<img src="${escapeHtml(input.logo)}" alt="" height="32">` : ''
  return `<span class="gp-organisation">${logo}${escapeHtml(input.organisation)}</span>\n`
}

/** Which PDF a print is for: guideline id and output file name, e.g. `handout.pdf`. */
export interface PrintTarget {
  id: string
  output: string
  limits?: StepLimits
}

/**
 * Loads a printable page (its own @page rules) in a fresh page of the shared browser, runs
 * `prepare` on it once the fonts are in (a fit step, say), and prints it; each step within its limit.
 */
export async function printHtml<T>(
  session: BrowserSession,
  html: string,
  target: PrintTarget,
  prepare: (page: Page) => Promise<T>
): Promise<{ pdf: Uint8Array; prepared: T }> {
  return withPrintPage(session, target, async (page, steps) => {
    await steps.load(html)
    const prepared = await steps.within(prepare(page), 'fitting the text')
    return { pdf: await steps.print(), prepared }
  })
}

/** What a page opened by `withPrintPage` can do, each within its step's limit. */
export interface PrintSteps {
  /** (Re)loads the page with this HTML and waits for its fonts. */
  load(html: string): Promise<void>
  /** Prints the page as it is now (with Chromium's outline of its headings when `outline`). */
  print(options?: { outline?: boolean }): Promise<Uint8Array>
  within<T>(work: Promise<T>, step: string): Promise<T>
}

/** Opens a fresh page of the shared browser for `work` (which may load and print more than once) and closes it. */
export async function withPrintPage<T>(session: BrowserSession, target: PrintTarget, work: (page: Page, steps: PrintSteps) => Promise<T>): Promise<T> {
  const limits = target.limits ?? DEFAULT_STEP_LIMITS
  let place = { id: target.id, output: target.output, files: [] as string[] }
  const page = await session.takePage({ limitMs: limits.loadMs, place: { ...place, step: 'loading' } })
  const steps: PrintSteps = {
    load: async (html) => {
      place = { ...place, files: imagesShownIn(html) }
      await loadHtml(page, html, { limitMs: limits.loadMs, place: { ...place, step: 'loading' } })
    },
    print: (options = {}) =>
      withinLimit(
        page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, ...(options.outline ? { outline: true } : {}), timeout: 0 }),
        limits.pdfMs,
        { ...place, step: 'printing' }
      ),
    within: (work, step) => withinLimit(work, limits.fitMs, { ...place, step })
  }
  let ended = false
  try {
    const result = await work(page, steps)
    ended = true
    return result
  } finally {
    await session.releasePage(page, ended)
  }
}
