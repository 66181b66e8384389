import path from 'node:path'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { parseReferences } from '../../../transforms/input/references.ts'
import { transformGuideline } from '../../../transforms/pipeline.ts'
import { fixedToday, guideline, messagesOf } from '../../helpers.ts'

const bib = `@article{smith2020,
  author  = {Smith, Jane},
  title   = {Bone care in adults},
  journal = {BMJ},
  year    = {2020},
  volume  = {368},
  pages   = {m100},
  doi     = {10.1136/bmj.m100}
}
`
const { bibliography } = await parseReferences('/project', [bib, undefined])

function transform(body: string) {
  const file = new VFile({ path: 'source/bone-health.md', value: guideline({ body: `## Caring for bones {#bone-care}\n\n${body}` }) })
  const result = transformGuideline(file, { sourceDir: path.join(import.meta.dirname, '..', '..', 'fixtures'), glossary: new Map(), bibliography, today: fixedToday })
  const output = (folder: string) => result?.outputs.find((each) => each.path.startsWith(folder))?.text ?? ''
  return { file, result, deck: output('decks/'), summary: output('summaries/') }
}

describe('citations', () => {
  it('reports an unknown key at its line and column, with its rule', () => {
    const { file, result } = transform('Strong bone matters.[@smith2020]\nWeak bone too. [@nobody2021; @Smith2020]\n')
    expect(result).toBeUndefined()
    // The section's text starts on line 14; each key is placed at its `@`.
    expect(messagesOf(file)).toEqual(['citation-unknown@15:17', 'citation-unknown@15:30'])
    expect(file.messages[0]?.reason).toContain('Unknown citation key `nobody2021`')
    expect(file.messages[1]?.reason).toContain('did you mean `smith2020`?')
    expect(file.messages[0]?.url).toBe('docs/authoring.md#citation-unknown')
  })

  it('reports a citation with a page or other text inside the brackets', () => {
    const { file } = transform('Strong bone matters [@smith2020, p. 5].\n')
    expect(messagesOf(file)).toEqual(['citation-invalid@14:21'])
  })

  it('formats a BibTeX entry in Vancouver style with its DOI as a link', () => {
    const { file, summary, deck } = transform('Strong bone matters.[@smith2020]\n')
    expect(messagesOf(file)).toEqual([])
    expect(summary).toContain('Strong bone matters.¹')
    const entry = '1. Smith J. Bone care in adults. BMJ. 2020;368:m100. [doi:10.1136/bmj.m100](https://doi.org/10.1136/bmj.m100)'
    expect(summary).toContain(`## References\n\n${entry}\n`)
    expect(deck).toContain(entry)
    // A key written twice in one citation is cited once.
    expect(transform('Strong bone matters.[@smith2020; @smith2020]\n').summary).toContain('Strong bone matters.¹\n')
  })

  it('leaves citation-like text alone: web and e-mail addresses, text before the @, escaped brackets, links', () => {
    const text = [
      'Write to user@example.org or [care@example.org] today.',
      'See https://example.org/[@smith2020] and [see @smith2020] and [@ here].',
      'Keep \\[@smith2020] as written, and [@smith2020](https://example.org) as a link.',
      'Strong bone matters.'
    ].join('\n')
    const { file, summary } = transform(`${text}\n`)
    expect(messagesOf(file)).toEqual([])
    expect(summary).not.toContain('¹')
    expect(summary).not.toContain('## References')
    expect(summary).toContain('[see @smith2020]')
    expect(summary).toContain('@example.org')
  })

  it('shows markup in a bibliography entry as text, and links only web addresses', async () => {
    const hostile = `@online{web2024,\n  title = {A <script>alert(1)</script> *page* [x](javascript:alert(2))},\n  url = {javascript:alert(3)}\n}\n`
    const { bibliography: risky } = await parseReferences('/project', [hostile, undefined])
    const file = new VFile({ path: 'source/bone-health.md', value: guideline({ body: '## Caring for bones {#bone-care}\n\nStrong bone matters.[@web2024]\n' }) })
    const result = transformGuideline(file, { sourceDir: path.join(import.meta.dirname, '..', '..', 'fixtures'), glossary: new Map(), bibliography: risky, today: fixedToday })
    const summary = result?.outputs.find((each) => each.path.startsWith('summaries/'))?.text ?? ''
    expect(summary).toContain('A \\<script>alert(1)\\</script> \\*page\\* \\[x]\\(javascript:alert(2))')
    expect(summary).not.toMatch(/\]\(javascript|<javascript/)
  })
})
