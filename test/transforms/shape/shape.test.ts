import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { Marp } from '../../../render/deck/marp-core.ts'
import { describe, expect, it } from 'vitest'
import { loadGlossary } from '../../../transforms/input/glossary.ts'
import { loadReferences } from '../../../transforms/input/references.ts'
import { slideLimits } from '../../../transforms/shape/slides.ts'
import { guideline, messagesOf, transformText } from '../../helpers.ts'

const approved = 'title: Bone health\nversion: 1.0.0\nupdated: 2026-01-15\nstatus: approved\nreviewers: [Dr A. Example]\ntopics:\n  - id: bone-care\n    title: Caring for bones\n    terms: [bone]'
const body = `## Caring for bones {#bone-care}

Bone pain matters; a fracture needs care.[^ref]

:::notes
Say this aloud --> then pause.
:::

:::recommendation{strength="conditional" certainty="very-low"}
Consider bone imaging.
:::

[^ref]: A reference.
`
const glossary = new Map([
  ['fracture', 'A broken bone.'],
  ['osteoporosis', 'Thin, weak bones.'],
  ['bone', 'The hard frame of the body.']
])

function outputs(frontMatter?: string) {
  const { result, file } = transformText(guideline({ frontMatter, body }), { glossary })
  expect(messagesOf(file)).toEqual([])
  return Object.fromEntries((result?.outputs ?? []).map((output) => [output.path.split('/')[0], output.text]))
}

describe('deck', () => {
  it('has Marp front matter with footer and the draft header', () => {
    const deck = outputs().decks ?? ''
    expect(deck.startsWith('---\nmarp: true\ntheme: guidepress\npaginate: true\n')).toBe(true)
    expect(deck).toContain('header: Draft – not clinically approved')
    expect(deck).toContain('footer: Bone health · v1.0.0 · draft')
  })

  it('drops the draft header and names reviewers once approved', () => {
    const deck = outputs(approved).decks ?? ''
    expect(deck).not.toContain('Draft')
    expect(deck).toContain('approved by Dr A. Example')
  })

  it('keeps notes as a presenter-note comment that cannot close early', () => {
    expect(outputs().decks).toContain('<!--\nSay this aloud -- > then pause.\n-->')
  })

  it('keeps notes that read like Marp directives as notes, never as directives', () => {
    // Marp reads each comment as YAML and applies directive keys: these would restyle the slide
    // (and make the browser fetch a local file) while the note itself vanished.
    for (const note of ['backgroundImage: url(file:///etc/passwd)', 'style: "section { background: url(file:///etc/passwd) }"', '{color: red, class: invert}']) {
      const { result } = transformText(guideline({ body: `## Caring for bones {#bone-care}\n\nStrong bone matters.\n\n:::notes\n${note}\n:::\n` }))
      const deck = result?.outputs.find((output) => output.path.startsWith('decks/'))?.text ?? ''
      const { html, css, comments } = new Marp({ html: false, inlineSVG: true, script: false }).render(deck)
      expect(`${html}${css}`).not.toMatch(/passwd|data-class="invert"|--color:red/)
      // The note reads the same: each colon that would make a YAML key is followed by a no-break space.
      expect(comments.flat().join('\n').replaceAll('\u00a0', ' ')).toContain(note)
    }
  })

  it('shows recommendations with both labels, and numbered citations with references', () => {
    const deck = outputs().decks ?? ''
    expect(deck).toContain('## Recommendation: Caring for bones\n\n> _●○ Conditional recommendation_ · ⊕◯◯◯ Very low certainty\n>\n> Consider bone imaging.')
    expect(deck).toContain('a fracture needs care.¹')
    expect(deck).toMatch(/## References\n\n1\. A reference\./)
  })
})

describe('deck recommendations', () => {
  it('puts a section’s short recommendations on one slide', () => {
    const twoRecommendations = body.replace(':::recommendation', ':::recommendation{strength="strong" certainty="high"}\nCheck calcium.\n:::\n\n:::recommendation')
    const { result } = transformText(guideline({ body: twoRecommendations }), { glossary })
    const deck = result?.outputs[0]?.text ?? ''
    expect(deck).toContain('## Recommendations: Caring for bones\n\n> **●● Strong recommendation** · ⊕⊕⊕⊕ High certainty\n>\n> Check calcium.\n\n> _●○ Conditional')
  })
})

describe('handout', () => {
  it('leaves out notes, recommendations and citation marks, lists the sources its text cites, and marks drafts', () => {
    const handout = outputs().handouts ?? ''
    expect(handout).toContain('**Draft – not clinically approved.**')
    for (const absent of ['Say this aloud', 'Consider bone imaging', '¹']) expect(handout).not.toContain(absent)
    expect(handout).toContain('## Where this information comes from\n\n1. A reference.\n')
  })

  it('lists only the glossary terms it uses, alphabetically', () => {
    const handout = outputs().handouts ?? ''
    expect(handout).toContain('## Words to know\n\n- **bone**: The hard frame of the body.\n- **fracture**: A broken bone.\n')
    expect(handout).not.toContain('osteoporosis')
  })

  it('has no draft mark once approved', () => {
    expect(outputs(approved).handouts).not.toContain('Draft')
  })
})

describe('summary', () => {
  it('labels recommendations and lists references', () => {
    const summary = outputs().summaries ?? ''
    expect(summary).toContain('> _●○ Conditional recommendation_ · ⊕◯◯◯ Very low certainty\n>\n> Consider bone imaging.')
    expect(summary).toContain('## References\n\n1. A reference.')
    expect(summary).not.toContain('Say this aloud')
  })
})

describe('coverage', () => {
  it('fails when a topic term reaches only some outputs, naming the output', () => {
    const { file } = transformText(
      guideline({
        frontMatter: 'title: Care\nversion: 1.0.0\nupdated: 2026-01-15\nstatus: draft\ntopics:\n  - id: bone-care\n    title: Care\n    terms: [fracture]',
        body: '## Care {#bone-care}\n\nShared words.\n\n:::handout\nA fracture is a break.\n:::\n'
      })
    )
    expect(file.messages.map((message) => message.reason)).toEqual([
      'Expected term `fracture` of topic `bone-care` in the deck; write it in the section\'s shared text or in its `:::deck` block',
      'Expected term `fracture` of topic `bone-care` in the summary; write it in the section\'s shared text or in its `:::summary` block'
    ])
  })
})

describe('coverage and the glossary', () => {
  it('does not count a term found only in a glossary explanation', () => {
    const { file } = transformText(
      guideline({
        frontMatter: 'title: Care\nversion: 1.0.0\nupdated: 2026-01-15\nstatus: draft\noutputs: [handout]\ntopics:\n  - id: bone-care\n    title: Care\n    terms: [fracture]',
        body: '## Care {#bone-care}\n\nA bone can break.\n'
      }),
      { glossary: new Map([['bone', 'The frame of the body; a fracture is a break in it.']]) }
    )
    expect(messagesOf(file)).toEqual(['topic-term-missing@13:1'])
  })
})

describe('the flagship guideline', () => {
  // Its glossary holds only the words its handout needs (issue 18): "Words to know" fits, and nothing is warned.
  it('builds with no message at all, and no slide exceeds the density limits', async () => {
    const root = path.join(import.meta.dirname, '../../..')
    const id = 'metastatic-breast-cancer'
    const { glossary: flagshipGlossary } = await loadGlossary(root)
    const text = await readFile(path.join(root, 'source', `${id}.md`), 'utf8')
    const { bibliography } = await loadReferences(root)
    const { file, result } = transformText(text, { id, glossary: flagshipGlossary, bibliography, sourceDir: path.join(root, 'source') })
    expect(messagesOf(file)).toEqual([])
    expect(result?.slides?.slides).toBeGreaterThan(10)
    expect(result?.slides?.mostBullets).toBeLessThanOrEqual(slideLimits.bullets)
    expect(result?.slides?.mostWords).toBeLessThanOrEqual(slideLimits.words)
  })
})
