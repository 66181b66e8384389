import { describe, expect, it } from 'vitest'
import { parseGlossary } from '../../../transforms/input/glossary.ts'
import { glossaryLineBudget, glossaryLines } from '../../../transforms/shape/words-to-know.ts'
import { guideline, messagesOf, transformText } from '../../helpers.ts'
import { labelsFor } from '../../../transforms/catalogue/labels.ts'

const glossaryText = `zoledronic acid: A bone medicine given by drip.
bone: The hard frame of the body.
bones: The hard frames of the body, counted.
Ödem: Swelling.
scan:
  explanation: A picture of the inside of the body.
  synonyms: [imaging, body scan]
osteoporosis: Thin, weak bones.
apple: A fruit.
`

function wordsToKnow(body: string, lang = 'en-GB'): string {
  const { glossary, file: glossaryFile } = parseGlossary('/tmp', glossaryText)
  expect(messagesOf(glossaryFile)).toEqual([])
  const frontMatter = `title: Bones\nversion: 1.0.0\nupdated: 2026-01-15\nstatus: draft\nlang: ${lang}\noutputs: [handout]\ntopics:\n  - id: bone-care\n    title: Bones\n    terms: [bone]`
  const { file, result } = transformText(guideline({ frontMatter, body: `## Bones {#bone-care}\n\n${body}\n` }), { glossary })
  // A language without a catalogue (sv) reads English labels, and says so (messages-missing), as it should.
  expect(messagesOf(file).filter((message) => !message.startsWith('messages-missing@'))).toEqual([])
  const handout = result?.outputs[0]?.text ?? ''
  const title = `## ${labelsFor(lang).text('wordsToKnow')}`
  expect(handout).toContain(title)
  return handout.slice(handout.indexOf(title), handout.indexOf('\n## ', handout.indexOf(title) + 1))
}

describe('"Words to know"', () => {
  it('lists only the terms the handout uses, alphabetically, merging plurals and synonyms', () => {
    const words = wordsToKnow('Zoledronic acid helps a bone; your bones get stronger. An Ödem can follow an imaging test or a scan.')
    expect(words).toBe(
      '## Words to know\n\n' +
        '- **bone**: The hard frame of the body.\n' +
        '- **Ödem**: Swelling.\n' +
        '- **scan**: A picture of the inside of the body.\n  Also called imaging.\n' +
        '- **zoledronic acid**: A bone medicine given by drip.\n'
    )
    expect(words).not.toContain('osteoporosis')
    expect(words).not.toContain('apple')
  })

  it('names a synonym group by the name the handout uses, and sorts in the reader’s language', () => {
    expect(wordsToKnow('A bone is shown by imaging.')).toContain('- **imaging**: A picture of the inside of the body.\n')
    // Swedish sorts Ö after Z; German sorts it with O.
    expect(wordsToKnow('An Ödem near a bone; zoledronic acid.', 'sv').indexOf('Ödem')).toBeGreaterThan(wordsToKnow('An Ödem near a bone; zoledronic acid.', 'sv').indexOf('zoledronic'))
    expect(wordsToKnow('An Ödem near a bone; zoledronic acid.', 'de').indexOf('Ödem')).toBeLessThan(wordsToKnow('An Ödem near a bone; zoledronic acid.', 'de').indexOf('zoledronic'))
  })

  it('warns when it would print longer than one and a half pages', () => {
    const many = Array.from({ length: 40 }, (_, index) => `term${String.fromCharCode(97 + (index % 26))}${index}`)
    const glossary = new Map(many.map((term) => [term, `An explanation of ${term}, long enough to take most of a printed line in the handout, as real ones do.`]))
    const { file } = transformText(guideline({ body: `## Bones {#bone-care}\n\nA bone.\n\n${many.map((term) => `- A ${term} helps.`).join('\n')}\n` }), { glossary })
    expect(messagesOf(file)).toEqual(['glossary-too-long@1:1'])
    expect(file.messages[0]?.fatal).toBe(false)
    expect(file.messages[0]?.reason).toContain('40 terms')
    expect(glossaryLines(many.slice(0, 10).map((term) => `${term}: ${glossary.get(term)}`))).toBeLessThanOrEqual(glossaryLineBudget)
  })
})

describe('glossary synonyms', () => {
  it.each([
    ['an entry without explanation', 'scan:\n  synonyms: [imaging]\n', 'glossary-invalid@1:1', 'Expected an `explanation` for `scan`'],
    ['an unknown field', 'scan:\n  explanation: A picture.\n  also: [imaging]\n', 'glossary-invalid@3:3', 'Unexpected `also` in `scan`'],
    ['synonyms that are not a list of names', 'scan:\n  explanation: A picture.\n  synonyms: imaging\n', 'glossary-invalid@3:3', 'Expected a list of other names'],
    ['a synonym that is already a term', 'imaging: A picture.\nscan:\n  explanation: A picture.\n  synonyms: [imaging]\n', 'glossary-invalid@4:14', 'Unexpected second `imaging`']
  ])('refuses %s, at its place', (_name, text, at, reason) => {
    const { file } = parseGlossary('/tmp', text)
    expect(messagesOf(file)).toEqual([at])
    expect(file.messages[0]?.reason).toContain(reason)
  })

  it('reads a plain `term: explanation` glossary as before', () => {
    expect([...parseGlossary('/tmp', 'bone: The frame.\nfracture: A break.\n').glossary]).toEqual([
      ['bone', 'The frame.'],
      ['fracture', 'A break.']
    ])
  })
})
