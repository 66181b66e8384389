// Committed decks open in bare Marp tools as guidepress renders them: marp-cli, run on the flagship
// deck with this repository's .marprc.yml, uses the house theme, shows no line break where the
// Markdown has one sentence per line, and the images resolve from decks/. Without the config the
// same run shows Marp's default theme and the breaks (so the config is what makes the difference).
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { marpConfig, vscodeSettings } from '../cli/commands/init/templates.ts'

const run = promisify(execFile)
const root = path.join(import.meta.dirname, '..')
const deck = 'decks/metastatic-breast-cancer.md'
const marpBin = path.join(root, 'node_modules', '@marp-team', 'marp-cli', 'marp-cli.js')

async function marp(...args: string[]): Promise<string> {
  const out = path.join(await mkdtemp(path.join(process.env.GUIDEPRESS_TEST_TMP ?? tmpdir(), 'guidepress-marp-')), 'deck.html')
  await run(process.execPath, [marpBin, '--no-stdin', ...args, deck, '-o', out], { cwd: root, env: { ...process.env, CHROME_PATH: '' } })
  return readFile(out, 'utf8')
}

describe('Marp compatibility of committed decks', () => {
  it('marp-cli with the repository’s config shows the house theme, no visible line breaks, and images that resolve', async () => {
    const markdown = await readFile(path.join(root, deck), 'utf8')
    // The deck has paragraphs of several lines (one sentence each), which Marp's default would break.
    expect(markdown).toMatch(/\n[^\n#>*\-\d<|!\s][^\n]*\n[^\n#>*\-\d<|!\s]/)
    const [configured, bare] = await Promise.all([marp(), marp('--no-config-file')])

    expect(configured).toContain('data-theme="guidepress"')
    expect(configured).toContain('--gp-brand') // a custom property of themes/guidepress.css
    expect(configured).toContain('Atkinson Hyperlegible Next')
    expect(configured).not.toMatch(/<br\s*\/?>/)

    expect(bare).not.toContain('--gp-brand')
    expect(bare).toMatch(/<br\s*\/?>/)

    // Images are written relative to decks/, where marp-cli and the VS Code preview resolve them.
    const images = [...configured.matchAll(/<img[^>]* src="([^"]+)"|url\(&quot;([^&]+)&quot;\)|url\("?([^")]+\.(?:svg|png|jpe?g|gif|webp|avif))"?\)/g)].map((match) => match[1] ?? match[2] ?? match[3] ?? '')
    expect(images.length).toBeGreaterThan(0)
    for (const image of images) expect(existsSync(path.resolve(root, 'decks', decodeURI(image))), image).toBe(true)
  }, 180_000)

  it('init writes the same Marp settings into a project as this repository has (only the theme path differs)', async () => {
    expect(parse(marpConfig('themes/guidepress.css'))).toEqual(parse(await readFile(path.join(root, '.marprc.yml'), 'utf8')))
    expect(JSON.parse(vscodeSettings('themes/guidepress.css'))).toEqual(JSON.parse(await readFile(path.join(root, '.vscode', 'settings.json'), 'utf8')))
  })
})
