// guidepress.config.yaml from the command line: its errors stop a build and a check, and each of its
// values reaches the outputs it is for (Markdown and HTML builds; config-pdf.test.ts prints one).
import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultFrontMatter, guideline, makeWorkspace, readText, runCli } from '../helpers.ts'

const logoSvg = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="#1f4e79"/></svg>'
const id = 'bone-health'

describe('a config with errors', () => {
  it('stops the build with the file, line and column, and nothing is written', async () => {
    const root = await makeWorkspace({ 'source/bone-health.md': guideline(), 'guidepress.config.yaml': 'paper: A4\npaper: Letter\n' })
    const run = await runCli(root, 'build', '--no-pdf')
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/guidepress\.config\.yaml\s*\n\s*2:1\s+error\s+Unexpected second `paper`.*config-invalid-syntax/)
    expect(run.stderr).toContain('Nothing was written')
    for (const folder of ['decks', 'handouts', 'summaries', 'dist']) expect(existsSync(path.join(root, folder))).toBe(false)
  })

  it('fails `guidepress check`', async () => {
    const root = await makeWorkspace({ 'source/bone-health.md': guideline(), 'guidepress.config.yaml': 'organisation: { name: X }\nbrand: { colour: "#000000" }\n' })
    const run = await runCli(root, 'check')
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/2:10\s+error\s+Unexpected setting `brand.colour`; remove it or use one of: colours, font.*config-unknown-field/)
  })
})

describe('config values in the outputs', () => {
  it('default lang and outputs apply where the front matter says nothing, and the front matter wins', async () => {
    const root = await makeWorkspace({
      'source/bone-health.md': guideline(),
      'source/hip-care.md': guideline({ frontMatter: defaultFrontMatter('lang: en-US\noutputs: [deck, summary]') }),
      'guidepress.config.yaml': 'lang: en-GB\noutputs: [handout]\nformats: [html]\n'
    })
    expect((await runCli(root, 'build', '--no-pdf')).code).toBe(0)
    expect(await readText(root, `dist/${id}/handout.html`)).toContain('<html lang="en-GB">')
    expect(existsSync(path.join(root, `decks/${id}.md`))).toBe(false)
    expect(existsSync(path.join(root, `summaries/${id}.md`))).toBe(false)
    expect(existsSync(path.join(root, 'handouts/hip-care.md'))).toBe(false)
    expect(await readText(root, 'dist/hip-care/summary.html')).toContain('<html lang="en-US">')
  })

  it('formats: `[html]` makes no PDF and starts no browser, even without --no-pdf', async () => {
    const root = await makeWorkspace({ 'source/bone-health.md': guideline(), 'guidepress.config.yaml': 'formats: [html]\n' })
    const run = await runCli(root, 'build')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('0 browser starts')
    expect(existsSync(path.join(root, `dist/${id}/handout.html`))).toBe(true)
    expect(existsSync(path.join(root, `dist/${id}/handout.pdf`))).toBe(false)
  })

  it('the organisation reaches the handout (page head, running footer) and the index; the brand colours every theme', async () => {
    const root = await makeWorkspace({
      'source/bone-health.md': guideline(),
      'source/images/logo.svg': logoSvg,
      'guidepress.config.yaml': 'organisation: { name: "Example Cancer Centre & Friends", logo: source/images/logo.svg }\nbrand: { colours: { primary: "#1f4e79", accent: "#c55a11" }, font: Inter }\n'
    })
    expect((await runCli(root, 'build', '--no-pdf')).code).toBe(0)
    const handout = await readText(root, `dist/${id}/handout.html`)
    expect(handout).toMatch(/<span class="gp-organisation"><img src="data:image\/svg\+xml;base64,[^"]+" alt="" height="32">Example Cancer Centre &#38; Friends<\/span>/)
    expect(handout).toContain('@bottom-left{content:"Example Cancer Centre & Friends"')
    const index = await readText(root, 'dist/index.html')
    expect(index).toMatch(/<p class="organisation"><img src="data:image\/svg\+xml;base64,[^"]+" alt="" height="48"> Example Cancer Centre &#38; Friends<\/p>/)
    // The brand's tokens come after the theme's own, so they win.
    const tokens = /--gp-brand:#1f4e79;--gp-brand-dark:#173b5b;--gp-tint:#f7e8de;--gp-font:"Inter", 'Atkinson Hyperlegible Next', sans-serif;/
    for (const [file, selector] of [[`dist/${id}/deck.html`, 'div.marpit > svg > foreignObject > section'], [`dist/${id}/handout.html`, ':root'], ['dist/index.html', ':root']] as const) {
      const html = await readText(root, file)
      expect(html, file).toMatch(tokens)
      expect(html.lastIndexOf('--gp-brand:'), file).toBe(html.indexOf(`${selector}{--gp-brand:#1f4e79`) + selector.length + 1)
    }
    // Markdown outputs are the same with or without a brand: it is a matter of rendering.
    expect(await readText(root, `handouts/${id}.md`)).not.toContain('Example Cancer Centre')
  })

  it('a change to the config rebuilds every guideline', async () => {
    const root = await makeWorkspace({ 'source/bone-health.md': guideline(), 'guidepress.config.yaml': 'paper: A4\n' })
    expect((await runCli(root, 'build', '--no-pdf')).code).toBe(0)
    expect((await runCli(root, 'build', '--no-pdf')).stdout).toContain('Nothing to build: 1 guideline unchanged')
    await writeFile(path.join(root, 'guidepress.config.yaml'), 'paper: A4\norganisation: { name: Example Trust }\n')
    const rebuilt = await runCli(root, 'build', '--no-pdf')
    expect(rebuilt.stdout).toContain('Built 1 guideline')
    expect(await readText(root, `dist/${id}/handout.html`)).toContain('Example Trust')
  })
})

describe('the organisation and paper on printed pages', () => {
  it('names the organisation beside "Presenter notes", and gives the Letter summary the margins that keep it to two pages', async () => {
    const { pageCss } = await import('../../render/document.ts')
    const page = { title: 'Bone health', version: '1.0.0', updated: '2026-01-15', lang: 'en-GB', draft: false, organisation: 'Example "Trust"' }
    expect(pageCss({ ...page, paper: 'A4', kind: 'presenter' }, '10mm')).toContain('@bottom-left{content:"Presenter notes · Example \\22 Trust\\22 "')
    expect(pageCss({ ...page, paper: 'Letter', kind: 'summary' })).toMatch(/^@page\{size:Letter;margin:12mm 11mm 10mm;/)
    expect(pageCss({ ...page, paper: 'A4', kind: 'summary' })).toMatch(/^@page\{size:A4;margin:16mm 14mm 14mm;/)
  })
})

describe('the brand in the PowerPoint deck', () => {
  it('colours deck.pptx with the brand, where the theme would give its house colour', async () => {
    const { deckPptx } = await import('../../render/pptx/index.ts')
    const JSZip = (await import('jszip')).default
    const deck = await readFile(path.join(import.meta.dirname, '../fixtures/golden/every-feature/expected/decks/bone-health.md'), 'utf8')
    const root = await makeWorkspace({ 'decks/bone-health.md': deck })
    const meta = { title: 'Bone health', version: '1.0.0', updated: '2026-01-15', lang: 'en' }
    const slidesOf = async (brand?: { colours: { primary: string }; font: undefined }): Promise<string> => {
      const zip = await JSZip.loadAsync((await deckPptx(root, path.join(root, 'decks/bone-health.md'), meta, undefined, brand)).bytes)
      const names = Object.keys(zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
      return (await Promise.all(names.map((name) => zip.file(name)?.async('string') ?? ''))).join('\n')
    }
    expect(await slidesOf()).toContain('0B5870')
    const branded = await slidesOf({ colours: { primary: '#1f4e79' }, font: undefined })
    expect(branded).toContain('1F4E79')
    expect(branded).not.toContain('0B5870')
  })
})
