import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { minimumType, slideTheme } from '../../../transforms/shape/layout/theme-metrics.ts'

const css = readFileSync(path.join(import.meta.dirname, '../../../themes/guidepress.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '')

/** The value of `property` in the rule whose selector list is exactly `selector`. */
function declared(selector: string, property: string): string | undefined {
  for (const match of css.matchAll(/([^{}]+)\{([^}]*)\}/g)) {
    const selectors = (match[1] ?? '').split(',').map((each) => each.trim())
    if (!selectors.includes(selector)) continue
    const value = new RegExp(`(?:^|;|\\s)${property}\\s*:\\s*([^;]+)`).exec(match[2] ?? '')?.[1]?.trim()
    if (value !== undefined) return value
  }
  return undefined
}

const em = (value: number) => `${value}em`

describe('the layout model and the theme agree', () => {
  it('on the slide box and body type', () => {
    expect(declared('section', 'width')).toBe(`${slideTheme.width}px`)
    expect(declared('section', 'height')).toBe(`${slideTheme.height}px`)
    const { top, right, bottom, left } = slideTheme.padding
    expect(declared('section', 'padding')).toBe(`${top}px ${right}px ${bottom}px ${left}px`)
    expect(declared('section', 'border-left')).toBe(`${slideTheme.borderLeft}px solid var(--gp-brand)`)
    expect(declared('section', 'font-size')).toBe(`${slideTheme.fontSize}px`)
    expect(declared('section', 'line-height')).toBe(String(slideTheme.lineHeight))
    expect(declared('section p', 'margin')).toBe(`0 0 ${em(slideTheme.paragraphGap)}`)
  })

  it('on headings', () => {
    expect(declared('section h1', 'font-size')).toBe(em(slideTheme.heading.h1))
    expect(declared('section h2', 'font-size')).toBe(em(slideTheme.heading.h2))
    expect(declared('section h3', 'font-size')).toBe(em(slideTheme.heading.h3))
    expect(declared('section h2', 'line-height')).toBe(String(slideTheme.heading.lineHeight))
    expect(declared('section h2', 'margin')).toBe(`0 0 ${em(slideTheme.heading.marginBottom)}`)
    expect(declared('section h2::after', 'margin-top')).toBe(em(slideTheme.heading.ruleGap))
    expect(declared('section h2::after', 'height')).toBe(em(slideTheme.heading.ruleHeight))
  })

  it('on lists, quotes, badges, tables and references', () => {
    expect(declared('section ul', 'padding-left')).toBe(em(slideTheme.list.indent))
    expect(declared('section ul', 'margin')).toBe(`0 0 ${em(slideTheme.list.marginBottom)}`)
    expect(declared('section li + li', 'margin-top')).toBe(em(slideTheme.list.itemGap))
    expect(declared('section.two-columns ul', 'column-gap')).toBe(em(slideTheme.list.columnGap))
    expect(declared('section blockquote', 'padding')).toBe(`${em(slideTheme.quote.paddingBlock)} ${em(slideTheme.quote.paddingInline)}`)
    expect(declared('section blockquote', 'border-left')).toBe(`${em(slideTheme.quote.border)} solid var(--gp-brand)`)
    expect(declared('section blockquote', 'margin')).toBe(`0 0 ${em(slideTheme.quote.gap)}`)
    expect(declared('section.recommendation blockquote > p:first-child', 'font-size')).toBe(em(slideTheme.badge.fontSize))
    expect(declared('section.recommendation blockquote > p:first-child', 'margin-bottom')).toBe(em(slideTheme.badge.marginBottom))
    expect(declared('section.recommendation blockquote > p:first-child > strong:first-child', 'padding')).toBe(`${em(slideTheme.badge.paddingBlock)} 0.5em`)
    expect(declared('section table', 'font-size')).toBe(em(slideTheme.table.fontSize))
    expect(declared('section table', 'line-height')).toBe(String(slideTheme.table.lineHeight))
    expect(declared('section td', 'padding')).toBe(`${em(slideTheme.table.paddingBlock)} ${em(slideTheme.table.paddingInline)}`)
    expect(declared('section.references ol', 'font-size')).toBe(em(slideTheme.references.fontSize))
    expect(declared('section.references ol', 'line-height')).toBe(String(slideTheme.references.lineHeight))
    expect(declared('section.references li + li', 'margin-top')).toBe(em(slideTheme.references.itemGap))
  })

  it('sets no body text under 26 pt and no table, reference or badge text under 20 pt', () => {
    expect(slideTheme.fontSize).toBeGreaterThanOrEqual(minimumType.body)
    expect(slideTheme.fontSize * slideTheme.table.fontSize).toBeGreaterThanOrEqual(minimumType.table)
    expect(slideTheme.fontSize * slideTheme.references.fontSize).toBeGreaterThanOrEqual(minimumType.table)
    expect(slideTheme.fontSize * slideTheme.badge.fontSize).toBeGreaterThanOrEqual(minimumType.table)
    // Every font-size in the theme, other than the furniture (header, footer, page number) and the
    // table-sized classes checked above, is at least body size.
    const small = [...css.matchAll(/([^{}]+)\{([^}]*)\}/g)].flatMap((rule) => {
      const size = /font-size:\s*([\d.]+)em/.exec(rule[2] ?? '')?.[1]
      return size !== undefined && Number(size) < minimumType.body / slideTheme.fontSize ? [(rule[1] ?? '').trim()] : []
    })
    expect(small.sort()).toEqual(['section pre', 'section sup', 'section table', 'section.recommendation blockquote > p:first-child', 'section.references ol,\nsection.references ul'].sort())
  })
})
