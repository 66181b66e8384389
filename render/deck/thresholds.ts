// What a projected slide must hold to: the one home of the deck's type and fill thresholds. The
// build's fit-and-measure step (fit.ts) and the deck.pdf measurement test read them from here.
//
// Sizes are in points on the 960×540 pt slide the PDF prints (the 1280×720 px Marp slide: 1 px = 0.75 pt).

/** Body text (paragraphs, bullets): PowerPoint's widescreen norm is 28 pt; below 26 pt the back row struggles. */
export const BODY_MIN_PT = 26
/** Text in table cells. */
export const TABLE_MIN_PT = 20
/**
 * Reference lists (the references slides) and the strength badge above a recommendation (a label,
 * as a table header is): set as tables are, so a references slide holds several Vancouver entries
 * and a recommendation keeps its room for its own words, which are body type.
 */
export const LABEL_MIN_PT = TABLE_MIN_PT
/** Labels inside figures (SVG text), when they reach the PDF as text. */
export const FIGURE_LABEL_MIN_PT = 16
/**
 * A slide (other than the title slide) whose content ends above this share of the height it has for
 * content is nearly empty. The build measures in the content box (inside the padding that header,
 * footer and page number use); the deck.pdf measurement, which cannot see the padding, uses the page.
 */
export const TOP_THIRD = 1 / 3
/** The shrink for an overfull slide never goes below this share of its base size (and never below the minimums above). */
export const MIN_SHRINK = 0.7

export const PT_PER_PX = 0.75
export const ptToPx = (pt: number): number => pt / PT_PER_PX
