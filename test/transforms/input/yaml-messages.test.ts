import { describe, expect, it } from 'vitest'
import { parseGlossary } from '../../../transforms/input/glossary.ts'
import { guideline, messagesOf, transformText } from '../../helpers.ts'

const topics = 'topics:\n  - id: bone-care\n    title: Caring for bones\n    terms: [bone]'
const fields = (lines: string): string => `${lines}\nversion: 1.0.0\nupdated: 2026-01-15\nstatus: draft\n${topics}`

function yamlMessages(frontMatter: string): Array<{ at: string; reason: string }> {
  const { file } = transformText(guideline({ frontMatter }))
  return file.messages.map((message, index) => ({ at: messagesOf(file)[index] ?? '', reason: message.reason }))
}

describe('YAML errors say what to do', () => {
  it('an unquoted colon in a value: quote it', () => {
    expect(yamlMessages(fields('title: Heart failure: acute care'))).toEqual([
      {
        at: 'front-matter-invalid-yaml@2:8',
        reason: 'Unexpected `: ` inside the value of `title` (YAML reads it as a new field); put the value in quotes: `title: "Heart failure: acute care"`'
      }
    ])
  })

  it('an unquoted colon in a topic title, inside the list', () => {
    const [message] = yamlMessages(fields('title: Bones').replace('title: Caring for bones', 'title: Bones: care at home'))
    expect(message).toEqual({ at: 'front-matter-invalid-yaml@8:12', reason: expect.stringContaining('put the value in quotes: `title: "Bones: care at home"`') })
  })

  it('a tab in the indentation: use spaces', () => {
    const [message] = yamlMessages(fields('title: Bones').replace('  - id: bone-care', '\t- id: bone-care'))
    expect(message).toEqual({ at: 'front-matter-invalid-yaml@7:1', reason: 'Unexpected tab in the indentation; YAML is indented with spaces only: replace the tab with spaces' })
  })

  it('a field written twice: keep one', () => {
    expect(yamlMessages(fields('title: Bones\ntitle: Again'))).toEqual([
      { at: 'front-matter-invalid-yaml@3:1', reason: 'Unexpected second `title`: each field is written once; keep one of them' }
    ])
  })

  it('a day that does not exist: write a real one', () => {
    const [message] = yamlMessages(fields('title: Bones').replace('updated: 2026-01-15', 'updated: 2026-02-30'))
    expect(message).toEqual({
      at: 'front-matter-invalid-value@4:10',
      reason: 'Expected a real calendar date for `updated`, not `2026-02-30`; write a day that exists as `YYYY-MM-DD`, such as `2026-03-01`'
    })
  })

  it('an unclosed quote, an unclosed list and a reserved first character', () => {
    expect(yamlMessages(fields('title: "Bones')).map((message) => message.reason)).toEqual([
      'Expected a closing quote: a value that opens with `"` or `\'` must close with the same mark on the same line'
    ])
    expect(yamlMessages(fields('title: Bones').replace('terms: [bone]', 'terms: [bone, fracture')).map((message) => message.reason)).toEqual([
      'Expected `]` closing the list opened with `[`; close it on the same line'
    ])
    expect(yamlMessages(fields('title: @home')).map((message) => message.reason)).toEqual([
      'Unexpected `@` at the start of the value of `title` (YAML reserves it); put the value in quotes: `title: "@home"`'
    ])
  })

  it('the glossary gets the same advice', () => {
    const { file } = parseGlossary('/tmp', 'fracture: A broken bone.\nbisphosphonate: A medicine: it makes bones stronger.\n')
    expect(messagesOf(file)).toEqual(['glossary-invalid@2:17'])
    expect(file.messages[0]?.reason).toContain('put the value in quotes: `bisphosphonate: "A medicine: it makes bones stronger."`')
  })
})
