// The PPTX's fonts and colours, read from the deck theme's --gp-* custom properties so the
// slides, the handouts and the PowerPoint share one home for them (themes/guidepress.css).
import { RenderError } from '../errors.ts'

export interface HouseStyle {
  /** First family of --gp-font (PowerPoint takes one typeface name). */
  font: string
  /** Colours as PowerPoint wants them: six hex digits, no '#'. */
  ink: string
  muted: string
  brand: string
  brandDark: string
  onBrand: string
  surface: string
  tint: string
  rule: string
  draftBg: string
  draftInk: string
}

const COLOURS = {
  ink: '--gp-ink',
  muted: '--gp-muted',
  brand: '--gp-brand',
  brandDark: '--gp-brand-dark',
  onBrand: '--gp-on-brand',
  surface: '--gp-surface',
  tint: '--gp-tint',
  rule: '--gp-rule',
  draftBg: '--gp-draft-bg',
  draftInk: '--gp-draft-ink'
} as const

/** The house style of a theme; a missing or unreadable --gp-* value is an error naming the theme file. */
export function houseStyle(themeCss: string, themeFile: string): HouseStyle {
  const values = new Map<string, string>()
  // The first declaration wins: the theme declares its tokens once, on `section`.
  for (const match of themeCss.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/(--gp-[a-z-]+)\s*:\s*([^;}]+)/g)) {
    const [, name, value] = match
    if (name && value && !values.has(name)) values.set(name, value.trim())
  }
  const need = (name: string): string => {
    const value = values.get(name)
    if (!value) throw new RenderError(`${themeFile}: the deck theme declares no ${name}, which the PPTX takes its house style from. Declare it on \`section\`, as themes/guidepress.css does.`)
    return value
  }
  const colour = (name: string): string => {
    const value = need(name)
    const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value)?.[1]
    if (!hex) throw new RenderError(`${themeFile}: ${name} is \`${value}\`; the PPTX needs it as a hex colour (#rrggbb or #rgb).`)
    return (hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex).toUpperCase()
  }
  const font = need('--gp-font').split(',')[0]?.trim().replace(/^['"]|['"]$/g, '') ?? ''
  if (!font) throw new RenderError(`${themeFile}: --gp-font names no font family.`)
  const colours = Object.fromEntries(Object.entries(COLOURS).map(([key, name]) => [key, colour(name)])) as Omit<HouseStyle, 'font'>
  return { font, ...colours }
}
