import { Marp } from '../../../render/deck/marp-core.ts'
import { describe, expect, it } from 'vitest'
import { defaultFrontMatter, guideline, transformText } from '../../helpers.ts'

const deckOf = (body: string, frontMatter?: string) => transformText(guideline({ body, ...(frontMatter ? { frontMatter } : {}) })).result?.outputs.find((output) => output.path.startsWith('decks/'))?.text ?? ''
const section = '## Caring for bones {#bone-care}\n\nStrong bone matters.[^ref]\n\n'
const strong = ':::recommendation{strength="strong" certainty="moderate"}\nCheck calcium before treatment.[^ref] Then review yearly.\n:::\n\n'
const conditional = ':::recommendation{strength="conditional" certainty="low"}\nConsider bone imaging.\n:::\n\n'
const reference = '[^ref]: Smith A, et al. Bone Journal. 2024;1:1–9.\n'

describe('recommendation badges', () => {
  it('set strong as bold and conditional as emphasis, with words, a symbol and GRADE certainty, also on a shared slide', () => {
    const deck = deckOf(`${section}${strong}${conditional}${reference}`)
    expect(deck).toContain('> **●● Strong recommendation** · ⊕⊕⊕◯ Moderate certainty\n>\n> Check calcium before treatment.¹')
    expect(deck).toContain('> _●○ Conditional recommendation_ · ⊕⊕◯◯ Low certainty\n>\n> Consider bone imaging.')
    // Marp (no HTML) gives the theme a <strong> or an <em> as the quote's first paragraph's first child.
    const { html } = new Marp({ html: false, inlineSVG: true, script: false }).render(deck)
    expect(html).toMatch(/<blockquote>\s*<p><strong>●● Strong recommendation<\/strong> · ⊕⊕⊕◯ Moderate certainty<\/p>/)
    expect(html).toMatch(/<blockquote>\s*<p><em>●○ Conditional recommendation<\/em> · ⊕⊕◯◯ Low certainty<\/p>/)
  })
})

describe('presenter notes', () => {
  it('give each recommendation slide its strength, certainty and cited sources', () => {
    const deck = deckOf(`${section}${strong}${reference}`)
    const slide = deck.split('\n---\n').find((each) => each.includes('## Recommendation')) ?? ''
    expect(slide).toContain('<!--\nStrong recommendation, moderate certainty of evidence. Sources:\u00a0(1) Smith A, et al. Bone Journal. 2024;1:1–9.\n-->')
    expect(deckOf(`${section}${conditional}${reference}`)).toContain('Conditional recommendation, low certainty of evidence. No sources cited.')
  })

  it('carry no label line and never read as Marp directives, even when they start `style:` or `backgroundImage:`', () => {
    for (const note of ['style: section { background: red }', 'backgroundImage: url(x)', 'class: invert\npaginate: false']) {
      const deck = deckOf(`${section}:::notes\n${note}\n:::\n\n${reference}`)
      expect(deck).not.toContain('Presenter notes')
      const marp = new Marp({ html: false, inlineSVG: true, script: false })
      const { html, css, comments } = marp.render(deck)
      expect(`${html}${css}`).not.toMatch(/background: red|url\(x\)|data-class="invert"/)
      expect(comments.flat().join('\n').replaceAll('\u00a0', ' ')).toContain(note)
    }
  })
})

describe('the deck opens and closes', () => {
  it('opens with title, subtitle, authors, version, date and the draft mark', () => {
    const deck = deckOf(section + reference, defaultFrontMatter('subtitle: Care of the skeleton\nauthors: [Dr A. Author, Dr B. Writer]'))
    expect(deck).toContain('# Bone health\n\nCare of the skeleton\n\n_Dr A. Author, Dr B. Writer_\n\nVersion 1.0.0 · updated January\u00a015,\u00a02026 · Draft – not clinically approved')
  })

  it('closes with key messages from the recommendations, then the references last', () => {
    const deck = deckOf(`${section}${strong}${conditional}${reference}`)
    const titles = [...deck.matchAll(/^## (.*)$/gm)].map((match) => match[1])
    expect(titles.slice(-2)).toEqual(['Key messages', 'References'])
    expect(deck).toContain('## Key messages\n\n- Check calcium before treatment.\n- Consider bone imaging.\n')
  })

  it('keeps generated key messages to one slide, strong recommendations first', () => {
    const many = Array.from({ length: 12 }, (_, index) => `:::recommendation{strength="${index % 3 === 0 ? 'conditional' : 'strong'}" certainty="low"}\nOffer bone care of kind ${index + 1} to adults with weak bones.\n:::\n\n`).join('')
    const deck = deckOf(`${section}${many}${reference}`)
    expect(deck.match(/## Key messages/g)).toHaveLength(1)
    const slide = deck.split('\n---\n').find((each) => each.includes('## Key messages')) ?? ''
    const items = slide.split('\n').filter((line) => line.startsWith('- '))
    expect(items.length).toBeGreaterThan(3)
    expect(items.length).toBeLessThan(12)
    expect(items[0]).toBe('- Offer bone care of kind 2 to adults with weak bones.')
  })

  it('uses the key messages the author writes in `:::deck` instead', () => {
    const deck = deckOf(`${section}${strong}:::deck\n## Key messages\n\n- Bones need calcium.\n:::\n\n${reference}`)
    expect(deck).toContain('<!-- _class: key-messages -->\n\n## Key messages\n\n- Bones need calcium.\n')
    expect(deck.match(/## Key messages/g)).toHaveLength(1)
    expect([...deck.matchAll(/^## (.*)$/gm)].map((match) => match[1]).at(-1)).toBe('References')
  })
})
