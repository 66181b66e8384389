import { describe, expect, it } from 'vitest'
import { guideline, messagesOf, transformText } from '../../helpers.ts'

// Body line k of `guideline({ body })` is file line 11 + k (the default front matter takes lines 1–10).
const body = (block: string) => guideline({ body: `## Bones {#bone-care}\n\nStrong bone matters.\n\n${block}\n` })

describe('`:::alert` and `:::for` blocks', () => {
  it.each([
    ['an alert without a level', ':::alert\nCall now.\n:::', 'alert-level-missing@16:1'],
    ['an alert with an unknown level', ':::alert{level="critical"}\nCall now.\n:::', 'alert-level-invalid@16:1'],
    ['an alert with a level written twice', ':::alert{level="urgent" level="soon"}\nCall now.\n:::', 'directive-attribute-duplicate@16:25'],
    ['an empty alert', ':::alert{level="urgent"}\n<!-- to do -->\n:::', 'directive-empty@16:1'],
    ['an alert with a stray attribute', ':::alert{level="urgent" colour="red"}\nCall now.\n:::', 'directive-attribute-unknown@16:1'],
    ['a `:::for` without audiences', ':::for\nText.\n:::', 'for-audiences-missing@16:1'],
    ['a `:::for` with an empty list', ':::for{audiences=" "}\nText.\n:::', 'for-audiences-invalid@16:1'],
    ['a `:::for` naming an unknown output', ':::for{audiences="deck slides"}\nText.\n:::', 'for-audiences-invalid@16:1'],
    ['a `:::for` naming an output twice', ':::for{audiences="deck summary deck"}\nText.\n:::', 'for-audiences-invalid@16:1'],
    ['a recommendation inside a `:::for`', '::::for{audiences="deck"}\n:::recommendation{strength="strong" certainty="high"}\nDo it.\n:::\n::::', 'directive-nested@17:1'],
    ['an alert inside an alert', '::::alert{level="soon"}\n:::alert{level="soon"}\nCall.\n:::\n::::', 'directive-nested@17:1']
  ])('reports %s at its line', (_name, block, expected) => {
    const { file, result } = transformText(body(block))
    expect(result).toBeUndefined()
    expect(messagesOf(file)).toEqual([expected])
  })

  it('names the levels and outputs to use', () => {
    const alert = transformText(body(':::alert{level="critical"}\nCall now.\n:::')).file.messages[0]?.reason
    expect(alert).toContain('`emergency`, `urgent`, `soon`')
    const audiences = transformText(body(':::for{audiences="slides"}\nText.\n:::')).file.messages[0]?.reason
    expect(audiences).toContain('`slides`')
    expect(audiences).toContain('`deck`, `handout`, `summary`')
  })

  it('accepts an alert inside an audience block, and `:::for` with commas or spaces', () => {
    const block = '::::handout\n:::alert{level="urgent"}\nCall now.\n:::\n::::\n\n:::for{audiences="deck, summary"}\nFor clinicians.\n:::'
    const { file, result } = transformText(body(block))
    expect(messagesOf(file)).toEqual([])
    expect(result).toBeDefined()
  })
})
