// Decks: Marp Markdown → HTML with @marp-team/marp-core and the house theme,
// then, in the shared browser, one page per deck that is printed to PDF (the
// PPTX is built from the Markdown, render/pptx/). Overfull slides are shrunk in
// steps before printing, never below the minimum type sizes, and every slide
// is measured (deck/fit.ts).
import { createHash } from 'node:crypto'
import path from 'node:path'
import { Marp } from './deck/marp-core.ts'
import type { BrowserSession } from './browser.ts'
import { contentSecurityPolicy, loadHtml } from './browser/page.ts'
import { isRenderedUrlAllowed } from '../transforms/validate/links.ts'
import { escapeHtml, FONT_STACK, fontFaceCss, htmlStart, imagesShownIn, inlineImage, styleText, superscriptsToSup } from './assets.ts'
import { RenderError } from './errors.ts'
import { DEFAULT_STEP_LIMITS, withinLimit, type StepLimits } from './limits.ts'
import { FIT_SCRIPT, type FitResult, type SlideInfo } from './deck/fit.ts'
import { PRESENT_CSS, PRESENT_SCRIPT, PRESENT_SCRIPT_HASH, presenterPanel } from './deck/present.ts'
import { labelsFor, type Labels } from '../transforms/catalogue/labels.ts'

export const SLIDE_WIDTH = 1280
export const SLIDE_HEIGHT = 720

export interface DeckInput {
  root: string
  /** Absolute path of decks/<id>.md (image paths resolve from its folder). */
  file: string
  markdown: string
  themeCss: string
  /** Where the theme came from, relative to the project (e.g. themes/guidepress.css), for its errors. */
  themeFile?: string
  lang: string
  title: string
}

export interface RenderedDeck {
  /** Marp's slide markup (inline SVG), its CSS and the helper script. */
  html: string
  css: string
  /** Speaker notes per slide (HTML comments that are not directives). */
  notes: string[]
  description?: string
  slideCount: number
  /** CSP hashes ('sha256-…') of Marp's own inline script, the only script a deck page may run. */
  scriptHashes: string[]
  /** The image files each slide shows (for naming them when a slide stalls). */
  slideImages: string[][]
}

interface MarkdownItLinks {
  normalizeLink: (url: string) => string
  validateLink: (url: string) => boolean
}

/** Marp Markdown → slide HTML + CSS, images under source/images inlined. */
export function renderDeckMarkdown(input: DeckInput): RenderedDeck {
  const marp = new Marp({
    html: false,
    inlineSVG: true,
    // Text as written: no `:name:` emoji, and no TeX (its `\href` made links past every check; `$5` stays `$5`).
    emoji: { shortcode: false, unicode: false },
    math: false,
    minifyCSS: false,
    // CommonMark soft breaks, as in handouts: the Markdown keeps one sentence
    // per line for diffs, which should not become visible line breaks.
    markdown: { breaks: false },
    script: { source: 'inline' }
  })
  try {
    marp.themeSet.add(input.themeCss)
  } catch (error) {
    throw themeError(input.themeFile ?? 'themes/guidepress.css', error)
  }
  const theme = marp.themeSet.get('guidepress')
  if (!theme) throw new RenderError(`${input.themeFile ?? 'themes/guidepress.css'}: the deck theme must start with the comment /* @theme guidepress */`)
  marp.themeSet.default = theme

  const md: MarkdownItLinks = marp.markdown
  const inlined = new Set<string>()
  const baseDir = path.dirname(input.file)
  const normalize = md.normalizeLink.bind(md)
  const validate = md.validateLink.bind(md)
  md.normalizeLink = (url) => {
    const data = inlineImage(input.root, baseDir, url)
    if (data) {
      inlined.add(data)
      return data
    }
    return normalize(url)
  }
  // Also applies to addresses Marp's linkify finds in text (`ftp://…`): only the schemes a source may link to.
  md.validateLink = (url) => inlined.has(url) || (validate(url) && isRenderedUrlAllowed(url))

  const { html, css, comments } = marp.render(input.markdown)
  const globals: Record<string, unknown> = (marp as unknown as { lastGlobalDirectives?: Record<string, unknown> })
    .lastGlobalDirectives ?? {}
  const description = typeof globals.description === 'string' ? globals.description : undefined
  const scriptHashes = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    (match) => `sha256-${createHash('sha256').update(match[1] ?? '').digest('base64')}`
  )
  return {
    html: superscriptsToSup(html),
    css,
    notes: comments.map((list) => list.join('\n\n').trim()),
    ...(description ? { description } : {}),
    slideCount: comments.length,
    scriptHashes,
    slideImages: html.split('<svg data-marpit-svg').slice(1).map(imagesShownIn)
  }
}

/** A theme Marp cannot read, as a message naming the theme file and the place in it (not `<css input>`). */
function themeError(themeFile: string, error: unknown): RenderError {
  const css = error as { reason?: unknown; line?: unknown; column?: unknown }
  const place = typeof css.line === 'number' ? `:${css.line}:${typeof css.column === 'number' ? css.column : 1}` : ''
  const reason = typeof css.reason === 'string' ? css.reason : error instanceof Error ? error.message : String(error)
  return new RenderError(`${themeFile}${place}: the deck theme is not valid CSS: ${reason}. Fix the CSS there and build again.`, { cause: error })
}

/** Layout that prints one slide per 1280×720 page. */
const PRINT_LAYOUT = `@page{size:${SLIDE_WIDTH}px ${SLIDE_HEIGHT}px;margin:0}
html,body{margin:0!important;padding:0!important;background:#fff!important}
main{display:block;margin:0;padding:0}
div.marpit>svg{display:block!important;width:${SLIDE_WIDTH}px!important;height:${SLIDE_HEIGHT}px!important;margin:0!important;box-shadow:none!important;break-after:page;break-inside:avoid}
div.marpit>svg:last-of-type{break-after:auto}`

const SCREEN_LAYOUT = `html{background:#3d4650;font-family:${FONT_STACK}}
body{margin:0;padding:1rem 0}
div.marpit>svg{display:block;width:min(calc(100vw - 2rem),${SLIDE_WIDTH}px);height:auto;margin:0 auto 1.5rem;box-shadow:0 2px 10px rgba(0,0,0,.4);background:#fff}
@media print{${PRINT_LAYOUT}}`

/** CSS that shrinks the slides the browser found overfull (1-based slide numbers). */
export function fitCss(scales: ReadonlyMap<number, number>): string {
  return [...scales]
    .map(([slide, px]) => `div.marpit>svg:nth-of-type(${slide})>foreignObject>section{font-size:${px}px!important}`)
    .join('\n')
}

/**
 * A complete HTML document for the deck; `render` forces the print layout for all media. Otherwise
 * it is deck.html: a slide show with a presenter view (deck/present.ts), under a
 * Content-Security-Policy that runs only Marp's script and the slide show's.
 */
export function deckDocument(
  deck: RenderedDeck,
  input: Pick<DeckInput, 'lang' | 'title'>,
  options: { render?: boolean; extraCss?: string; labels?: Labels } = {}
): string {
  const show = !options.render
  const labels = options.labels ?? labelsFor(input.lang)
  const layout = show ? `${SCREEN_LAYOUT}\n@media screen{${PRESENT_CSS}}` : PRINT_LAYOUT
  const description = deck.description ? `<meta name="description" content="${escapeHtml(deck.description)}">\n` : ''
  const policy = show ? `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy([...deck.scriptHashes, PRESENT_SCRIPT_HASH])}">\n` : ''
  const presenting = show ? `${presenterPanel(deck.notes, labels)}\n` : ''
  const script = show ? `<script>${PRESENT_SCRIPT}</script>\n` : ''
  return `${htmlStart(input.lang, input.title)}
${policy}${description}<style>
${fontFaceCss()}
${styleText(deck.css)}
${layout}
${options.extraCss ?? ''}
</style>
</head>
<body>
<main aria-label="${escapeHtml(labels.text('slides'))}">
${deck.html}
${presenting}</main>
${script}</body>
</html>
`
}

export type { SlideInfo } from './deck/fit.ts'

export interface DeckBrowserResult {
  pdf?: Uint8Array
  slides: SlideInfo[]
  /** Slide number → font-size in px, for slides shrunk to fit. */
  scales: Map<number, number>
  /** Slides still overfull at the smallest allowed size. */
  overfull: number[]
  /** Per slide: where its content ends, as a share of the slide's height. */
  extents: number[]
  /** Per slide: whether it is the title slide. */
  titles: boolean[]
}

/** Loads the deck in one page, fits and measures its slides and prints it; each step within its limit. */
export async function renderDeckInBrowser(
  session: BrowserSession,
  deck: RenderedDeck,
  input: Pick<DeckInput, 'lang' | 'title'> & { id: string },
  want: { pdf: boolean; limits?: StepLimits }
): Promise<DeckBrowserResult> {
  const limits = want.limits ?? DEFAULT_STEP_LIMITS
  const output = want.pdf ? 'deck.pdf' : 'deck.pptx'
  const allImages = [...new Set(deck.slideImages.flat())].sort()
  const page = await session.takePage({ viewport: { width: SLIDE_WIDTH, height: SLIDE_HEIGHT }, limitMs: limits.loadMs, place: { id: input.id, output, step: 'loading', files: allImages } })
  let ended = false
  try {
    await loadHtml(page, deckDocument(deck, input, { render: true }), {
      scriptHashes: deck.scriptHashes,
      limitMs: limits.loadMs,
      place: { id: input.id, output, step: 'loading', files: allImages }
    })

    const fit = await withinLimit(page.evaluate(FIT_SCRIPT) as Promise<FitResult>, limits.fitMs, {
      id: input.id,
      output,
      step: 'fitting the slides',
      files: allImages
    })

    const pdf = want.pdf
      ? await withinLimit(page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, timeout: 0 }), limits.pdfMs, {
          id: input.id,
          output: 'deck.pdf',
          step: 'printing',
          files: allImages
        })
      : undefined

    ended = true
    return {
      ...(pdf ? { pdf } : {}),
      slides: fit.slides,
      scales: new Map(fit.scales),
      overfull: fit.overfull,
      extents: fit.extents,
      titles: fit.titles
    }
  } finally {
    await session.releasePage(page, ended)
  }
}
