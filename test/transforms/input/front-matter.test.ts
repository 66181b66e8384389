import { describe, expect, it } from 'vitest'
import { VFile } from 'vfile'
import { readFrontMatter } from '../../../transforms/input/front-matter.ts'
import { fixedToday, guideline, messagesOf } from '../../helpers.ts'

function read(text: string): VFile {
  const file = new VFile({ path: 'source/bone-health.md', value: text })
  readFrontMatter(file, 'bone-health', fixedToday)
  return file
}

describe('front matter', () => {
  it('keeps dates as the YYYY-MM-DD strings written, with defaults applied', () => {
    const file = read(guideline())
    expect(file.data.meta).toMatchObject({ id: 'bone-health', updated: '2026-01-15', outputs: ['deck', 'handout', 'summary'], lang: 'en', reviewers: [] })
    expect(typeof file.data.meta?.updated).toBe('string')
  })

  it('reads authors as a list of names, and refuses an empty list or a blank name', () => {
    const named = read(guideline().replace('version:', 'authors: [Dr Ada Example, Sam Writer]\nversion:'))
    expect(messagesOf(named)).toEqual([])
    expect(named.data.meta?.authors).toEqual(['Dr Ada Example', 'Sam Writer'])
    expect(read(guideline()).data.meta?.authors).toEqual([])
    expect(messagesOf(read(guideline().replace('version:', 'authors: []\nversion:')))).toEqual([expect.stringMatching(/^front-matter-invalid-value@3:/)])
    expect(messagesOf(read(guideline().replace('version:', 'authors: ["  "]\nversion:')))).toEqual([expect.stringMatching(/^front-matter-invalid-value@3:/)])
  })

  it('never evaluates JavaScript front matter', () => {
    const marker = '__guidepressEvaluated'
    const file = read(`---js\n{ title: (globalThis.${marker} = true, 'x') }\n---\n\n## A {#a}\n\nbone\n`)
    expect(messagesOf(file)).toEqual(['front-matter-not-yaml@1:4'])
    expect(marker in globalThis).toBe(false)
  })

  it.each(['javascript', 'toml', 'coffee'])('refuses ---%s front matter', (language) => {
    expect(messagesOf(read(`---${language}\ntitle = "x"\n---\n`))).toEqual(['front-matter-not-yaml@1:4'])
  })

  it('accepts an explicit ---yaml opening', () => {
    expect(messagesOf(read(guideline().replace(/^---/, '---yaml')))).toEqual([])
  })

  it('blanks the front matter so body positions stay file positions', () => {
    const text = guideline()
    const file = read(text)
    expect(file.data.body?.length).toBe(text.length)
    expect(file.data.body?.split('\n')[11]).toBe('## Caring for bones {#bone-care}')
    expect(file.data.body?.split('\n')[1]?.trim()).toBe('')
  })

  it('ends the front matter at a line that is `---` alone, so YAML after a `--- x` line never lands in the body', () => {
    const file = read(guideline().replace('version:', '--- x\nversion:'))
    // The stray marker is YAML's (a second document), reported on its line; the body starts after the real closing line.
    expect(messagesOf(file)).toEqual([expect.stringMatching(/^front-matter-invalid-yaml@3:/)])
    expect(file.data.body?.split('\n').slice(0, 11).join('').trim()).toBe('')
    // Comments alone are an empty front matter.
    expect(messagesOf(read('---\n# nothing here\n---\n\n## A {#a}\n\nbone\n'))).toEqual(['front-matter-missing@1:1'])
  })

  it('points a mistyped nested field at its own line', () => {
    const file = read(guideline({ frontMatter: 'title: Bones\nversion: 1.0.0\nupdated: 2026-01-15\nstatus: draft\ntopics:\n  - id: bone-care\n    title: Bones\n    term: [bone]' }))
    expect(messagesOf(file)).toEqual(['front-matter-required-field@7:5', 'front-matter-unknown-field@9:5'])
  })

  it('reports duplicate YAML keys', () => {
    const file = read(guideline({ frontMatter: 'title: Bones\ntitle: Again\nversion: 1.0.0\nupdated: 2026-01-15\nstatus: draft\ntopics:\n  - id: a\n    title: A\n    terms: [a]' }))
    expect(messagesOf(file)).toEqual(['front-matter-invalid-yaml@3:1'])
  })

  it('accepts approved guidelines that name their reviewers', () => {
    const file = read(guideline({ frontMatter: 'title: Bones\nversion: 1.0.0\nupdated: 2026-01-15\nstatus: approved\nreviewers: [Dr A. Smith]\ntopics:\n  - id: bone-care\n    title: Bones\n    terms: [bone]' }))
    expect(messagesOf(file)).toEqual([])
    expect(file.data.meta?.reviewers).toEqual(['Dr A. Smith'])
  })
})
