// Deck → editable PPTX, built from the committed deck Markdown (decks/<id>.md), not from pictures:
// titles, paragraphs and bullets as text runs, tables as tables, images as pictures with alt text,
// recommendation labels as badges, speaker notes as notes, in the theme's fonts and colours.
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { readTheme, themeFileName } from '../assets.ts'
import { brandCss } from '../brand.ts'
import type { ProjectConfig } from '../../transforms/input/config-schema.ts'
import { RenderError } from '../errors.ts'
import { dateFromUpdated } from '../pdf-meta.ts'
import type { GuidelineMeta } from '../types.ts'
import { readDeckSource } from './deck-source.ts'
import { houseStyle } from './house-style.ts'
import { finishPackage } from './package.ts'
import { addSlide, SLIDE } from './slide.ts'
import { labelsFor, type Labels } from '../../transforms/catalogue/labels.ts'

type PptxGenJS = typeof import('pptxgenjs', { with: { 'resolution-mode': 'require' } }).default
const require = createRequire(import.meta.url)
// pptxgenjs only exports a CommonJS entry point.
const PptxGen = require('pptxgenjs') as PptxGenJS

export interface PptxInput {
  root: string
  /** Absolute path of decks/<id>.md (image paths resolve from its folder). */
  file: string
  markdown: string
  themeCss: string
  themeFile: string
  meta: Pick<GuidelineMeta, 'title' | 'subtitle' | 'version' | 'updated' | 'lang'>
  /** The words of the file's properties, in the deck's language (the catalogue's for `meta.lang` when not given). */
  labels?: Labels
}

export interface PptxResult {
  bytes: Uint8Array
  /** Slides (1-based) whose content is over the page by estimate, left to PowerPoint's shrink on overflow. */
  crowded: number[]
}

export async function buildPptx(input: PptxInput): Promise<PptxResult> {
  const house = houseStyle(input.themeCss, input.themeFile)
  const deck = readDeckSource(input.markdown, path.relative(input.root, input.file) || input.file)
  const lang = deck.lang ?? input.meta.lang
  const pptx = new PptxGen()
  pptx.defineLayout({ name: 'GUIDEPRESS_WIDE', width: SLIDE.width, height: SLIDE.height })
  pptx.layout = 'GUIDEPRESS_WIDE'
  pptx.title = input.meta.title
  const labels = input.labels ?? labelsFor(input.meta.lang)
  pptx.subject = labels.text('pdfSubject', { kind: input.meta.subtitle ?? labels.text('deckKind'), version: input.meta.version })
  pptx.author = 'guidepress'
  pptx.company = 'guidepress'
  pptx.theme = { headFontFace: house.font, bodyFontFace: house.font }
  const crowded: number[] = []
  deck.slides.forEach((slide, index) => {
    if (!addSlide(pptx, slide, { house, lang, pictures: { root: input.root, file: input.file }, slides: deck.slides.length })) crowded.push(index + 1)
  })
  // Uncompressed here: finishPackage writes the zip again and compresses it once.
  const raw = (await pptx.write({ outputType: 'uint8array', compression: false })) as Uint8Array
  const bytes = await finishPackage(raw, { date: dateFromUpdated(input.meta.updated), notes: deck.slides.map((slide) => slide.notes), lang })
  return { bytes, crowded }
}

/** The PPTX of a guideline's deck: its Markdown (given in memory, or decks/<id>.md) and the project's theme. */
export async function deckPptx(
  root: string,
  file: string,
  meta: PptxInput['meta'],
  inMemory?: ReadonlyMap<string, string>,
  /** The config's brand (render/brand.ts), over the theme's house colours and font. */
  brand?: ProjectConfig['brand'],
  labels?: Labels
): Promise<PptxResult> {
  const relative = path.relative(root, file).split(path.sep).join('/')
  const markdown = inMemory?.get(relative) ?? (await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new RenderError(`Cannot render ${relative} as deck.pptx: ${error.code ?? String(error)} (write the Markdown outputs first)`, { cause: error })
  }))
  // The brand's tokens before the theme's: houseStyle takes the first declaration of each.
  const themeCss = brandCss(brand, 'section') + (await readTheme(root, 'guidepress.css'))
  return buildPptx({ root, file, markdown, themeCss, themeFile: themeFileName(root, 'guidepress.css'), meta, ...(labels ? { labels } : {}) })
}
