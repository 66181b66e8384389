/**
 * The numbers of themes/guidepress.css that decide how much a slide holds, for the layout model.
 * The CSS is what the browser uses; test/transforms/shape/theme-metrics.test.ts reads the theme and
 * fails when a value here and there disagree, so the two cannot drift apart.
 * Sizes are CSS px on the 1280×720 slide (1 pt = 4/3 px); `em` values are relative to `fontSize`.
 */
export const slideTheme = {
  width: 1280,
  height: 720,
  /** `section { padding: top right bottom left }` and its left border (box-sizing: border-box). */
  padding: { top: 86, right: 80, bottom: 70, left: 92 },
  borderLeft: 12,
  /** Body type: 36 px = 27 pt. */
  fontSize: 36,
  lineHeight: 1.3,
  paragraphGap: 0.5,
  heading: {
    /** `h1`/`h2`/`h3` size in em; all share `lineHeight` and `marginBottom`. */
    h1: 1.9,
    h2: 1.3,
    h3: 1.1,
    lineHeight: 1.15,
    marginBottom: 0.4,
    /** The rule under a slide title: its margin-top and height, in em of the h2. */
    ruleGap: 0.25,
    ruleHeight: 0.12
  },
  list: { indent: 1.3, itemGap: 0.25, marginBottom: 0.5, columnGap: 1.5 },
  quote: { paddingBlock: 0.4, paddingInline: 0.8, border: 0.2, gap: 0.6 },
  /** Recommendation badges: a line of their own above the text, in em of the body. */
  badge: { fontSize: 0.8, paddingBlock: 0.15, marginBottom: 0.35 },
  /** Tables and reference lists: 0.8 em = 28.8 px = 21.6 pt. */
  table: { fontSize: 0.8, lineHeight: 1.25, paddingBlock: 0.2, paddingInline: 0.5, border: 1 },
  references: { fontSize: 0.8, lineHeight: 1.25, itemGap: 0.3 }
} as const

/** The smallest type the deck may use, in px: body 26 pt, tables and reference lists 20 pt. */
export const minimumType = { body: (26 * 4) / 3, table: (20 * 4) / 3 } as const

export const contentBox = {
  width: slideTheme.width - slideTheme.borderLeft - slideTheme.padding.left - slideTheme.padding.right,
  height: slideTheme.height - slideTheme.padding.top - slideTheme.padding.bottom
} as const
