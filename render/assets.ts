// Local assets a rendered page may use: the house theme, the Atkinson
// Hyperlegible Next font files from npm and the guideline images under
// source/images/. Everything is inlined as data: URLs so each HTML output is
// self-contained and the browser never needs file or network access.
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { isInside, readProjectFileOrThrow } from '../transforms/input/paths.ts'
import { toolkitRoot } from '../transforms/input/toolkit.ts'
import { RenderError } from './errors.ts'

const require = createRequire(import.meta.url)

const FONT_FAMILY = 'Atkinson Hyperlegible Next'
/** The house font for CSS the renderer writes itself (the themes name it in their own rules). */
export const FONT_STACK = `'${FONT_FAMILY}',sans-serif`

/**
 * Folder of the complete Atkinson Hyperlegible Next TTFs. The Google-Fonts
 * subsets in @fontsource/atkinson-hyperlegible-next drop glyphs the full
 * font has and guidelines use (≥, ≤), so the full files from
 * @expo-google-fonts/atkinson-hyperlegible-next are embedded instead.
 */
export function fontDir(): string {
  return path.dirname(require.resolve('@expo-google-fonts/atkinson-hyperlegible-next/package.json'))
}

/** Folders whose files a page may reach (request interception allow-list). */
export function allowedDirs(root: string): string[] {
  return [path.join(root, 'themes'), toolkitThemes, path.join(root, 'source', 'images'), fontDir()]
}

/** The themes guidepress ships; a project's own `themes/` folder overrides them file by file. */
const toolkitThemes = path.join(toolkitRoot, 'themes')

const FACES: ReadonlyArray<{ file: string; weight: number; style: 'normal' | 'italic' }> = [
  { file: '400Regular/AtkinsonHyperlegibleNext_400Regular.ttf', weight: 400, style: 'normal' },
  { file: '400Regular_Italic/AtkinsonHyperlegibleNext_400Regular_Italic.ttf', weight: 400, style: 'italic' },
  { file: '700Bold/AtkinsonHyperlegibleNext_700Bold.ttf', weight: 700, style: 'normal' },
  { file: '700Bold_Italic/AtkinsonHyperlegibleNext_700Bold_Italic.ttf', weight: 700, style: 'italic' }
]

const fontCssCache = new Map<boolean, string>()
/** @font-face rules for 400/700 normal (and italic unless `upright`), TTFs inlined as data: URLs. */
export function fontFaceCss(upright = false): string {
  const cached = fontCssCache.get(upright)
  if (cached) return cached
  const dir = fontDir()
  const css = FACES.filter((face) => !upright || face.style === 'normal').map(
    (face) =>
      `@font-face{font-family:'${FONT_FAMILY}';font-style:${face.style};font-weight:${face.weight};font-display:block;` +
      `src:url(data:font/ttf;base64,${readFileSync(path.join(dir, face.file)).toString('base64')}) format('truetype')}`
  ).join('\n')
  fontCssCache.set(upright, css)
  return css
}

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹'
/** Runs of Unicode superscript digits (the house font lacks ⁰ and ⁴–⁹). */
export const SUPERSCRIPT_RUN = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g
export function fromSuperscript(run: string): string {
  return [...run].map((c) => String(SUPERSCRIPTS.indexOf(c))).join('')
}

/** Rewrites superscript-digit runs in the text (not the tags) of an HTML string as <sup>. */
export function superscriptsToSup(html: string): string {
  let raw = false // inside <script> or <style>
  return html
    .split(/(<[^>]*>)/)
    .map((part) => {
      if (part.startsWith('<')) {
        if (/^<(script|style)\b/i.test(part)) raw = true
        else if (/^<\/(script|style)\b/i.test(part)) raw = false
        return part
      }
      return raw ? part : part.replace(SUPERSCRIPT_RUN, (run) => `<sup>${fromSuperscript(run)}</sup>`)
    })
    .join('')
}

/** Which file `readTheme` reads, as a message names it: the project's own, else the toolkit's. */
export function themeFileName(root: string, name: 'guidepress.css' | 'print.css'): string {
  const own = path.join(root, 'themes', name)
  return existsSync(own) ? `themes/${name}` : path.join(toolkitThemes, name)
}

export async function readTheme(root: string, name: 'guidepress.css' | 'print.css'): Promise<string> {
  // Never a link out of the project, a folder or a pipe (paths.ts): those throw, naming the file.
  const own = await readProjectFileOrThrow(root, `themes/${name}`)
  return own ? own.toString('utf8') : readFile(path.join(toolkitThemes, name), 'utf8')
}

/** Image types guidepress inlines (and `guidepress dev` serves). */
export const imageTypes: Record<string, string> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif'
}

/**
 * The most bytes of one image the renderer embeds. The source checks hold images to far less
 * (with a located message); this only keeps one that got past them from taking the browser's
 * memory (an 80 MB image once took 2 GB and stalled a build).
 */
export const MAX_INLINE_IMAGE_BYTES = 25 * 1024 * 1024

/** Which project file each data: URL inlined lately came from, so a stalled render can name its images. */
const inlinedFrom = new Map<string, string>()
const INLINED_REMEMBERED = 500

/** The image files (relative to the project, e.g. `source/images/x.svg`) whose data: URLs occur in `html`. */
export function imagesShownIn(html: string): string[] {
  const files = new Set<string>()
  for (const [url, file] of inlinedFrom) if (html.includes(url)) files.add(file)
  return [...files].sort()
}

/** The data: URL last made of each image file (by its real path), with the bytes it was made of. */
const inlinedByFile = new Map<string, { bytes: Buffer; dataUrl: string }>()

/**
 * Resolves an image reference written in a Markdown file in `baseDir` to a
 * data: URL when it points inside `<root>/source/images/`. Returns undefined
 * for anything else (remote URLs stay as written and the browser blocks them;
 * relative paths outside the images folder are not read).
 */
export function inlineImage(root: string, baseDir: string, url: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//') || url.startsWith('#')) return undefined
  let decoded: string
  try {
    decoded = decodeURIComponent(url.split(/[?#]/)[0] ?? '')
  } catch {
    return undefined
  }
  const written = path.resolve(baseDir, decoded)
  const mime = imageTypes[path.extname(written).toLowerCase()]
  if (!mime) return undefined
  let data: Buffer
  let size: number
  let real: string
  try {
    // Compare where the file really is, so a symbolic link in source/images cannot lead outside it.
    const images = realpathSync(path.join(path.resolve(root), 'source', 'images'))
    const file = realpathSync(written)
    real = file
    const stats = statSync(file)
    if (!isInside(images, file) || !stats.isFile()) return undefined
    size = stats.size
    data = size > MAX_INLINE_IMAGE_BYTES ? Buffer.alloc(0) : readFileSync(file)
  } catch {
    return undefined
  }
  const relative = path.relative(path.resolve(root), written).split(path.sep).join('/')
  if (size > MAX_INLINE_IMAGE_BYTES) {
    const mb = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`
    throw new RenderError(`${relative} is ${mb(size)}; the renderer embeds images up to ${mb(MAX_INLINE_IMAGE_BYTES)}. Save it smaller (fewer pixels, or SVG/JPEG) and build again.`)
  }
  // The same bytes make the same data: URL: a rebuild (every save in `guidepress dev`) reuses it.
  const key = `${mime} ${real}`
  const earlier = inlinedByFile.get(key)
  const dataUrl = earlier?.bytes.equals(data) ? earlier.dataUrl : `data:${mime};base64,${(mime === 'image/svg+xml' ? Buffer.from(withHouseFont(data.toString('utf8'))) : data).toString('base64')}`
  if (inlinedByFile.size >= INLINED_REMEMBERED) inlinedByFile.clear()
  inlinedByFile.set(key, { bytes: data, dataUrl })
  if (inlinedFrom.size >= INLINED_REMEMBERED) inlinedFrom.clear()
  inlinedFrom.set(dataUrl, relative)
  return dataUrl
}

/**
 * CSS as the text of a <style> element: nothing in it can end the element. The HTML parser ends
 * <style> at `</style`, whatever CSS says; `<\/style` means the same inside a CSS string and is
 * no valid CSS outside one, so a theme can add no markup (no <script>) to a page.
 */
export function styleText(css: string): string {
  return css.replace(/<\/(style)/gi, '<\\/$1')
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** A CSS string literal safe inside a <style> element. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"\n\r<>]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`
}

/**
 * An SVG shown through <img> cannot use the page's fonts, so its text would
 * fall back to a system font. Embed the house font (upright faces only, to
 * keep the image small) in SVGs that have text.
 */
export function withHouseFont(svg: string): string {
  if (!/<text[\s>]/.test(svg)) return svg
  const open = /<svg\b[^>]*>/.exec(svg)
  if (!open) return svg
  const at = open.index + open[0].length
  return `${svg.slice(0, at)}<style><![CDATA[${fontFaceCss(true)}]]></style>${svg.slice(at)}`
}

/** The opening every guidepress HTML page shares, up to its `<title>`. */
export function htmlStart(lang: string, title: string): string {
  return `<!DOCTYPE html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="guidepress">
<title>${escapeHtml(title)}</title>`
}
