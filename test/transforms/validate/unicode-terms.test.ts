import { describe, expect, it } from 'vitest'
import { VFile } from 'vfile'
import { checkCoverage } from '../../../transforms/gates/coverage.ts'
import { guideline, messagesOf, transformText } from '../../helpers.ts'

const frontMatter = (terms: string) => `title: Care
version: 1.0.0
updated: 2026-01-15
status: draft
topics:
  - id: care
    title: Care
    terms: ${terms}`
const body = (text: string) => `## Care {#care}\n\n${text}\n`
const nfd = (text: string) => text.normalize('NFD')
const nfc = (text: string) => text.normalize('NFC')

describe('terms and outputs are compared in one Unicode form', () => {
  it.each([
    { what: 'a decomposed term in composed text', term: nfd('naïve'), text: nfc('A naïve question.') },
    { what: 'a composed term in decomposed text', term: nfc('Ménière'), text: nfd('Ménière disease.') },
    { what: 'a decomposed phrase in composed text, plural', term: nfd('crème barrière'), text: nfc('Use crème barrières daily.') },
    { what: 'a ligature in the term', term: 'ﬁbrosis', text: 'Lung fibrosis is rare.' },
    { what: 'a ligature in the text', term: 'fibrosis', text: 'Lung ﬁbrosis is rare.' },
    { what: 'a full-width term', term: 'ＣＴ', text: 'A CT scan.' }
  ])('finds $what in every output', ({ term, text }) => {
    const { file } = transformText(guideline({ frontMatter: frontMatter(JSON.stringify([term])), body: body(text) }))
    expect(file.messages.filter((message) => message.ruleId === 'topic-term-missing')).toEqual([])
  })

  it('does not find a word inside a longer one written with a combining accent', () => {
    const { file } = transformText(guideline({ frontMatter: frontMatter('[cafe]'), body: body(`A ${nfd('café')} nearby.`) }))
    expect(messagesOf(file)).toContain('topic-term-missing@12:1')
  })

  it('reads PDF text in the same form (a decomposed or ligatured text layer)', () => {
    const meta = { topics: [{ id: 'care', title: 'Care', terms: [nfc('Ménière'), 'fibrosis'] }] } as Parameters<typeof checkCoverage>[1]
    const file = new VFile({ path: 'source/care.md' })
    const cells = checkCoverage(file, meta, new Map(), 'deck.pdf', `${nfd('Ménière')} and lung ﬁbrosis`)
    expect(cells[0]?.missing).toEqual([])
    expect(file.messages).toEqual([])
  })
})

describe('a term no PDF text can be relied on to hold is refused where it is written', () => {
  it.each([
    { what: 'an emoji', terms: '[bone, "🦴"]', column: 19 },
    { what: 'an emoji after a word', terms: '["heart ❤️"]', column: 13 },
    { what: 'a flag', terms: '["🇬🇧 guidance"]', column: 13 },
    { what: 'a zero-width joiner', terms: '["bone\\u200Dmarrow"]', column: 13 },
    { what: 'a private-use character', terms: '["\\uE000care"]', column: 13 },
    { what: 'a control character', terms: '["care\\u0007"]', column: 13 }
  ])('$what', ({ terms, column }) => {
    const { file, result } = transformText(guideline({ frontMatter: frontMatter(terms), body: body('Bone care.') }))
    expect(messagesOf(file)).toEqual([`front-matter-invalid-value@9:${column}`])
    expect(file.messages[0]?.reason).toMatch(/no emoji/)
    expect(result).toBeUndefined()
  })

  it('accepts letters of any script, digits, punctuation, © and ®', () => {
    const terms = '["Herceptin®", "α-blocker", "HER2+", "T-score ≤ -2.5", "乳腺癌", "©NICE"]'
    const { file } = transformText(guideline({ frontMatter: frontMatter(terms), body: body('Herceptin®, an α-blocker, HER2+ and T-score ≤ -2.5 in 乳腺癌, ©NICE.') }))
    expect(file.messages.filter((message) => message.ruleId !== 'handout-readability' && message.ruleId !== 'sentence-hard-to-read')).toEqual([])
  })
})
