import { describe, expect, it } from 'vitest'
import { guideline, messagesOf, transformText } from '../../helpers.ts'

// Body line k of `guideline({ body })` is file line 11 + k: the default front matter takes lines 1–10, then a blank line.
const section = '## Bones {#bone-care}\n\nStrong bone matters.\n'

/** One bad source per rule, with the single message it must produce. */
const cases: Array<{ rule: string; source: string; expected: string }> = [
  { rule: 'front-matter-missing', source: '## Bones {#bone-care}\n\nbone\n', expected: 'front-matter-missing@1:1' },
  { rule: 'front-matter-not-yaml', source: '---js\n{ title: "x" }\n---\n\n' + section, expected: 'front-matter-not-yaml@1:4' },
  { rule: 'front-matter-not-yaml (json)', source: '---json\n{ "title": "x" }\n---\n\n' + section, expected: 'front-matter-not-yaml@1:4' },
  { rule: 'front-matter-unclosed', source: '---\ntitle: x\n\n' + section, expected: 'front-matter-unclosed@1:1' },
  { rule: 'front-matter-invalid-yaml', source: guideline({ frontMatter: 'title: Bones\nversion: [1.0.0\nupdated: 2026-01-15' }), expected: 'front-matter-invalid-yaml@4:1' },
  {
    rule: 'front-matter-required-field',
    source: guideline({ frontMatter: 'version: 1.0.0\nupdated: 2026-01-15\nstatus: draft\ntopics:\n  - id: bone-care\n    title: Bones\n    terms: [bone]' }),
    expected: 'front-matter-required-field@2:1'
  },
  {
    rule: 'front-matter-unknown-field',
    source: guideline({ frontMatter: 'title: Bones\nversion: 1.0.0\nupdated: 2026-01-15\nstatus: draft\nauthor: Someone\ntopics:\n  - id: bone-care\n    title: Bones\n    terms: [bone]' }),
    expected: 'front-matter-unknown-field@6:1'
  },
  {
    rule: 'front-matter-invalid-value (version not semver)',
    source: guideline({ frontMatter: 'title: Bones\nversion: 1.0\nupdated: 2026-01-15\nstatus: draft\ntopics:\n  - id: bone-care\n    title: Bones\n    terms: [bone]' }),
    expected: 'front-matter-invalid-value@3:10'
  },
  {
    rule: 'front-matter-invalid-value (impossible date)',
    source: guideline({ frontMatter: 'title: Bones\nversion: 1.0.0\nupdated: 2026-02-30\nstatus: draft\ntopics:\n  - id: bone-care\n    title: Bones\n    terms: [bone]' }),
    expected: 'front-matter-invalid-value@4:10'
  },
  {
    rule: 'front-matter-invalid-value (empty terms)',
    source: guideline({ frontMatter: 'title: Bones\nversion: 1.0.0\nupdated: 2026-01-15\nstatus: draft\ntopics:\n  - id: bone-care\n    title: Bones\n    terms: []' }),
    expected: 'front-matter-invalid-value@9:12'
  },
  {
    rule: 'reviewers-required',
    source: guideline({ frontMatter: 'title: Bones\nversion: 1.0.0\nupdated: 2026-01-15\nstatus: approved\ntopics:\n  - id: bone-care\n    title: Bones\n    terms: [bone]' }),
    expected: 'reviewers-required@5:9'
  },
  {
    rule: 'topic-id-duplicate',
    source: guideline({
      frontMatter: 'title: Bones\nversion: 1.0.0\nupdated: 2026-01-15\nstatus: draft\ntopics:\n  - id: bone-care\n    title: Bones\n    terms: [bone]\n  - id: bone-care\n    title: Again\n    terms: [bone]'
    }),
    expected: 'topic-id-duplicate@10:9'
  },
  { rule: 'heading-level-one', source: guideline({ body: section + '\n# Big heading\n' }), expected: 'heading-level-one@16:1' },
  { rule: 'heading-id-misplaced', source: guideline({ body: section + '\n### Detail {#detail}\n\nbone\n' }), expected: 'heading-id-misplaced@16:1' },
  { rule: 'heading-id-invalid', source: guideline({ body: section + '\n## Other {#Not_Kebab}\n\nbone\n' }), expected: 'heading-id-invalid@16:1' },
  { rule: 'content-before-section', source: guideline({ body: 'Loose text.\n\n' + section }), expected: 'content-before-section@12:1' },
  { rule: 'heading-id-unknown', source: guideline({ body: section + '\n## Other {#other-topic}\n\nbone\n' }), expected: 'heading-id-unknown@16:1' },
  { rule: 'topic-section-duplicate', source: guideline({ body: section + '\n## Bones again {#bone-care}\n\nbone\n' }), expected: 'topic-section-duplicate@16:1' },
  { rule: 'topic-section-missing', source: guideline({ body: '## Untracked\n\nbone\n' }), expected: 'topic-section-missing@7:9' },
  { rule: 'section-empty', source: guideline({ body: section + '\n## Empty\n\n<!-- to do -->\n' }), expected: 'section-empty@16:1' },
  { rule: 'directive-unknown', source: guideline({ body: section + '\n:::warning\nbone\n:::\n' }), expected: 'directive-unknown@16:1' },
  { rule: 'directive-nested', source: guideline({ body: section + '\n::::deck\n:::notes\nbone\n:::\n::::\n' }), expected: 'directive-nested@17:1' },
  { rule: 'directive-unclosed', source: guideline({ body: section + '\n:::handout\nbone\n\n## Later {#later}\n\nbone\n' }), expected: 'directive-unclosed@16:1' },
  { rule: 'directive-empty', source: guideline({ body: section + '\n:::notes\n:::\n' }), expected: 'directive-empty@16:1' },
  { rule: 'directive-empty (only a comment)', source: guideline({ body: section + '\n:::recommendation{strength="strong" certainty="high"}\n<!-- to do -->\n:::\n' }), expected: 'directive-empty@16:1' },
  { rule: 'directive-attribute-unknown', source: guideline({ body: section + '\n:::notes{color="red"}\nbone\n:::\n' }), expected: 'directive-attribute-unknown@16:1' },
  { rule: 'recommendation-label-missing', source: guideline({ body: section + '\n:::recommendation{strength="strong"}\nbone\n:::\n' }), expected: 'recommendation-label-missing@16:1' },
  {
    rule: 'recommendation-label-invalid',
    source: guideline({ body: section + '\n:::recommendation{strength="weak" certainty="high"}\nbone\n:::\n' }),
    expected: 'recommendation-label-invalid@16:1'
  },
  { rule: 'footnote-undefined', source: guideline({ body: section + '\nSee the guide.[^nowhere]\n' }), expected: 'footnote-undefined@16:15' },
  { rule: 'footnote-empty', source: guideline({ body: section.replace('matters.', 'matters.[^empty]') + '\n[^empty]:\n' }), expected: 'footnote-empty@16:1' },
  { rule: 'footnote-unused', source: guideline({ body: section + '\n[^lonely]: A reference nobody cites.\n' }), expected: 'footnote-unused@16:1' },
  { rule: 'html-raw', source: guideline({ body: section + '\n<script>alert(1)</script>\n' }), expected: 'html-raw@16:1' },
  { rule: 'html-raw (inline, event handler)', source: guideline({ body: section + '\nA <img src=x onerror="alert(1)"> here.\n' }), expected: 'html-raw@16:3' },
  { rule: 'link-unsafe-protocol', source: guideline({ body: section + '\n[click](javascript:alert(1))\n' }), expected: 'link-unsafe-protocol@16:1' },
  { rule: 'link-fragment-unknown', source: guideline({ body: section + '\nSee [bones](#bone-care) and [more](#nowhere).\n' }), expected: 'link-fragment-unknown@16:29' },
  { rule: 'link-fragment-unknown (reference definition)', source: guideline({ body: section + '\nSee [more][m].\n\n[m]: #Bone-Care\n' }), expected: 'link-fragment-unknown@18:1' },
  { rule: 'link-unsafe-protocol (entity-encoded)', source: guideline({ body: section + '\n[click](&#106;avascript:alert(1))\n' }), expected: 'link-unsafe-protocol@16:1' },
  { rule: 'image-alt-missing', source: guideline({ body: section + '\n![](images/dot.svg)\n' }), expected: 'image-alt-missing@16:1' },
  { rule: 'image-path-outside', source: guideline({ body: section + '\n![A dot](../secret.svg)\n' }), expected: 'image-path-outside@16:1' },
  { rule: 'image-path-outside (remote)', source: guideline({ body: section + '\n![A dot](https://example.org/dot.svg)\n' }), expected: 'image-path-outside@16:1' },
  { rule: 'image-missing', source: guideline({ body: section + '\n![A dot](images/none.svg)\n' }), expected: 'image-missing@16:1' },
  { rule: 'image-reference', source: guideline({ body: section + '\n![A dot][dot]\n\n[dot]: images/dot.svg\n' }), expected: 'image-reference@16:1' },
  { rule: 'list-item-empty', source: guideline({ body: section + '\n- bone\n-\n' }), expected: 'list-item-empty@17:1' },
  { rule: 'list-item-empty (only a comment)', source: guideline({ body: section + '\n- bone\n- <!-- to do -->\n' }), expected: 'list-item-empty@17:1' },
  { rule: 'paragraph-dangling-colon', source: guideline({ body: section + '\nOptions include:\n\nA new paragraph.\n' }), expected: 'paragraph-dangling-colon@16:1' },
  {
    rule: 'topic-term-missing',
    source: guideline({
      frontMatter: 'title: Skeleton\nversion: 1.0.0\nupdated: 2026-01-15\nstatus: draft\ntopics:\n  - id: bone-care\n    title: Skeleton\n    terms: [fracture]',
      body: '## Skeleton {#bone-care}\n\nNothing about breaks here.\n'
    }),
    expected: 'topic-term-missing@12:1'
  }
]

describe('validation rules', () => {
  it.each(cases)('$rule', ({ source, expected }) => {
    const { file, result } = transformText(source)
    // topic-term-missing is reported once per output; every other rule exactly once.
    expect([...new Set(messagesOf(file))]).toEqual([expected])
    expect(file.messages.every((message) => message.fatal === true && message.source === 'guidepress')).toBe(true)
    expect(result).toBeUndefined()
  })

  it('reports a date that is not written as YYYY-MM-DD once, not once per check', () => {
    const { file } = transformText(guideline({ frontMatter: 'title: Bones\nversion: 1.0.0\nupdated: yesterday\nstatus: draft\ntopics:\n  - id: bone-care\n    title: Bones\n    terms: [bone]' }))
    expect(messagesOf(file)).toEqual(['front-matter-invalid-value@4:10'])
  })

  it('refuses YAML aliases that expand without bound, at the first alias, instead of crashing', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((name, index) => `${name}: &${name} [${Array(9).fill(`*${'abcdefg'[index]}`).join(', ')}]`)]
    const { file } = transformText(guideline({ frontMatter: `${bomb.join('\n')}\ntitle: Bones\nversion: 1.0.0\nupdated: 2026-01-15\nstatus: draft\ntopics:\n  - id: bone-care\n    title: Bones\n    terms: [bone]` }))
    expect(messagesOf(file)).toEqual(['front-matter-invalid-yaml@3:8'])
  })

  it('refuses a paragraph with so many emphasis marks that parsing it would take minutes', () => {
    const { file } = transformText(guideline({ body: `${section}\n${'*a**'.repeat(400)}\n` }))
    expect(messagesOf(file)).toEqual(['input-too-complex@16:1'])
  })

  it('refuses `:::` blocks opened inside each other more than 20 deep', () => {
    const { file } = transformText(guideline({ body: `${section}\n${':::deck\n'.repeat(30)}bone\n` }))
    expect(messagesOf(file)).toEqual(['nesting-too-deep@36:1'])
  })

  it('says which topic ids a `#section` link may name', () => {
    const { file } = transformText(guideline({ body: section + '\nSee [more](#nowhere).\n' }))
    expect(file.messages.map((message) => message.reason)).toEqual(['Unexpected link `#nowhere`: no section of this guideline has the id `nowhere`; link to one of its topics: `#bone-care`'])
    expect(file.messages[0]?.url).toMatch(/authoring\.md#link-fragment-unknown$/)
  })

  it('reports a past next-review date as a warning that does not stop the build', () => {
    const { file, result } = transformText(guideline({ frontMatter: 'title: Bones\nversion: 1.0.0\nupdated: 2026-01-15\nnext-review: 2026-02-01\nstatus: draft\ntopics:\n  - id: bone-care\n    title: Bones\n    terms: [bone]' }))
    expect(messagesOf(file)).toEqual(['next-review-past@5:14'])
    expect(file.messages[0]?.fatal).toBe(false)
    expect(result).toBeDefined()
  })

  it('accepts a source that breaks no rule', () => {
    const { file, result } = transformText(guideline({ body: section + '\n![A dot](images/dot.svg)\n\nSee the guide.[^guide]\n\n[^guide]: A guide.\n' }))
    expect(messagesOf(file)).toEqual([])
    expect(result?.outputs.map((output) => output.path)).toEqual(['decks/bone-health.md', 'handouts/bone-health.md', 'summaries/bone-health.md'])
  })

  it('names what is wrong and how to fix it', () => {
    const { file } = transformText(guideline({ frontMatter: 'title: Bones\nversion: 1.0\nupdated: 2026-01-15\nstatus: draft\ntopics:\n  - id: bone-care\n    title: Bones\n    terms: [bone]' }))
    expect(file.messages[0]?.reason).toBe('Expected a semantic version such as `1.2.0` for `version`, not `1.0`')
  })
})
