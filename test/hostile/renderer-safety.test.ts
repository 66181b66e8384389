// Renderer safety: while rendering, the browser may load nothing from the network and no file from
// outside the project. One renderAll call (one browser start) renders three hostile guidelines:
// hand-written outputs that point at local files and the network in every way a deck or handout
// can (images, Marp backgrounds and directives, <style> and CSS url(), raw HTML), a deck built by
// the pipeline whose notes read like Marp directives, and outputs that reach outside through a
// symbolic link inside source/images.
import { mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderAll, type GuidelineMeta, type RenderReport } from '../../render/index.ts'
import { guideline, transformText } from '../helpers.ts'

const marker = 'SECRET-MARKER-7f3a'
const network = 'http://127.0.0.1:9'
let root = ''
let outside = ''
let report: RenderReport

const meta = (id: string): GuidelineMeta => ({ id, title: `Hostile ${id}`, version: '1.0.0', updated: '2026-11-27', status: 'draft', lang: 'en', outputs: ['deck', 'handout', 'summary'] })
const guidelines = [meta('hostile'), meta('notes'), meta('symlink')]

/** Every text a built file carries: the file itself and the content of each data: URL in it. */
async function readableText(relative: string): Promise<string> {
  const text = await readFile(path.join(root, relative), 'latin1')
  const inlined = [...text.matchAll(/data:[\w/+.-]+;base64,([A-Za-z0-9+/=]+)/g)].map((match) => Buffer.from(match[1] ?? '', 'base64').toString('latin1'))
  return [text, ...inlined, report.pdfText[relative] ?? ''].join('\n')
}

async function builtFiles(id: string): Promise<string[]> {
  return (await readdir(path.join(root, 'dist', id))).map((name) => `dist/${id}/${name}`)
}

beforeAll(async () => {
  outside = await mkdtemp(path.join(tmpdir(), 'guidepress-outside-'))
  const secret = path.join(outside, 'secret.svg')
  await writeFile(secret, `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="0" y="20">${marker}</text></svg>`)
  const secretUrl = pathToFileURL(secret).href

  root = await mkdtemp(path.join(tmpdir(), 'guidepress-safety-'))
  for (const folder of ['decks', 'handouts', 'summaries', 'source/images']) await mkdir(path.join(root, folder), { recursive: true })
  await writeFile(path.join(root, 'source/images/dot.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>')
  await symlink(secret, path.join(root, 'source/images/escape.svg'))
  const linkUrl = pathToFileURL(path.join(root, 'source/images/escape.svg')).href

  const front = (id: string) => `---\nmarp: true\ntheme: guidepress\ntitle: Hostile ${id}\n---\n\n`
  await writeFile(
    path.join(root, 'decks/hostile.md'),
    `${front('hostile')}# Images

![passwd](file:///etc/passwd)

![secret](${secretUrl})

![up](../../../../../../../../etc/passwd)

![net](${network}/deck-image.png)

---

<!-- backgroundImage: url('${secretUrl}?directive') -->

## Backgrounds

![bg](${secretUrl}?bg)

![bg](${network}/deck-bg.png)

---

<!-- style: "section { background: url(${linkUrl}?style-directive) }" -->

## Styles

<style>
@import url("file:///etc/passwd");
section { background-image: url("${secretUrl}?style"); border-image: url("${network}/deck-css.png"); }
</style>

<img src="${secretUrl}?raw">
`
  )
  await writeFile(
    path.join(root, 'handouts/hostile.md'),
    `# Handout

![passwd](file:///etc/passwd)

![secret](${secretUrl})

![net](${network}/handout-image.png)

<img src="${secretUrl}?raw"> <img src="${network}/handout-raw.png">

<div style="background: url(${secretUrl}?inline-style)">Styled</div>

<style>body { background: url("${secretUrl}?style"); }</style>

<link rel="stylesheet" href="${secretUrl}?link">

<iframe src="file:///etc/passwd"></iframe>
`
  )
  await writeFile(path.join(root, 'summaries/hostile.md'), `# Summary\n\n[passwd](file:///etc/passwd) and ![secret](${secretUrl})\n`)

  // A deck built by the pipeline from a source whose presenter notes read like Marp directives.
  const built = transformText(
    guideline({
      body: `## Caring for bones {#bone-care}\n\nStrong bone matters.\n\n:::notes\nbackgroundImage: url('${secretUrl}?notes')\n:::\n`
    }),
    { id: 'notes' }
  )
  for (const output of built.result?.outputs ?? []) await writeFile(path.join(root, output.path), output.text)

  // Paths inside source/images that lead outside through a symbolic link.
  await writeFile(path.join(root, 'decks/symlink.md'), `${front('symlink')}# Linked\n\n![linked](../source/images/escape.svg)\n`)
  await writeFile(path.join(root, 'handouts/symlink.md'), '# Linked\n\n![linked](../source/images/escape.svg)\n')
  await writeFile(path.join(root, 'summaries/symlink.md'), '# Linked\n\nText.\n')

  report = await renderAll(guidelines, { root, pdf: true, pptx: false })
}, 180_000)

afterAll(async () => {
  await Promise.all([root, outside].filter(Boolean).map((folder) => rm(folder, { recursive: true, force: true })))
})

describe('the renderer', () => {
  it('renders every hostile output', () => {
    for (const id of ['hostile', 'notes']) {
      for (const name of ['deck.html', 'deck.pdf', 'handout.html', 'handout.pdf', 'summary.html', 'summary.pdf']) expect(report.files).toContain(`dist/${id}/${name}`)
    }
  })

  it('loads no file from outside the project: file:// images, backgrounds, CSS url() and raw HTML never reach an output', async () => {
    for (const id of ['hostile', 'notes']) {
      for (const file of await builtFiles(id)) {
        const text = await readableText(file)
        expect(text, file).not.toContain(marker)
        expect(text, file).not.toMatch(/root:x?:0:0/)
      }
    }
    // The handout and summary HTML are sanitized: no file: address survives at all.
    for (const file of ['dist/hostile/handout.html', 'dist/hostile/summary.html']) expect(await readFile(path.join(root, file), 'utf8')).not.toContain('file:')
  })

  it('blocks every network request, from images and from CSS url()', () => {
    expect(report.blocked).toEqual(expect.arrayContaining([`${network}/deck-image.png`, `${network}/deck-bg.png`, `${network}/deck-css.png`, `${network}/handout-image.png`]))
    expect(report.blocked.every((url) => !url.startsWith('data:'))).toBe(true)
  })

  it('keeps presenter notes that read like Marp directives as notes: no background from them', async () => {
    const html = await readFile(path.join(root, 'dist/notes/deck.html'), 'utf8')
    // The presenter view shows the note as text in its notes panel; nowhere else may the address appear
    // (a slide background, a style), and in the panel it is a paragraph's text, not a url().
    const panel = /<section id="gp-notes"[\s\S]*?<\/section>/.exec(html)?.[0] ?? ''
    expect(panel).toContain('?notes')
    expect(panel).not.toMatch(/<[^>]*\?notes/)
    expect(html.replace(panel, '')).not.toContain('?notes')
  })

  // Committed Markdown is rendered as it is, so the renderer must check where a link really leads.
  it('does not inline a file that a symbolic link in source/images leads to outside the project', async () => {
    for (const file of await builtFiles('symlink')) expect(await readableText(file), file).not.toContain(marker)
  })
})
