// The editable PPTX, read as OOXML: text runs on every slide, a table object per Markdown table,
// pictures with their alt text, notes as paragraphs, house type sizes; bad input kept as text.
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { loadGlossary } from '../../transforms/input/glossary.ts'
import { readTheme } from '../../render/assets.ts'
import { buildPptx } from '../../render/pptx/index.ts'
import { CHROME } from '../../render/pptx/slide.ts'
import { PROJECT } from './helpers.ts'
import { transformText } from '../helpers.ts'

const themeCss = await readTheme(PROJECT, 'guidepress.css')
const meta = { title: 'Test deck', version: '1.0.0', updated: '2026-11-27', lang: 'en-GB' }

async function pptxOf(markdown: string, root = PROJECT, id = 'test'): Promise<{ zip: JSZip; bytes: Uint8Array }> {
  const { bytes } = await buildPptx({ root, file: path.join(root, 'decks', `${id}.md`), markdown, themeCss, themeFile: 'themes/guidepress.css', meta })
  return { zip: await JSZip.loadAsync(bytes), bytes }
}

const part = async (zip: JSZip, name: string): Promise<string> => (await zip.file(name)?.async('string')) ?? ''
const slideXml = (zip: JSZip, n: number): Promise<string> => part(zip, `ppt/slides/slide${n}.xml`)
const texts = (xml: string): string[] => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1] ?? '')
/** The notes placeholder's paragraphs (not the slide number's). */
const noteParagraphs = (xml: string): string[] => {
  const body = /name="Notes Placeholder 2"[\s\S]*?<p:txBody>([\s\S]*?)<\/p:txBody>/.exec(xml)?.[1] ?? ''
  return [...body.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map((m) => texts(m[1] ?? '').join(''))
}
const unescape = (text: string): string => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')

/** The Marp slides of a deck: front matter off, split at `---` lines. */
function marpSlides(markdown: string): string[] {
  return markdown.replace(/^---\n[\s\S]*?\n---\n/, '').split(/\n---\n/)
}

const corpusDir = path.join(PROJECT, 'test/corpus/source')
const { glossary } = await loadGlossary(PROJECT)
const decks: Array<{ name: string; root: string; markdown: string }> = [
  { name: 'metastatic-breast-cancer (flagship)', root: PROJECT, markdown: await readFile(path.join(PROJECT, 'decks/metastatic-breast-cancer.md'), 'utf8') }
]
for (const name of (await readdir(corpusDir)).filter((file) => file.endsWith('.md')).sort()) {
  const { result } = transformText(await readFile(path.join(corpusDir, name), 'utf8'), { id: name.replace(/\.md$/, ''), glossary, sourceDir: corpusDir })
  const deck = result?.outputs.find((output) => output.path.startsWith('decks/'))?.text
  // Images resolve from <root>/decks/ to <root>/source/images/, as in a project.
  if (deck) decks.push({ name, root: path.join(PROJECT, 'test/corpus'), markdown: deck })
}

describe.each(decks)('the PPTX of $name', ({ root, markdown }) => {
  it('has one slide per Marp slide, each with its title and text runs, house sizes and one paragraph property set per paragraph', async () => {
    const { zip } = await pptxOf(markdown, root)
    const slides = marpSlides(markdown)
    expect(Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))).toHaveLength(slides.length)
    for (const [index, source] of slides.entries()) {
      const xml = await slideXml(zip, index + 1)
      const words = texts(xml).map(unescape).join(' ')
      const title = /^#{1,2} (.+)$/m.exec(source)?.[1]?.replace(/[*_`]/g, '').replace(/\s*[¹²³⁴⁵⁶⁷⁸⁹⁰,]+$/, '')
      if (title) expect(words, `slide ${index + 1}`).toContain(title.slice(0, 30))
      expect(texts(xml).filter((t) => t.trim()).length, `slide ${index + 1} runs`).toBeGreaterThan(1)
      for (const paragraph of xml.match(/<a:p>[\s\S]*?<\/a:p>/g) ?? []) expect((paragraph.match(/<a:pPr\b/g) ?? []).length).toBeLessThanOrEqual(1)
      // Body ≥ 26 pt, tables ≥ 20 pt; only the badge, draft band and footer are smaller.
      const shapes = xml.match(/<p:sp>[\s\S]*?<\/p:sp>/g) ?? []
      for (const shape of shapes) {
        if (Object.values(CHROME).some((name) => shape.includes(`name="${name}"`)) || shape.includes('type="sldNum"')) continue
        for (const size of shape.matchAll(/<a:rPr[^>]*\bsz="(\d+)"/g)) expect(Number(size[1]), `slide ${index + 1}`).toBeGreaterThanOrEqual(2600)
      }
      for (const table of xml.match(/<a:tbl>[\s\S]*?<\/a:tbl>/g) ?? [])
        for (const size of table.matchAll(/<a:rPr[^>]*\bsz="(\d+)"/g)) expect(Number(size[1])).toBeGreaterThanOrEqual(2000)
    }
  })

  it('has a table object for each Markdown table, a picture with its alt text for each image and a label shape for each recommendation', async () => {
    const { zip } = await pptxOf(markdown, root)
    const slides = marpSlides(markdown)
    let pictures = 0
    for (const [index, source] of slides.entries()) {
      const xml = await slideXml(zip, index + 1)
      const tables = (source.match(/^\|(?:\s*:?-{3,}:?\s*\|)+\s*$/gm) ?? []).length
      expect((xml.match(/<a:tbl>/g) ?? []).length, `slide ${index + 1} tables`).toBe(tables)
      const alts = [...source.matchAll(/!\[([^\]]*)\]\(([^)]+)\)/g)].map((m) => m[1] ?? '')
      const descr = [...xml.matchAll(/<p:pic>[\s\S]*?<p:cNvPr [^>]*descr="([^"]*)"/g)].map((m) => unescape(m[1] ?? ''))
      expect(descr, `slide ${index + 1} pictures`).toEqual(alts)
      pictures += descr.length
      // Each recommendation's strength and certainty is a label shape of its own.
      const labels = [...source.matchAll(/^> \*\*([^*]*(?:recommendation|●)[^*]*)\*\*/gim)].map((m) => (m[1] ?? '').replace(/[.:]$/, ''))
      const badges = (xml.match(/<p:sp>[\s\S]*?<\/p:sp>/g) ?? []).filter((shape) => shape.includes(`name="${CHROME.badge}"`)).map((shape) => unescape(texts(shape).join('')))
      expect(badges, `slide ${index + 1} labels`).toEqual(labels)
    }
    expect(pictures).toBe((markdown.match(/!\[/g) ?? []).length)
  })

  it('has the notes of each slide as paragraphs, without a label line', async () => {
    const { zip } = await pptxOf(markdown, root)
    for (const [index, source] of marpSlides(markdown).entries()) {
      const notes = noteParagraphs(await part(zip, `ppt/notesSlides/notesSlide${index + 1}.xml`))
      const written = [...source.matchAll(/<!--([\s\S]*?)-->/g)].map((m) => m[1] ?? '').filter((c) => !/^\s*_?class:/.test(c))
      if (written.length === 0) continue
      const paragraphs = written.flatMap((c) => c.trim().split(/\n\s*\n|\n(?=\s*[-*] )/)).filter((p) => p.trim() && p.trim() !== 'Presenter notes')
      expect(notes.filter(Boolean), `slide ${index + 1}`).toHaveLength(paragraphs.length)
      expect(notes).not.toContain('Presenter notes')
      expect(notes.join(' ')).not.toMatch(/\r|\n/)
    }
  })
})

describe('PPTX from hand-written deck Markdown', () => {
  const deck = (body: string): string => `---\nmarp: true\ntheme: guidepress\npaginate: true\nheader: Draft – not clinically approved\nfooter: Test deck · v1.0.0 · draft\n---\n\n${body}\n`

  it('drops a "Presenter notes" label line and keeps each paragraph and bullet of a note as its own paragraph', async () => {
    const { zip } = await pptxOf(deck('## Dosing\n\n- One\n\n<!--\nPresenter notes\n\nFirst point,\nwrapped.\n\nSecond point.\n\n- a bullet\n- another\n-->'))
    const notes = await part(zip, 'ppt/notesSlides/notesSlide1.xml')
    expect(noteParagraphs(notes)).toEqual(['First point, wrapped.', 'Second point.', 'a bullet', 'another'])
    expect((notes.match(/<a:buChar /g) ?? []).length).toBe(2)
  })

  it('keeps a table with an empty cell as a table of full rows, its header row styled', async () => {
    const { zip } = await pptxOf(deck('## Doses\n\n| Drug | Dose |\n| --- | --- |\n| A |  |\n|  | 5 mg |'))
    const xml = await slideXml(zip, 1)
    const table = /<a:tbl>[\s\S]*<\/a:tbl>/.exec(xml)?.[0] ?? ''
    const rows = table.match(/<a:tr\b[\s\S]*?<\/a:tr>/g) ?? []
    expect(rows).toHaveLength(3)
    for (const row of rows) expect((row.match(/<a:tc>/g) ?? []).length).toBe(2)
    expect(rows[0]).toMatch(/<a:rPr[^>]*\bb="1"/)
    expect(rows[0]).toMatch(/<a:solidFill><a:srgbClr val="E9F3F6"\/>/)
    expect(texts(table)).toEqual(expect.arrayContaining(['Drug', 'Dose', 'A', '5 mg']))
  })

  it('keeps markup-like text as text, escapes a link address and marks superscript citations', async () => {
    const { zip } = await pptxOf(deck('## Safety\n\nType <script>alert(1)</script> & <b>bold</b> here.³\n\nSee [the guide](https://example.org/a?x=1&y=2).'))
    const xml = await slideXml(zip, 1)
    expect(xml).not.toMatch(/<script|<b>/)
    expect(texts(xml).map(unescape).join('')).toContain('Type <script>alert(1)</script> & <b>bold</b> here.3')
    expect(xml).toMatch(/<a:rPr[^>]*baseline="30000"[^>]*>[\s\S]*?<a:t>3<\/a:t>/)
    const rels = await part(zip, 'ppt/slides/_rels/slide1.xml.rels')
    expect(rels).toContain('Target="https://example.org/a?x=1&amp;y=2"')
    expect(xml).toMatch(/<a:hlinkClick r:id="rId\d+"/)
  })

  it('links `#N` (a topic first slide, as the transform writes it) to slide N, and `#N` past the last slide or `#name` to nothing', async () => {
    const { zip } = await pptxOf(deck('## Bones\n\nStrong bone matters.\n\n---\n\n## Later\n\nSee [bones](#1), [nowhere](#9) and [elsewhere](#bone-care).'))
    const xml = await slideXml(zip, 2)
    expect(texts(xml).join('')).toContain('See bones, nowhere and elsewhere.')
    expect([...xml.matchAll(/<a:hlinkClick [^>]*>/g)].map((m) => m[0])).toEqual([expect.stringContaining('action="ppaction://hlinksldjump"')])
    const rels = await part(zip, 'ppt/slides/_rels/slide2.xml.rels')
    const id = /<a:hlinkClick r:id="(rId\d+)"/.exec(xml)?.[1]
    expect(rels).toContain(`Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide" Target="slide1.xml"`)
    expect(rels).not.toMatch(/Target="#|TargetMode="External"/)
  })

  it('shows the label of a recommendation as its own shape, strong filled and conditional outlined', async () => {
    const { zip } = await pptxOf(deck('<!-- _class: recommendation -->\n\n## Recommendations\n\n> **Strong recommendation · High certainty.** Offer A.\n\n> **Conditional recommendation · Low certainty.** Consider B.'))
    const xml = await slideXml(zip, 1)
    const badges = (xml.match(/<p:sp>[\s\S]*?<\/p:sp>/g) ?? []).filter((shape) => shape.includes(`name="${CHROME.badge}"`))
    expect(badges.map((badge) => texts(badge).join(''))).toEqual(['Strong recommendation · High certainty', 'Conditional recommendation · Low certainty'])
    expect(badges[0]).toMatch(/<p:spPr>[\s\S]*<a:solidFill><a:srgbClr val="0B5870"/)
    expect(badges[1]).toMatch(/<p:spPr>[\s\S]*<a:solidFill><a:srgbClr val="FFFFFF"/)
    expect(texts(xml)).toEqual(expect.arrayContaining(['Offer A.', 'Consider B.']))
  })

  it('has the draft mark, footer and a slide-number field on every slide, and the same bytes when built again', async () => {
    const markdown = deck('<!-- _class: title -->\n\n# Title\n\nSub\n\n---\n\n## Two\n\nText.').replace('footer: Test deck', 'footer: Test\\-deck \\*')
    const [first, second] = [await pptxOf(markdown), await pptxOf(markdown)]
    expect(Buffer.compare(first.bytes, second.bytes)).toBe(0)
    for (const n of [1, 2]) {
      const xml = await slideXml(first.zip, n)
      // The footer is inline Markdown, as Marp reads it: its escapes are not shown.
      expect(texts(xml)).toEqual(expect.arrayContaining(['Draft – not clinically approved', 'Test-deck * · v1.0.0 · draft']))
      expect(xml).toContain('type="slidenum"')
    }
  })

  it('sets text over the page at the house size with a stored shrink (PowerPoint shrinks on open only then), and none on a slide that fits', async () => {
    const long = Array.from({ length: 30 }, (_, i) => `Sentence ${i + 1} of a paragraph far too long for one slide at the house size.`).join(' ')
    const { zip } = await pptxOf(deck(`## Crowded\n\n${long}\n\n---\n\n## Roomy\n\nShort text.`))
    const crowded = await slideXml(zip, 1)
    expect(crowded).toMatch(/<a:normAutofit fontScale="[1-9]\d{4}" lnSpcReduction="\d+"\/>/)
    expect(crowded).toMatch(/<a:rPr[^>]*\bsz="2600"/)
    expect(await slideXml(zip, 2)).not.toContain('fontScale')
    expect(await slideXml(zip, 2)).toMatch(/<a:rPr[^>]*\bsz="2800"/)
  })

  it('sets a long agenda in two columns, the second numbered on from the first', async () => {
    const items = Array.from({ length: 11 }, (_, i) => `${i + 1}. Topic ${i + 1}`).join('\n')
    const { zip } = await pptxOf(deck(`<!-- _class: agenda -->\n\n## Agenda\n\n${items}`))
    const xml = await slideXml(zip, 1)
    const boxes = (xml.match(/<p:sp>[\s\S]*?<\/p:sp>/g) ?? []).filter((shape) => shape.includes('buAutoNum'))
    expect(boxes.map((box) => texts(box))).toEqual([['Topic 1', 'Topic 2', 'Topic 3', 'Topic 4', 'Topic 5', 'Topic 6'], ['Topic 7', 'Topic 8', 'Topic 9', 'Topic 10', 'Topic 11']])
    expect(boxes[1]).toContain('startAt="7"')
    expect(xml).not.toContain('fontScale')
  })

  it('names the theme when it lacks a house colour', async () => {
    await expect(buildPptx({ root: PROJECT, file: path.join(PROJECT, 'decks/x.md'), markdown: deck('## A'), themeCss: themeCss.replace(/--gp-brand:[^;]*;/, ''), themeFile: 'themes/guidepress.css', meta })).rejects.toThrow(
      /^themes\/guidepress\.css: the deck theme declares no --gp-brand/
    )
  })
})
