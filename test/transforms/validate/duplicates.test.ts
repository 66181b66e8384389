import { describe, expect, it } from 'vitest'
import { guideline, messagesOf, transformText } from '../../helpers.ts'

// Body line k of `guideline({ body })` is file line 11 + k.
const section = '## Caring for bones {#bone-care}\n\nStrong bone matters.'

describe('a footnote defined twice is an error, never "the last one wins"', () => {
  it.each([
    { what: 'the same label twice', body: `${section}[^ref]\n\n[^ref]: One work.\n[^ref]: Another work.\n`, expected: ['footnote-duplicate@17:1'] },
    { what: 'labels that differ only in case', body: `${section}[^Smith2020]\n\n[^smith2020]: Smith, 2020.\n\n[^SMITH2020]: Smith and Jones, 2020.\n`, expected: ['footnote-duplicate@18:1'] },
    { what: 'a second definition far from the first', body: `${section}[^a]\n\n[^a]: First.\n\n## More\n\nText here.\n\n[^a]: Second.\n`, expected: ['footnote-duplicate@22:1'] },
    { what: 'three definitions', body: `${section}[^x]\n\n[^x]: A.\n[^x]: B.\n[^x]: C.\n`, expected: ['footnote-duplicate@17:1', 'footnote-duplicate@18:1'] }
  ])('$what', ({ body, expected }) => {
    const { file, result } = transformText(guideline({ body }))
    expect(messagesOf(file)).toEqual(expected)
    expect(file.messages[0]?.reason).toMatch(/first at line 16/)
    expect(result).toBeUndefined()
  })
})

describe('a directive attribute written twice is an error', () => {
  const block = (opening: string) => `${section}\n\n${opening}\nOffer care.\n:::\n`
  it.each([
    { what: 'the same label with two values', opening: ':::recommendation{strength="strong" certainty="high" strength="conditional"}', expected: ['directive-attribute-duplicate@16:54'] },
    { what: 'the same value twice, differently quoted', opening: ":::recommendation{certainty=low strength='strong' certainty=\"low\"}", expected: ['directive-attribute-duplicate@16:51'] },
    { what: 'spaces around = and a label before the braces', opening: ':::recommendation[Bone care]{ strength = "strong"  certainty="moderate" strength = "strong" }', expected: ['directive-attribute-duplicate@16:73'] },
    { what: 'a value holding a brace and the repeated name', opening: ':::recommendation{strength="strong" certainty="high" certainty="strength=}"}', expected: ['directive-attribute-duplicate@16:54', 'recommendation-label-invalid@16:1'] }
  ])('$what', ({ opening, expected }) => {
    const { file, result } = transformText(guideline({ body: block(opening) }))
    expect(messagesOf(file)).toEqual(expected)
    expect(file.messages[0]?.reason).toMatch(/second `(strength|certainty)` attribute on `:::recommendation`/)
    expect(result).toBeUndefined()
  })

  it('on any block, with the #id shortcut too', () => {
    const { file } = transformText(guideline({ body: `${section}\n\n:::handout{#first #second}\nText for patients.\n:::\n` }))
    expect(messagesOf(file)).toEqual(['directive-attribute-duplicate@16:19', 'directive-attribute-unknown@16:1'])
  })

  it('accepts each attribute once', () => {
    const { file } = transformText(guideline({ body: block(':::recommendation{strength="strong" certainty="high"}') }))
    expect(messagesOf(file)).toEqual([])
  })
})

describe('a link label defined twice is an error, never "the first one wins"', () => {
  it.each([
    { what: 'the same label with two addresses', body: `${section} See [the guide][guide].\n\n[guide]: https://one.example.org\n[guide]: https://two.example.org\n`, expected: ['link-definition-duplicate@17:1'] },
    { what: 'labels that differ in case and spacing', body: `${section} See [NICE  Guide].\n\n[nice guide]: https://one.example.org\n\n[NICE Guide]: https://two.example.org\n`, expected: ['link-definition-duplicate@18:1'] }
  ])('$what', ({ body, expected }) => {
    const { file } = transformText(guideline({ body }))
    expect(messagesOf(file)).toEqual(expected)
    expect(file.messages[0]?.reason).toMatch(/first at line 16/)
  })
})
