// What the renderer takes and gives back: the guidelines' metadata, the options of a render and its report.
import type { PaperSize } from './document.ts'
import type { ProjectConfig } from '../transforms/input/config-schema.ts'
import type { RenderWarning } from './errors.ts'
import type { IndexExtras, IndexGuideline } from './index-page.ts'
import type { StepLimits } from './limits.ts'
import type { BrowserSession } from './browser.ts'

export interface GuidelineMeta {
  id: string
  title: string
  subtitle?: string
  'handout-title'?: string
  'summary-title'?: string
  version: string
  updated: string /* YYYY-MM-DD */
  status: 'draft' | 'in-review' | 'approved'
  lang: string
  outputs: Array<'deck' | 'handout' | 'summary'>
}

export interface RenderOptions {
  root: string /* project root */
  pdf: boolean
  pptx: boolean
  /** One call per file written, with its path relative to root (e.g. dist/x/deck.pdf). */
  onFile?: (path: string) => void
  /**
   * Speaker notes as (closed) PDF text annotations on deck.pdf's pages. Off by default: viewers
   * show them as note icons on the projected slides; presenter.pdf and deck.html carry the notes.
   */
  pdfNotes?: boolean
  /** Paper for handouts, summaries and presenter notes; A4 by default. */
  paper?: PaperSize
  /** Brand colours and font (config `brand`), as `--gp-*` tokens over every theme (brand.ts). */
  brand?: ProjectConfig['brand']
  /** Who publishes the guidelines (config `organisation`): named on every printed page and the index. */
  organisation?: ProjectConfig['organisation']
  /** The project's own labels (config `messages`), over the catalogue of each guideline's language. */
  messages?: ProjectConfig['messages']
  /** The project's language (config `lang`), for dist/index.html; English when not given. */
  lang?: string
  /** Coverage and readability data for dist/index.html (quality gates). */
  index?: IndexExtras
  /** Pages rendered at once; default and maximum os.availableParallelism(). */
  concurrency?: number
  /** Markdown to render, by path relative to root (e.g. decks/x.md), instead of reading it from disk. */
  markdown?: ReadonlyMap<string, string>
  /** Files of the guidelines rendered now that are kept from the last build (outputs not rendered again), for dist/index.html. */
  keptFiles?: ReadonlySet<string>
  /** Guidelines not rendered this time (unchanged since the last build) that dist/index.html still lists. */
  unchangedGuidelines?: IndexGuideline[]
  /** A browser already starting (from startBrowser), so its launch overlaps earlier work: renderAll closes it after a failure, its owner after success. */
  session?: Promise<BrowserSession>
  /** Close `session` once its last step has ended, as renderAll does a browser of its own (the close overlaps the rest of the render). */
  closeSession?: boolean
  /** Where each file goes (relative path, bytes); by default written in place atomically. */
  write?: (relative: string, data: string | Uint8Array) => Promise<void>
  /** Time limits of the browser steps (limits.ts); the defaults suit every real guideline. */
  limits?: StepLimits
  /**
   * HTML pages (paths relative to root, e.g. dist/x/handout.html) to render before every other
   * output, and what to await once those this render makes are written: `guidepress dev` shows the
   * pages open in the browser while the rest waits.
   */
  first?: { pages: ReadonlySet<string>; rendered: () => Promise<void> }
}

export interface RenderReport {
  /** Files written, relative to root, in the order written. */
  files: string[]
  browserStarts: number
  /** Browser pages opened, each a window with a renderer process of its own: outputs share them, so no more than print at once. */
  browserPages: number
  /** Prints of each handout and summary PDF before its layout held (one, or two for a long handout's contents list), by dist path. */
  prints: Record<string /* dist path */, number>
  /** Extracted text of each PDF, keyed by its path relative to root. */
  pdfText: Record<string /* dist path */, string>
  /** Non-fatal findings, e.g. a slide still overfull after shrinking; the render stage places them in the source. */
  warnings: RenderWarning[]
  /** URLs the browser refused to load (network, files outside the allow-list). */
  blocked: string[]
}
