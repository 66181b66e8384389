// Loading guidepress HTML into a browser page: under its security policy, fonts loaded, visible.
import type { Page } from 'puppeteer-core'
import { FONT_STACK, fontFaceCss } from '../assets.ts'
import { RenderError } from '../errors.ts'
import { withinLimit, type StepPlace } from '../limits.ts'

/**
 * A page setting a letter in each face of the house font. Chromium embeds a face once per PDF when
 * its renderer has loaded that face before, but several times over (each copy a subset) when the
 * page printing is the first to load it: a first print came out larger than a later print of the
 * same HTML, and which print was first depended on which page an output got. Loaded first in
 * every new page, it makes every print the later kind.
 */
export const FONT_WARM_UP = (): string =>
  `<!doctype html><html><head><style>${fontFaceCss()}</style></head><body style="font-family:${FONT_STACK}"><p>a<b>b</b><i>c</i><b><i>d</i></b></p></body></html>`
/** What a rendered page may do: show inline styles and data: images and fonts, run only the scripts hashed. */
export function contentSecurityPolicy(scriptHashes: readonly string[] = []): string {
  const scripts = scriptHashes.length ? scriptHashes.map((hash) => `'${hash}'`).join(' ') : "'none'"
  return [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    'img-src data:',
    'font-src data:',
    `script-src ${scripts}`,
    "base-uri 'none'",
    "form-action 'none'"
  ].join('; ')
}

/**
 * Loads a guidepress HTML document into `page` under `contentSecurityPolicy(scriptHashes)` (a
 * <meta> first in <head>, before anything it governs) and waits for its fonts, within the load
 * limit. The page must then be visible: a hidden page never renders a screenshot.
 */
export async function loadHtml(page: Page, html: string, options: { scriptHashes?: readonly string[]; limitMs: number; place: StepPlace }): Promise<void> {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(options.scriptHashes)}">`
  const at = html.indexOf('<head>')
  if (at < 0) throw new RenderError(`${options.place.id}: ${options.place.output}: the page has no <head> for its security policy`)
  const guarded = `${html.slice(0, at + 6)}\n${meta}${html.slice(at + 6)}`
  const load = async (): Promise<string> => {
    await page.setContent(guarded, { waitUntil: 'load', timeout: 0 })
    await page.evaluate('document.fonts.ready.then(() => undefined)')
    return (await page.evaluate('document.visibilityState')) as string
  }
  const visibility = await withinLimit(load(), options.limitMs, { ...options.place, step: 'loading the page' })
  if (visibility !== 'visible') throw new RenderError(`${options.place.id}: ${options.place.output}: the browser hid the page (${visibility}), so it cannot be rendered`)
}

