// One deck slide as PowerPoint objects on a 13.333 × 7.5 in (widescreen) slide, laid out like the
// HTML slide: draft band, brand rule on the left, title, content stacked down the page, footer
// and slide number.
import type { DeckSlide } from './deck-source.ts'
import { BADGE_GAP, BADGE_HEIGHT, badgeColours, CELL_MARGIN, COLUMN_GAP, columnWidth, partHeight, QUOTE_INDENT, slideParts, tableColumnWidths, tableRowHeights, type Part, type PictureSource, type Sizes } from './blocks.ts'
import type { HouseStyle } from './house-style.ts'
import { linesOf, paragraphsHeight } from './measure.ts'
import { shrunkName } from './package.ts'
import { blockParagraphs, inlineRuns, runOptions, type Run, type RunStyle } from './runs.ts'

type PptxModule = typeof import('pptxgenjs', { with: { 'resolution-mode': 'require' } })
type Presentation = InstanceType<PptxModule['default']>
type PptxSlide = ReturnType<Presentation['addSlide']>

export const SLIDE = { width: 13.333, height: 7.5 }
const LEFT = 0.96
const RIGHT = 0.83
const WIDTH = SLIDE.width - LEFT - RIGHT
const CONTENT_BOTTOM = 6.8
const GAP = 0.22
const TITLE_SIZE = 36
/** Body ≥ 26 pt and tables ≥ 20 pt (issue 15); larger when the slide has room. */
const BODY_SIZES = [28, 27, 26]
const TABLE_SIZES = [22, 21, 20]
const SMALL = 14
/** Names of the shapes in smaller type than the body (the badge, the draft band, the footer), as PowerPoint's selection pane shows them. */
export const CHROME = { header: 'Draft mark', footer: 'Footer', badge: 'Recommendation label', version: 'Version line' } as const
const BADGE_SIZE = 20

export interface SlideContext {
  house: HouseStyle
  lang: string
  pictures: PictureSource
  /** How many slides the deck has (links to its slides). */
  slides: number
}

/** Adds the slide; returns whether its content fitted at the smallest sizes by estimate (else the text boxes shrink on overflow). */
export function addSlide(pptx: Presentation, source: DeckSlide, context: SlideContext): boolean {
  const { house } = context
  const slide = pptx.addSlide()
  const isTitle = source.classes.includes('title')
  const style = (size: number, colour = isTitle ? house.onBrand : house.ink): RunStyle => ({ font: house.font, size, colour, link: isTitle ? house.onBrand : house.brand, lang: context.lang, slides: context.slides })
  slide.background = { color: isTitle ? house.brand : source.classes.includes('recommendation') ? house.tint : house.surface }
  slide.addShape('rect', { x: 0, y: 0, w: 0.125, h: SLIDE.height, fill: { color: isTitle ? house.brandDark : house.brand }, line: { type: 'none' } })
  chrome(slide, source, context, isTitle)
  if (isTitle) {
    titleSlide(slide, source, style)
    return true
  }
  let top = source.header ? 0.75 : 0.55
  if (source.title) {
    const lines = linesOf(inlineRuns(source.title.children, style(TITLE_SIZE)).map((run) => run.text).join(''), TITLE_SIZE, WIDTH - 0.2)
    const h = (lines * 1.15 * TITLE_SIZE) / 72 + 0.12
    slide.addText(inlineRuns(source.title.children, style(TITLE_SIZE, house.brand), { bold: true }), { x: LEFT, y: top, w: WIDTH, h, valign: 'bottom', margin: [7, 7, 0, 0], fit: 'shrink' })
    slide.addShape('rect', { x: LEFT + 0.1, y: top + h + 0.08, w: 0.8, h: 0.06, fill: { color: house.brand }, line: { type: 'none' } })
    top += h + 0.36
  }
  return placeParts(slide, slideParts(source.blocks, context.pictures, source.classes), top, context, style)
}

function chrome(slide: PptxSlide, source: DeckSlide, context: SlideContext, isTitle: boolean): void {
  const { house } = context
  const muted = isTitle ? house.onBrand : house.muted
  const small = { fontFace: house.font, fontSize: SMALL, lang: context.lang }
  if (source.header) {
    slide.addText(source.header, { ...small, objectName: CHROME.header, x: 0.125, y: 0, w: SLIDE.width - 0.125, h: 0.42, bold: true, color: house.draftInk, fill: { color: house.draftBg }, // pptxgenjs reads a text margin array as [left, right, bottom, top] (points).
      margin: [LEFT * 72 - 9, 0, 0, 0], valign: 'middle' })
  }
  if (source.footer) slide.addText(source.footer, { ...small, objectName: CHROME.footer, x: LEFT, y: 6.98, w: 9.2, h: 0.36, color: muted, valign: 'middle', margin: 0 })
  if (source.paginate) slide.slideNumber = { x: SLIDE.width - RIGHT - 1.2, y: 6.98, w: 1.2, h: 0.36, fontFace: house.font, fontSize: SMALL, bold: true, color: muted, align: 'right', valign: 'middle' }
}

function titleSlide(slide: PptxSlide, source: DeckSlide, style: (size: number) => RunStyle): void {
  const paragraphs = source.blocks.filter((block) => block.type === 'paragraph')
  // The last line (version, date, draft mark) in smaller type, as on the HTML title slide.
  const isVersion = (index: number): boolean => index === paragraphs.length - 1 && paragraphs.length > 1
  const sizes = paragraphs.map((_, index) => (isVersion(index) ? 22 : 28))
  const titleRuns = source.title ? inlineRuns(source.title.children, style(44), { bold: true }) : []
  const titleHeight = titleRuns.length > 0 ? (linesOf(titleRuns.map((run) => run.text).join(''), 44, WIDTH) * 1.15 * 44) / 72 + 0.2 : 0
  const textHeights = paragraphs.map((paragraph, index) => paragraphsHeight([inlineRuns(paragraph.children, style(sizes[index] ?? 28))], sizes[index] ?? 28, WIDTH))
  let y = Math.max(0.7, (SLIDE.height - titleHeight - textHeights.reduce((a, b) => a + b, 0.25)) / 2)
  if (titleRuns.length > 0) {
    slide.addText(titleRuns, { x: LEFT, y, w: WIDTH, h: titleHeight, valign: 'top', fit: 'shrink' })
    y += titleHeight + 0.25
  }
  paragraphs.forEach((paragraph, index) => {
    const size = sizes[index] ?? 28
    slide.addText(inlineRuns(paragraph.children, style(size)), { ...(isVersion(index) ? { objectName: CHROME.version } : {}), x: LEFT, y, w: WIDTH, h: textHeights[index] ?? 0.5, valign: 'top', fit: 'shrink' })
    y += textHeights[index] ?? 0.5
  })
}

/** Stacks the parts from `top`, at the largest sizes that fit; pictures share the height left. */
function placeParts(slide: PptxSlide, parts: Part[], top: number, context: SlideContext, style: (size: number, colour?: string) => RunStyle): boolean {
  const available = CONTENT_BOTTOM - top - GAP * Math.max(0, parts.length - 1)
  const heights = (sizes: Sizes): number[] => parts.map((part) => partHeight(part, sizes, WIDTH, (size) => style(size)))
  let sizes: Sizes = { body: BODY_SIZES.at(-1) ?? 26, table: TABLE_SIZES.at(-1) ?? 20 }
  let fits = false
  for (let step = 0; step < BODY_SIZES.length; step += 1) {
    const tried = { body: BODY_SIZES[step] ?? 26, table: TABLE_SIZES[step] ?? 20 }
    if (heights(tried).reduce((a, b) => a + b, 0) <= available) {
      sizes = tried
      fits = true
      break
    }
  }
  const needed = heights(sizes)
  const fixed = parts.reduce((sum, part, index) => sum + (part.kind === 'picture' ? 0 : needed[index] ?? 0), 0)
  const pictures = parts.filter((part) => part.kind === 'picture').length
  const pictureRoom = pictures > 0 ? Math.max(1.5, (CONTENT_BOTTOM - top - fixed - GAP * Math.max(0, parts.length - 1)) / pictures) : 0
  // Over the page by estimate: each text part gets its share of the room and shrinks on overflow.
  const squeeze = fits ? 1 : Math.max(0.3, (available - pictures * pictureRoom) / Math.max(fixed, 0.01))
  let y = top
  for (const [index, part] of parts.entries()) {
    const height = part.kind === 'picture' ? pictureRoom : (needed[index] ?? 0) * (part.kind === 'table' ? 1 : Math.min(1, squeeze))
    addPart(slide, part, y, height, { ...sizes, scale: Math.min(1, squeeze) }, context, style)
    y += height + GAP
  }
  return fits
}

function addPart(slide: PptxSlide, part: Part, y: number, height: number, sizes: Sizes & { scale: number }, context: SlideContext, style: (size: number, colour?: string) => RunStyle): void {
  const { house } = context
  switch (part.kind) {
    case 'text':
      slide.addText(flatten(blockParagraphs(part.blocks, style(sizes.body))), { ...shrunk(sizes.scale), x: LEFT, y, w: WIDTH, h: height, valign: 'top', fit: 'shrink' })
      return
    case 'columns':
      part.columns.forEach((list, index) => {
        const x = LEFT + index * (columnWidth(WIDTH) + COLUMN_GAP)
        slide.addText(flatten(blockParagraphs([list], style(sizes.body))), { ...shrunk(sizes.scale), x, y, w: columnWidth(WIDTH), h: height, valign: 'top', fit: 'shrink' })
      })
      return
    case 'table': {
      const colW = tableColumnWidths(part.table, WIDTH)
      const rowH = tableRowHeights(part.table, sizes.table, colW, style(sizes.table))
      const rows = part.table.children.map((row, rowIndex) =>
        Array.from({ length: colW.length }, (_, column) => {
          const cell = row.children[column]
          const runs = cell ? inlineRuns(cell.children, style(sizes.table), rowIndex === 0 ? { bold: true } : {}) : []
          return { text: runs.length > 0 ? runs : [{ text: '', options: runOptions(style(sizes.table), {}) }], options: rowIndex === 0 ? { fill: { color: house.tint }, bold: true } : {} }
        })
      )
      slide.addTable(rows, { x: LEFT, y, w: WIDTH, colW, rowH, fontFace: house.font, fontSize: sizes.table, color: house.ink, valign: 'top', margin: CELL_MARGIN, border: { type: 'solid', pt: 1, color: house.rule }, autoPage: false })
      return
    }
    case 'picture': {
      const ratio = part.picture.width / part.picture.height
      const w = Math.min(WIDTH, height * ratio)
      const h = w / ratio
      slide.addImage({ data: part.picture.data, x: LEFT + (WIDTH - w) / 2, y, w, h, altText: part.alt })
      return
    }
    case 'recommendation': {
      const colours = badgeColours(part.strong, house)
      const badgeWidth = Math.min(WIDTH, (part.label.length * BADGE_SIZE * 0.6) / 72 + 0.6)
      slide.addText(part.label, { objectName: CHROME.badge, x: LEFT, y, w: badgeWidth, h: BADGE_HEIGHT, shape: 'roundRect', rectRadius: 0.08, fill: { color: colours.fill }, line: { color: colours.line, width: 2 }, color: colours.text, bold: true, fontFace: house.font, fontSize: BADGE_SIZE, lang: context.lang, align: 'center', valign: 'middle', margin: 0 })
      const textTop = y + BADGE_HEIGHT + BADGE_GAP
      const textHeight = Math.max(0.5, height - BADGE_HEIGHT - BADGE_GAP)
      slide.addShape('rect', { x: LEFT, y: textTop, w: 0.06, h: textHeight, fill: { color: house.brand }, line: { type: 'none' } })
      slide.addText(flatten(blockParagraphs(part.body, style(sizes.body))), { ...shrunk(sizes.scale), x: LEFT + QUOTE_INDENT, y: textTop, w: WIDTH - QUOTE_INDENT, h: textHeight, valign: 'top', fit: 'shrink' })
    }
  }
}

/**
 * A box over the page by estimate is named with the scale it needs: PowerPoint applies "shrink on
 * overflow" only once the text is edited, so package.ts writes that scale into the file.
 */
function shrunk(heightRatio: number): { objectName?: string } {
  // Smaller type also takes fewer lines: the type scale is about the square root of the height ratio.
  return heightRatio < 1 ? { objectName: shrunkName(Math.sqrt(heightRatio)) } : {}
}

/** Paragraphs as one run list, each paragraph ending in a line break (pptxgenjs's paragraph mark). */
function flatten(paragraphs: Run[][]): Run[] {
  return paragraphs.flatMap((paragraph, index) =>
    paragraph.map((run, at) => (at === paragraph.length - 1 && index < paragraphs.length - 1 ? { text: run.text ?? '', options: { ...run.options, breakLine: true } } : run))
  )
}
