// Issue 17, item 4: every label guidepress writes comes from its catalogue, in the guideline's
// language. Builds a German, a French and a Spanish guideline with every generated part (PDFs and
// PPTX for the German one) and reads every output as its reader would, looking for English labels.
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { extractPdfText } from '../../render/pdf-text.ts'
import { english, type MessageKey } from '../../transforms/catalogue/en.ts'
import { catalogues, messageKeys } from '../../transforms/catalogue/labels.ts'
import { makeWorkspace, runCli } from '../helpers.ts'
import { languageCases } from './languages-guidelines.ts'

async function filesUnder(root: string, folder: string): Promise<string[]> {
  const found: string[] = []
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const file = path.join(dir, entry.name)
      if (entry.isDirectory()) await walk(file)
      else found.push(file)
    }
  }
  await walk(path.join(root, folder))
  return found
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }
function decode(text: string): string {
  return text.replace(/&(#x?[\da-f]+|\w+);/gi, (whole, name: string) =>
    name.startsWith('#') ? String.fromCodePoint(Number.parseInt(name.slice(name[1] === 'x' ? 2 : 1), name[1] === 'x' ? 16 : 10)) : (entities[name] ?? whole)
  )
}

/** What a reader of an HTML page meets: its text, and the words of its labels (aria-label, alt, title, description). */
function htmlText(html: string): string {
  const attributes = [...html.matchAll(/\s(?:aria-label|alt|title|content|data-template)="([^"]*)"/g)].map((match) => match[1] ?? '')
  const text = html.replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, ' ')
  return decode([text, ...attributes].join('\n'))
}

/** The text of each output a reader meets: Markdown as written, HTML as read, PDF text, the PPTX's text and properties. */
async function outputTexts(root: string): Promise<Map<string, string>> {
  const texts = new Map<string, string>()
  const files = (await Promise.all(['decks', 'handouts', 'summaries', 'dist'].map((folder) => filesUnder(root, folder)))).flat()
  for (const file of files) {
    const name = path.relative(root, file)
    if (file.endsWith('.md')) texts.set(name, await readFile(file, 'utf8'))
    else if (file.endsWith('.html')) texts.set(name, htmlText(await readFile(file, 'utf8')))
    else if (file.endsWith('.pdf')) texts.set(name, await extractPdfText(new Uint8Array(await readFile(file))))
    else if (file.endsWith('.pptx')) {
      const zip = await JSZip.loadAsync(await readFile(file))
      const parts = Object.keys(zip.files).filter((part) => /^(ppt\/(slides|notesSlides)\/[^/]+\.xml|docProps\/core\.xml)$/.test(part))
      const xml = await Promise.all(parts.map((part) => zip.file(part)?.async('string') ?? ''))
      texts.set(name, decode(xml.join('\n').replace(/<[^>]+>/g, ' ')))
    }
  }
  return texts
}

/**
 * The English words of each label that differs in `lang`: the label whole, or for a template the
 * words between its placeholders (those of four letters or more, so "v" or "of" alone do not count).
 */
function englishWords(lang: string): Array<{ key: MessageKey; words: string }> {
  const target = catalogues[lang]
  if (!target) throw new Error(`no catalogue for ${lang}`)
  return messageKeys.flatMap((key) => {
    if (english[key] === target[key]) return []
    return english[key]
      .split(/\{\w+\}/)
      .map((piece) => piece.replace(/^[\s·:;,.()–]+|[\s·:;,.()–]+$/g, ''))
      .filter((piece) => (piece.match(/\p{L}/gu) ?? []).length >= 4 && !target[key].includes(piece))
      .map((words) => ({ key, words }))
  })
}

/** How often `words` stand as whole words in `text` (so "Term" is not found in "Termine"). */
function occurrences(text: string, words: string): number {
  const escaped = words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return [...text.replace(/\s+/g, ' ').matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu'))].length
}

/**
 * English label words found in the outputs. Words the author wrote themselves (a cited title such as
 * "ESC Guidelines") may appear wherever the author's text goes, so they prove nothing and are not sought.
 */
function englishFound(texts: Map<string, string>, lang: string, source = ''): string[] {
  const found: string[] = []
  for (const [name, text] of texts) {
    for (const { key, words } of englishWords(lang)) if (occurrences(source, words) === 0 && occurrences(text, words) > 0) found.push(`${name}: “${words}” (${key})`)
  }
  return found
}

async function build(lang: string, ...options: string[]): Promise<{ root: string; stderr: string; texts: Map<string, string> }> {
  const each = languageCases.find((candidate) => candidate.lang === lang)
  if (!each) throw new Error(lang)
  const root = await makeWorkspace({ [`source/${each.id}.md`]: each.guideline, 'source/glossary.yml': each.glossary, 'guidepress.config.yaml': each.config })
  const run = await runCli(root, 'build', ...options)
  expect(run.stdout + run.stderr, lang).not.toMatch(/\berror\b/)
  expect(run.code, run.stderr).toBe(0)
  return { root, stderr: run.stderr, texts: await outputTexts(root) }
}

describe('a guideline in German, French or Spanish', () => {
  it('de: no English label in the Markdown, HTML, PDFs or PPTX; the organisation on the handout and the index', async () => {
    const { texts } = await build('de')
    const names = [...texts.keys()].map((name) => name.split(path.sep).join('/'))
    for (const expected of ['decks/knochen.md', 'handouts/knochen.md', 'summaries/knochen.md', 'dist/knochen/deck.html', 'dist/knochen/handout.html', 'dist/knochen/summary.html', 'dist/index.html', 'dist/knochen/deck.pdf', 'dist/knochen/presenter.pdf', 'dist/knochen/handout.pdf', 'dist/knochen/summary.pdf', 'dist/knochen/deck.pptx'])
      expect(names).toContain(expected)
    expect(englishFound(texts, 'de')).toEqual([])
    const all = [...texts.values()].join('\n').replace(/\s+/g, ' ')
    // Every generated part is there, in German (so the search above had something to search).
    for (const label of ['Überblick', 'Kernaussagen', 'Literatur', '●● Starke Empfehlung', '●○ Bedingte Empfehlung', 'Wichtige Begriffe', 'Auch genannt: Osteodensitometrie.', 'Ihre Kontakte', 'Hilfe und Information', 'Über dieses Merkblatt', 'Fragen, die ich stellen möchte', 'Die wichtigsten Empfehlungen', 'Rufen Sie jetzt die 112 an', 'Entwurf – nicht klinisch freigegeben', 'Seite 1 von', 'Folie 1 von', 'Nächste Überprüfung: 1. Juni 2027', 'Klinische Leitlinien'])
      expect(all, label).toContain(label)
    const handout = texts.get(path.join('dist', 'knochen', 'handout.html')) ?? ''
    expect(handout).toContain('Klinikum Beispielstadt')
    expect(texts.get(path.join('dist', 'index.html'))).toContain('Klinikum Beispielstadt')
  }, 240_000)

  it.each(['fr', 'es'])('%s: no English label in the Markdown or HTML', async (lang) => {
    const { texts } = await build(lang, '--no-pdf')
    expect(texts.size).toBeGreaterThanOrEqual(7)
    expect(englishFound(texts, lang)).toEqual([])
    const all = [...texts.values()].join('\n')
    for (const key of ['agenda', 'keyMessages', 'references', 'strengthStrong', 'strengthConditional', 'wordsToKnow', 'contactsTitle', 'aboutTitle', 'keyRecommendations', 'questions'] as const)
      expect(all, key).toContain(catalogues[lang]?.[key])
  }, 120_000)

  it('the German corpus guideline builds with no English label', async () => {
    const source = await readFile(path.join(import.meta.dirname, '../corpus/source/bluthochdruck-erwachsene.md'), 'utf8')
    const root = await makeWorkspace({ 'source/bluthochdruck-erwachsene.md': source, 'guidepress.config.yaml': 'lang: de\n' })
    const run = await runCli(root, 'build', '--no-pdf')
    expect(run.code, run.stderr).toBe(0)
    const texts = await outputTexts(root)
    expect(texts.size).toBeGreaterThanOrEqual(7)
    expect(englishFound(texts, 'de', source)).toEqual([])
    expect(texts.get(path.join('summaries', 'bluthochdruck-erwachsene.md'))).toContain('## Die wichtigsten Empfehlungen')
  }, 120_000)
})
