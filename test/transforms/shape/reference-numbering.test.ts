import path from 'node:path'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { parseReferences } from '../../../transforms/input/references.ts'
import { transformGuideline } from '../../../transforms/pipeline.ts'
import { fixedToday, guideline } from '../../helpers.ts'

const { bibliography } = await parseReferences('/project', [
  '@book{who2020,\n  title = {A WHO guideline},\n  publisher = {World Health Organization},\n  location = {Geneva},\n  year = {2020}\n}\n',
  undefined
])

// Each output cites another subset: the summary block cites 1 and 2 first, the handout's text 3,
// the shared text 4 and the bibliography's work 5, the deck's block 1 and 5.
const body = `## Caring for bones {#bone-care}

:::summary
Calcium and vitamin D matter.[^calcium][^vitamin-d]
:::

:::handout
Walking helps your bones.[^walking]
:::

Bone pain matters; a fracture needs care.[^fracture][@who2020]

:::deck
Screen for falls.[^calcium][@who2020]
:::

[^calcium]: Calcium study.
[^vitamin-d]: Vitamin D study.
[^walking]: Walking study.
[^fracture]: Fracture study.
`

function outputs() {
  const file = new VFile({ path: 'source/bone-health.md', value: guideline({ body }) })
  const result = transformGuideline(file, { sourceDir: path.join(import.meta.dirname, '..', '..', 'fixtures'), glossary: new Map(), bibliography, today: fixedToday })
  expect(file.messages.map((message) => message.reason)).toEqual([])
  const text = (folder: string) => result?.outputs.find((output) => output.path.startsWith(folder))?.text ?? ''
  return { deck: text('decks/'), handout: text('handouts/'), summary: text('summaries/') }
}

/** Reference number → the text listed under it. */
function listed(output: string): Map<number, string> {
  return new Map([...output.matchAll(/^(\d+)[.)] (.+)$/gm)].map((match) => [Number(match[1]), match[2] ?? '']))
}

describe('one reference numbering per guideline', () => {
  it('gives a work the same number and text in the deck, the summary and the handout, each listing only what it cites', () => {
    const { deck, handout, summary } = outputs()
    const all = new Map([
      [1, 'Calcium study.'],
      [2, 'Vitamin D study.'],
      [3, 'Walking study.'],
      [4, 'Fracture study.'],
      [5, 'A WHO guideline. Geneva: World Health Organization; 2020.']
    ])
    const subset = (...numbers: number[]) => new Map(numbers.map((number) => [number, all.get(number)]))
    expect(listed(summary.slice(summary.indexOf('## References')))).toEqual(subset(1, 2, 4, 5))
    expect(listed(deck.slice(deck.indexOf('## References')))).toEqual(subset(1, 4, 5))
    expect(listed(handout.slice(handout.indexOf('## Where this information comes from')))).toEqual(subset(3, 4, 5))
    // The marks in the text carry the same numbers; the handout's text has none.
    expect(summary).toContain('Calcium and vitamin D matter.¹,²')
    expect(summary).toContain('a fracture needs care.⁴,⁵')
    expect(deck).toContain('Screen for falls.¹,⁵')
    expect(handout).toContain('Walking helps your bones.\n')
  })
})

describe('reference lists and topic coverage', () => {
  it('do not count a topic term that only a cited work’s title holds as covered', () => {
    const frontMatter = 'title: Bone health\nversion: 1.0.0\nupdated: 2026-01-15\nstatus: draft\ntopics:\n  - id: bone-care\n    title: Caring for bones\n    terms: [bone, fracture]'
    const file = new VFile({ path: 'source/bone-health.md', value: guideline({ frontMatter, body: '## Caring for bones {#bone-care}\n\nStrong bone matters.[^f]\n\n[^f]: A fracture study.\n' }) })
    transformGuideline(file, { sourceDir: path.join(import.meta.dirname, '..', '..', 'fixtures'), glossary: new Map(), bibliography, today: fixedToday })
    expect(file.messages.filter((message) => message.ruleId === 'topic-term-missing').map((message) => message.reason.match(/deck|handout|summary/)?.[0])).toEqual(['deck', 'handout', 'summary'])
  })
})
