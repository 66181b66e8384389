import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { termPattern } from '../../transforms/format/text.ts'
import { messagesOf, transformText } from '../helpers.ts'

const words = ['bone', 'care', 'rest', 'walk', 'sleep', 'food', 'team', 'plan', 'pain', 'help', 'nurse', 'water', 'light', 'time']
const word = fc.constantFrom(...words)
const sentence = fc.array(word, { minLength: 3, maxLength: 8 }).map((list) => `${list.join(' ').replace(/^./, (first) => first.toUpperCase())}.`)
// Random kebab-case ids (a letter first: YAML would read `id: 12` as a number) and terms of one to three words.
const id = fc.array(fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/), { minLength: 1, maxLength: 3 }).map((list) => list.join('-'))
const term = fc.array(fc.constantFrom('termite', 'ankle', 'kidney', 'elbow', 'spleen'), { minLength: 1, maxLength: 3 }).map((list) => list.join(' '))
const block = (name: string) => sentence.map((text) => `:::${name}\n${text}\n:::`)
const recommendation = fc
  .tuple(fc.constantFrom('strong', 'conditional'), fc.constantFrom('high', 'moderate', 'low', 'very-low'), sentence)
  .map(([strength, certainty, text]) => `:::recommendation{strength="${strength}" certainty="${certainty}"}\n${text}\n:::`)

/** A random valid guideline: topics with a unique id and a term used in their shared text. */
const validGuideline = fc
  .uniqueArray(fc.tuple(id, term), { minLength: 1, maxLength: 4, selector: ([topicId]) => topicId })
  .chain((topics) =>
    fc.tuple(
      fc.constant(topics),
      fc.array(
        fc.tuple(
          fc.array(sentence, { minLength: 1, maxLength: 3 }),
          fc.array(sentence, { maxLength: 4 }),
          fc.subarray(['handout', 'summary', 'deck', 'notes']).chain((names) => fc.tuple(...names.map(block))),
          fc.option(recommendation),
          fc.boolean()
        ),
        { minLength: topics.length, maxLength: topics.length }
      )
    )
  )
  .map(([topics, sections]) => {
    const frontMatter = ['---', 'title: Random guideline', 'version: 1.0.0', 'updated: 2026-01-15', 'status: draft', 'topics:']
    for (const [topicId, term] of topics) frontMatter.push(`  - id: ${topicId}`, `    title: Topic ${topicId}`, `    terms: [${term}]`)
    const body = sections.map(([paragraphs, bullets, blocks, advice, cite], index) => {
      const [topicId, term] = topics[index] ?? ['', '']
      const parts = [`## Topic ${topicId} {#${topicId}}`, `${paragraphs.join(' ')} The ${term} matters.${cite ? '[^ref]' : ''}`]
      if (bullets.length > 0) parts.push(bullets.map((text) => `- ${text}`).join('\n'))
      parts.push(...blocks)
      if (advice) parts.push(advice)
      return parts.join('\n\n')
    })
    const cited = sections.some(([, , , , cite]) => cite)
    return { terms: topics.map(([, term]) => term), text: `${frontMatter.join('\n')}\n---\n\n${body.join('\n\n')}\n${cited ? '\n[^ref]: A reference.\n' : ''}` }
  })

describe('random valid guidelines', () => {
  it('build without a message, carry every shared term to every output, and give the same bytes twice', () => {
    fc.assert(
      fc.property(validGuideline, ({ text, terms }) => {
        const first = transformText(text)
        expect(messagesOf(first.file)).toEqual([])
        for (const output of first.result?.outputs ?? []) {
          for (const term of terms) expect(termPattern(term).test(output.text), `${term} in ${output.path}`).toBe(true)
        }
        expect(first.result?.outputs).toHaveLength(3)
        expect(transformText(text).result?.outputs).toEqual(first.result?.outputs)
      }),
      { numRuns: 100, seed: 20261127 }
    )
  }, 120_000)
})
