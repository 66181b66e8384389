// The project's brand (config `brand`: colours and font) as the `--gp-*` custom properties every
// theme is written in. The one mapping from config names to theme tokens: the deck theme, the print
// stylesheet and the index page each get these declarations after their own, so they win.
import type { ProjectConfig } from '../transforms/input/config-schema.ts'
import { cssString } from './assets.ts'

type Brand = ProjectConfig['brand']

/** The house colours a derived token mixes with when the config leaves that colour out. */
const house = { ink: '#1a2330', surface: '#ffffff' }

/** `--gp-*` name → value, for the brand values the config sets (none: an empty list, and no CSS). */
export function brandTokens(brand: Brand | undefined): Array<[string, string]> {
  if (!brand) return []
  const { primary, accent, text, background } = brand.colours
  const tokens: Array<[string, string]> = []
  const surface = background ?? house.surface
  if (primary) tokens.push(['--gp-brand', primary], ['--gp-brand-dark', mix(primary, '#000000', 0.75)])
  // The accent tints boxes behind body text (recommendations, table heads): faint, so text stays readable.
  if (accent) tokens.push(['--gp-tint', mix(accent, surface, 0.14)])
  if (text) tokens.push(['--gp-ink', text])
  if (background) tokens.push(['--gp-surface', background])
  // Secondary text (dates, captions) sits between text and page, whichever of them the config sets.
  if (text || background) tokens.push(['--gp-muted', mix(text ?? house.ink, surface, 0.8)], ['--gp-rule', mix(text ?? house.ink, surface, 0.25)])
  if (brand.font) tokens.push(['--gp-font', `${cssString(brand.font)}, 'Atkinson Hyperlegible Next', sans-serif`])
  return tokens
}

/** A rule setting the brand tokens on `selector` (`section` in the deck theme, `:root` elsewhere); '' without a brand. */
export function brandCss(brand: Brand | undefined, selector: string): string {
  const tokens = brandTokens(brand)
  if (tokens.length === 0) return ''
  return `\n/* Brand colours and font from guidepress.config.yaml */\n${selector}{${tokens.map(([name, value]) => `${name}:${value};`).join('')}}\n`
}

/** `a` mixed with `b`, `weight` of it `a`: plain hex, so every browser and Marp tool reads it. */
export function mix(a: string, b: string, weight: number): string {
  const [ca, cb] = [channels(a), channels(b)]
  return `#${ca.map((value, index) => Math.round(value * weight + (cb[index] ?? 0) * (1 - weight)).toString(16).padStart(2, '0')).join('')}`
}

function channels(hex: string): number[] {
  const digits = hex.length === 4 ? [...hex.slice(1)].map((d) => d + d).join('') : hex.slice(1)
  return [0, 2, 4].map((at) => Number.parseInt(digits.slice(at, at + 2), 16))
}
