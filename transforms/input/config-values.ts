// Checks of the config that need more than one value, or the disk: formats that go together, the
// logo file, and brand colours people can read.
import type { Point } from 'unist'
import type { VFile } from 'vfile'
import { logoDir, type ConfigFile } from './config-schema.ts'
import { readProjectFile } from './paths.ts'
import { reportError } from '../messages.ts'
import { placeholderProblem } from '../catalogue/labels.ts'
import type { MessageKey } from '../catalogue/en.ts'

/** WCAG 2 AA for body text: what patients with low vision need, and what the house theme meets. */
export const minimumContrast = 4.5
/** The house theme's text and page colours, which a config may leave as they are. */
const houseText = '#1a2330'
const houseBackground = '#ffffff'
/** Text on the brand colour (slide titles, table heads) is white in every theme. */
const onBrand = '#ffffff'

export async function checkConfigValues(file: VFile, root: string, config: ConfigFile, placeOf: (path: Array<string | number>) => Point): Promise<void> {
  const formats = config.formats ?? []
  if (formats.includes('pptx') && !formats.includes('pdf')) {
    reportError(file, 'Expected `pdf` in `formats` with `pptx`: the PowerPoint slides are pictures of the deck the PDF step prints; add `pdf` or remove `pptx`', placeOf(['formats', formats.indexOf('pptx')]), 'config-invalid-value')
  }
  const logo = config.organisation?.logo
  if (logo !== undefined) {
    const read = await readProjectFile(root, logo, logoDir)
    const problem = 'missing' in read ? `Expected \`${logo}\` to exist; add the image or correct the path` : 'problem' in read ? read.problem : undefined
    if (problem) reportError(file, problem, placeOf(['organisation', 'logo']), 'config-logo-invalid')
  }
  for (const [lang, labels] of Object.entries(config.messages ?? {})) {
    for (const [key, template] of Object.entries(labels)) {
      const problem = template === undefined ? undefined : placeholderProblem(key as MessageKey, template)
      if (problem) reportError(file, problem, placeOf(['messages', lang, key]), 'config-invalid-value')
    }
  }
  const colours = config.brand?.colours ?? {}
  const text = colours.text ?? houseText
  const background = colours.background ?? houseBackground
  const pairs: Array<[string[], string, string, string]> = [
    [['text', 'background'], text, background, 'text on the page'],
    [['primary', 'background'], colours.primary ?? '', background, 'headings and links in the brand colour on the page'],
    [['primary'], colours.primary ?? '', onBrand, 'white slide titles and table heads on the brand colour']
  ]
  for (const [names, foreground, ground, what] of pairs) {
    if (foreground === '' || !names.some((name) => name in colours)) continue
    const ratio = contrastRatio(foreground, ground)
    if (ratio >= minimumContrast) continue
    const name = names.find((each) => each in colours) ?? names[0] ?? 'primary'
    reportError(
      file,
      `Expected a contrast of at least ${minimumContrast}:1 for ${what} (${foreground} on ${ground}), not ${ratio.toFixed(1)}:1; choose a ${name === 'background' ? 'lighter background' : 'darker colour'}`,
      placeOf(['brand', 'colours', name]),
      'config-colour-contrast'
    )
  }
}

/** WCAG 2's contrast ratio of two hex colours (`#rgb` or `#rrggbb`). */
export function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (lighter + 0.05) / (darker + 0.05)
}

function luminance(hex: string): number {
  const digits = hex.slice(1).length === 3 ? [...hex.slice(1)].map((d) => d + d).join('') : hex.slice(1)
  const [r = 0, g = 0, b = 0] = [0, 2, 4].map((at) => {
    const channel = Number.parseInt(digits.slice(at, at + 2), 16) / 255
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}
