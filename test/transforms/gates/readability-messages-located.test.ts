import { describe, expect, it } from 'vitest'
import type { GuidelineResult } from '../../../transforms/pipeline.ts'
import { sourceMapsOf, sourcePlaceOf } from '../../../transforms/serialize/source-map.ts'
import { guideline, messagesOf, transformText } from '../../helpers.ts'

const section = '## Caring for bones {#bone-care}\n\nStrong bone matters.\n'
const withBody = (extra: string, frontMatter?: string) => guideline({ body: `${section}\n${extra}`, ...(frontMatter ? { frontMatter } : {}) })
const longWords = (count: number) => Array.from({ length: count }, (_, index) => `word${index}`).join(' ')
const topicLines = 'topics:\n  - id: bone-care\n    title: Caring for bones\n    terms: [bone]'

describe('a reference cited only in the handout', () => {
  const source = withBody(':::handout\nAsk about exercise.[^move]\n:::\n\nShared text.[^shared]\n\n[^move]: Move More. Exercise in cancer care. 2024.\n[^shared]: A shared reference.\n')

  it('is listed in the handout with the other sources its text cites, under the guideline’s numbers', () => {
    const { file, result } = transformText(source)
    expect(messagesOf(file)).toEqual([])
    const handout = result?.outputs.find((output) => output.path.startsWith('handouts/'))?.text ?? ''
    expect(handout).toContain('## Where this information comes from\n\n1. Move More. Exercise in cancer care. 2024.\n2. A shared reference.\n')
    expect(handout).not.toMatch(/[¹²]/)
    for (const prefix of ['decks/', 'summaries/']) {
      const other = result?.outputs.find((output) => output.path.startsWith(prefix))?.text ?? ''
      expect(other).not.toContain('Move More')
      expect(other).toContain('\n2. A shared reference.\n')
    }
  })

  it('is listed with every other reference when the handout is the only output', () => {
    const frontMatter = `title: Bone health\nversion: 1.0.0\nupdated: 2026-01-15\nstatus: draft\noutputs: [handout]\n${topicLines}`
    const { result } = transformText(guideline({ frontMatter, body: source.slice(source.indexOf('## Caring')) }))
    const handout = result?.outputs[0]?.text ?? ''
    expect(handout).toContain('## Where this information comes from\n\n1. Move More. Exercise in cancer care. 2024.\n2. A shared reference.\n')
  })
})

describe('generated reference lists keep their source places', () => {
  it('a long reference on the deck’s references slide is not a bullet to shorten (a citation is as long as it is)', () => {
    const { file } = transformText(withBody(`Bone matters.[^long]\n\n[^long]: ${longWords(30)}.\n`))
    expect(messagesOf(file)).toEqual([])
  })

  it('the source map places each reference at its definition', () => {
    const { result } = transformText(withBody('Bone matters.[^a]\n\n[^a]: The reference.\n'))
    const summary = sourceMapsOf(result as GuidelineResult).find((each) => each.audience === 'summary')
    const text = result?.outputs.find((output) => output.path.startsWith('summaries/'))?.text.split('\n') ?? []
    const line = text.findIndex((each) => each.includes('The reference.')) + 1
    expect(summary && sourcePlaceOf(summary.map, line)).toMatchObject({ line: 18, column: 1 })
  })
})

describe('raw HTML', () => {
  it('names a closing tag as the closing tag it is', () => {
    const { file } = transformText(withBody('Bone x</sup> matters.\n'))
    expect(file.messages.map((message) => message.reason)).toEqual(['Unexpected raw HTML closing tag `</sup>`; write Markdown instead (HTML comments are allowed)'])
  })
})

describe('every message has a place and a rule id', () => {
  const fm = (lines: string) => `title: Bone health\nversion: 1.0.0\nupdated: 2026-01-15\nstatus: draft\n${lines}`
  const hard = 'Notwithstanding considerable interindividual heterogeneity, contemporary multimodality therapeutic algorithms increasingly incorporate molecularly stratified interventions.'
  const cases: Record<string, string> = {
    'a long subtitle (title slide)': guideline({ frontMatter: fm(`subtitle: ${longWords(70)}\n${topicLines}`) }),
    'a term no output has': guideline({ frontMatter: fm(topicLines.replace('[bone]', '[bone, marrow]')) }),
    'a topic without a section': guideline({ frontMatter: fm(`${topicLines}\n  - id: other\n    title: Other\n    terms: [other]`) }),
    'a hard handout': withBody(`:::handout\n${hard}\n:::\n`),
    'a long, hard handout sentence': withBody(`:::handout\n${hard} ${hard.toLowerCase()}\n:::\n`),
    'an overfull slide': withBody(`${longWords(70)}\n`),
    'a long bullet': withBody(`- ${longWords(30)}\n`),
    'a long recommendation': withBody(`:::recommendation{strength="strong" certainty="high"}\n${longWords(160)}\n:::\n`),
    'a closing tag': withBody('Text</sup>\n'),
    'an unquoted colon': guideline({ frontMatter: fm(topicLines).replace('title: Bone health', 'title: Bone: health') }),
    'a tab': guideline({ frontMatter: fm(topicLines).replace('  - id', '\t- id') }),
    'a duplicate field': guideline({ frontMatter: fm(topicLines).replace('status: draft', 'status: draft\nstatus: draft') }),
    'a bad date': guideline({ frontMatter: fm(topicLines).replace('2026-01-15', '2026-13-01') }),
    'a past review date': guideline({ frontMatter: fm(topicLines).replace('status: draft', 'status: draft\nnext-review: 2020-01-01') }),
    'an empty handout-only block': withBody(':::handout\n:::\n'),
    'deep nesting': withBody(`${'> '.repeat(120)}text\n`),
    'no front matter': section,
    'an unclosed front matter': `---\ntitle: x\n\n${section}`
  }

  it('in hostile and unusual sources, generated slides included', () => {
    const unplaced: string[] = []
    for (const [name, source] of Object.entries(cases)) {
      const { file } = transformText(source)
      expect(file.messages.length, name).toBeGreaterThan(0)
      for (const message of file.messages) {
        const placed = (message.line ?? 0) >= 1 && (message.column ?? 0) >= 1
        if (!placed || !/^[a-z]+(?:-[a-z0-9]+)*$/.test(message.ruleId ?? '') || message.source !== 'guidepress') unplaced.push(`${name}: ${message.reason}`)
      }
    }
    expect(unplaced).toEqual([])
  })
})
