import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { loadGlossary } from '../transforms/input/glossary.ts'
import { loadReferences } from '../transforms/input/references.ts'
import { transformGuideline } from '../transforms/pipeline.ts'
import { handoutGradeLimit } from '../transforms/gates/readability.ts'
import { recommendationLimits, slideLimits } from '../transforms/shape/slides.ts'
import { fixedToday } from './helpers.ts'

/**
 * Every guideline of the corpus (test/corpus/source/, guidelines of different shapes written to
 * exercise the toolkit) and the flagship go through every stage in memory, without a browser, and
 * pass every gate: coverage, handout readability and slide density. test/corpus.test.ts renders them.
 */
const toolkit = path.join(import.meta.dirname, '..')
const corpusSource = path.join(import.meta.dirname, 'corpus', 'source')
const flagshipSource = path.join(toolkit, 'source')
// The corpus shares the project's glossary: guidelines explain their own other words.
const { glossary } = await loadGlossary(toolkit)
// and the corpus's bibliography (test/corpus/source/references.json: CSL-JSON, so that copied into a project's
// source/ it joins the project's references.bib instead of replacing it), as a project shares its own.
const { bibliography } = await loadReferences(path.join(import.meta.dirname, 'corpus'))
// The flagship cites the project's own bibliography (source/references.bib).
const { bibliography: flagshipBibliography } = await loadReferences(toolkit)

const corpus = (await readdir(corpusSource)).filter((name) => name.endsWith('.md')).sort()
const sources = [...corpus.map((name) => ({ name, dir: corpusSource })), { name: 'metastatic-breast-cancer.md', dir: flagshipSource }]

async function transform(dir: string, name: string) {
  const file = new VFile({ path: `source/${name}`, value: await readFile(path.join(dir, name), 'utf8') })
  const result = transformGuideline(file, { sourceDir: dir, glossary, bibliography: dir === flagshipSource ? flagshipBibliography : bibliography, today: fixedToday })
  return { file, result }
}

function wordsOf(text: string): number {
  return text.split(/\s+/).filter(Boolean).length
}

/** The text of each `:::recommendation` block of a source. */
function recommendationTexts(source: string): string[] {
  return [...source.matchAll(/^:::recommendation\{[^}]*\}\n([\s\S]*?)\n:::$/gm)].map((match) => match[1] ?? '')
}

describe('the corpus', () => {
  it('holds at least three guidelines of different shapes', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(3)
  })

  describe.each(sources)('$name', ({ name, dir }) => {
    it('transforms without errors or warnings and passes every gate', async () => {
      const { file, result } = await transform(dir, name)
      // The flagship too: its glossary was trimmed to the words its handout needs (issue 18), so "Words to know" fits.
      expect(file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`)).toEqual([])
      expect(result).toBeDefined()
      if (!result) return
      expect(result.coverage.length).toBeGreaterThan(0)
      expect(result.coverage.filter((cell) => cell.missing.length > 0)).toEqual([])
      // Every corpus language has a published formula here, so every handout is gated.
      expect(result.readability.handout?.gated).toBe(true)
      expect(result.readability.handout?.grade).toBeLessThanOrEqual(handoutGradeLimit)
      expect(result.slides?.mostBullets).toBeLessThanOrEqual(slideLimits.bullets)
      expect(result.slides?.mostWords).toBeLessThanOrEqual(slideLimits.words)
      expect(result.outputs.map((output) => output.path.split('/')[0])).toEqual(['decks', 'handouts', 'summaries'])
    })
  })
})

describe('corpus shapes', () => {
  it('has official-style recommendations of 70 to 150 words that each reach the deck whole, in body type, over as many parts as they need', async () => {
    const name = 'adult-asthma-inhalers.md'
    const source = await readFile(path.join(corpusSource, name), 'utf8')
    const long = recommendationTexts(source).filter((text) => wordsOf(text) >= 70)
    expect(long.length).toBeGreaterThanOrEqual(4)
    expect(Math.max(...long.map(wordsOf))).toBeLessThanOrEqual(recommendationLimits.words)
    const { result } = await transform(corpusSource, name)
    const deck = result?.outputs.find((output) => output.path.startsWith('decks/'))?.text ?? ''
    // Each long recommendation starts on a slide and ends on the same or a following "part" slide,
    // every part in body type (no smaller class) and under its badge.
    const slides = deck.split('\n---\n')
    for (const text of long) {
      const first = text.split(/(?<=\.)\s/)[0] ?? ''
      const start = slides.findIndex((each) => each.includes(first))
      expect(start, first).toBeGreaterThan(0)
      const title = /## (Recommendation[^\n(]*)/.exec(slides[start] ?? '')?.[1] ?? ''
      const parts = slides.slice(start).filter((each, index) => index === 0 || (each.includes(`## ${title}`) && /\(part\s\d+\sof\s\d+\)/.test(each)))
      const whole = parts.map((each) => each.replace(/\n> /g, ' ')).join(' ')
      expect(whole).toContain(text.slice(-60).replace(/\[\^\w+\]/g, '').slice(0, 40))
      for (const part of parts) expect(part).toContain('<!-- _class: recommendation -->')
    }
    expect(source).toMatch(/^\| --- \|/m)
    expect(deck).toMatch(/^\| -+ \|/m)
  })

  it('has a guideline in German, whose handout is graded with a German formula', async () => {
    const name = 'bluthochdruck-erwachsene.md'
    const source = await readFile(path.join(corpusSource, name), 'utf8')
    expect(source).toMatch(/^lang: de$/m)
    const { result } = await transform(corpusSource, name)
    const handout = result?.outputs.find((output) => output.path.startsWith('handouts/'))?.text
    expect(handout).toMatch(/^# Mit Bluthochdruck gut leben$/m)
    // Its sources under a German heading.
    expect(handout).toMatch(/^## Woher diese Informationen stammen\n\n1\. Bundesärztekammer/m)
    expect(result?.readability.handout?.formula).toBe('Wiener Sachtextformel')
  })

  it('has a short guideline with images that have alt text', async () => {
    const name = 'iron-deficiency-anaemia.md'
    const source = await readFile(path.join(corpusSource, name), 'utf8')
    const images = [...source.matchAll(/!\[([^\]]+)\]\((images\/[^)]+\.svg)\)/g)]
    expect(images.length).toBeGreaterThanOrEqual(2)
    for (const [, alt, url] of images) {
      expect(alt?.length).toBeGreaterThan(20)
      expect(await readFile(path.join(corpusSource, url ?? ''), 'utf8')).toMatch(/<title id=/)
    }
    expect(source.match(/\{#[a-z-]+\}/g)).toHaveLength(2)
  })

  it('has a guideline citing the bibliography, each reference the same work in every output that lists it', async () => {
    const { result } = await transform(corpusSource, 'iron-deficiency-anaemia.md')
    const text = (folder: string) => result?.outputs.find((output) => output.path.startsWith(folder))?.text ?? ''
    const listed = (output: string, heading: string) => new Map([...output.slice(output.indexOf(heading)).matchAll(/^(\d+)[.)] (.+)$/gm)].map((match) => [match[1], match[2]]))
    const deck = listed(text('decks/'), '## References')
    const summary = listed(text('summaries/'), '## References')
    const handout = listed(text('handouts/'), '## Where this information comes from')
    // Each output cites another subset: the summary all four works, the deck three, the handout one.
    expect([...summary.keys()]).toEqual(['1', '2', '3', '4'])
    expect([...deck.keys()]).toEqual(['1', '3', '4'])
    expect([...handout.keys()]).toEqual(['1'])
    for (const [number, entry] of [...deck, ...handout]) expect(entry).toBe(summary.get(number))
    // The BibTeX entry, in Vancouver style with its DOI linked.
    expect(summary.get('3')).toBe('Snook J, Bhala N, Beales ILP, Cannings D, Kightley C, Logan RPH, et al. British Society of Gastroenterology guidelines for the management of iron deficiency anaemia in adults. Gut. 2021;70(11):2030–51. [doi:10.1136/gutjnl-2021-325210](https://doi.org/10.1136/gutjnl-2021-325210)')
  })
})
