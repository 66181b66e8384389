import { describe, expect, it } from 'vitest'
import { guideline, messagesOf, transformText } from '../../helpers.ts'

describe('slide density', () => {
  it('fails a slide that cannot be split under the limits, at its source line', () => {
    const nested = Array.from({ length: 7 }, (_, index) => `  - detail ${index + 1}`).join('\n')
    const { file, result } = transformText(guideline({ body: `## Caring for bones {#bone-care}\n\n- bone points\n${nested}\n` }))
    expect(result).toBeUndefined()
    expect(messagesOf(file)).toEqual(['slide-overfull@14:1'])
    expect(file.messages[0]?.reason).toContain('8 bullets')
  })

  it('places an overfull slide made of a split sentence at its paragraph', () => {
    // 70 words and no sentence end: the paragraph cannot be split, and its pieces keep its place.
    const sentence = Array.from({ length: 70 }, () => 'bone').join(' ')
    const { file } = transformText(guideline({ body: `## Caring for bones {#bone-care}\n\n${sentence}\n` }))
    expect(messagesOf(file).filter((message) => message.startsWith('slide-overfull'))).toEqual(['slide-overfull@14:1'])
  })

  it('warns about a bullet over 25 words, at its line, without failing', () => {
    const long = Array.from({ length: 26 }, () => 'bone').join(' ')
    const { file, result } = transformText(guideline({ body: `## Caring for bones {#bone-care}\n\n- short bone point\n- ${long}\n` }))
    expect(messagesOf(file)).toEqual(['bullet-too-long@15:1'])
    expect(file.messages[0]?.fatal).toBe(false)
    expect(result?.slides).toMatchObject({ longBullets: 1, mostBullets: 2 })
  })

  it('does not warn about a long reference, which has no bullet an author could shorten', () => {
    // A reference list item is written by guidepress: the old warning had no place to point at.
    const reference = Array.from({ length: 30 }, () => 'Society').join(' ')
    const { file } = transformText(guideline({ body: `## Caring for bones {#bone-care}\n\nStrong bone matters.[^ref]\n\n[^ref]: ${reference}.\n` }))
    expect(messagesOf(file)).toEqual([])
  })

  it('counts the slides and their fullest body', () => {
    const { result } = transformText(guideline())
    // Title (its version line is the fullest body), agenda and one content slide; the agenda's
    // items are navigation guidepress writes, not the author's bullets, so they count for nothing.
    expect(result?.slides).toEqual({ slides: 3, mostBullets: 0, mostWords: 13, longBullets: 0 })
  })
})

const wording = 'consider offering bone-strengthening treatment to adults whose bone density remains low after discussing benefits and risks with them'.split(' ')

/** The words of a recommendation of `count` words, in the measured wording of a real guideline. */
function recommendationText(count: number): string {
  return Array.from({ length: count }, (_, index) => wording[index % wording.length]).join(' ')
}

/** A `:::recommendation` block of `count` words. */
function recommendation(count: number, attributes = 'strength="conditional" certainty="low"'): string {
  const text = recommendationText(count)
  return `:::recommendation{${attributes}}\n${text[0]?.toUpperCase()}${text.slice(1)}.\n:::\n`
}

describe('recommendations on slides', () => {
  const body = (recommendations: string) => `## Caring for bones {#bone-care}\n\nStrong bone matters.\n\n${recommendations}`
  const deckOf = (text: string) => transformText(guideline({ body: body(text) }))

  it('never refuses a recommendation for density: up to 150 words it is shown whole in body type, continued on a next slide when it must be', () => {
    for (const [words, parts] of [
      [55, 1],
      [100, 2],
      [150, 3]
    ] as const) {
      const { file, result } = deckOf(recommendation(words))
      expect(messagesOf(file), `${words} words`).toEqual([])
      const deck = result?.outputs.find((output) => output.path.startsWith('decks/'))?.text ?? ''
      const slides = deck.split('\n---\n').filter((each) => each.includes('## Recommendation'))
      expect(slides, `${words} words`).toHaveLength(parts)
      for (const slide of slides) {
        // Body type on every part: no smaller class; the badge is repeated on each part.
        expect(slide).toContain('<!-- _class: recommendation -->')
        expect(slide).toContain('> _●○ Conditional recommendation_ · ⊕⊕◯◯ Low certainty')
      }
      if (parts > 1) expect(slides.map((slide) => /## (.*)/.exec(slide)?.[1])).toEqual(Array.from({ length: parts }, (_, index) => `Recommendation: Caring for bones (part\u00a0${index + 1}\u00a0of\u00a0${parts})`))
      // Every word, in order, to the last.
      const shown = slides.map((slide) => slide.split('\n').filter((line) => line.startsWith('> ') && !line.includes('●')).map((line) => line.slice(2)).join(' ')).join(' ')
      expect(shown.replace(/\s+/g, ' ')).toBe(`${recommendationText(words)[0]?.toUpperCase()}${recommendationText(words).slice(1)}.`)
    }
  })

  it('does not count the strength and certainty labels against a slide', () => {
    // 55 words of text and the badge's words: more than 60 words on the slide, yet no error.
    const { file, result } = deckOf(recommendation(55, 'strength="conditional" certainty="very-low"'))
    expect(messagesOf(file)).toEqual([])
    expect(result?.outputs[0]?.text).toContain('<!-- _class: recommendation -->\n\n## Recommendation: Caring for bones\n\n> _●○ Conditional recommendation_ · ⊕◯◯◯ Very low certainty\n>\n> Consider')
  })

  it('puts short recommendations together and gives a long one the slides it needs', () => {
    const { result } = deckOf(`${recommendation(12)}\n${recommendation(15)}\n${recommendation(80)}\n${recommendation(20)}`)
    const deck = result?.outputs[0]?.text ?? ''
    const titles = [...deck.matchAll(/## (Recommendation.*)/g)].map((match) => match[1])
    expect(titles).toEqual([
      'Recommendations 1–2: Caring for bones',
      'Recommendation 3: Caring for bones (part\u00a01\u00a0of\u00a02)',
      'Recommendation 3: Caring for bones (part\u00a02\u00a0of\u00a02)',
      'Recommendation 4: Caring for bones'
    ])
  })

  it('refuses a recommendation over 150 words at its text, saying how to fix it', () => {
    const { file, result } = deckOf(recommendation(151))
    expect(result).toBeUndefined()
    expect(messagesOf(file)).toEqual(['recommendation-too-long@17:1'])
    expect(file.messages[0]?.reason).toContain('151 words (at most 150')
    expect(file.messages[0]?.reason).toContain('`:::summary`')
  })

  it('still says how to fix an ordinary overfull slide', () => {
    const { file } = transformText(guideline({ body: `## Caring for bones {#bone-care}\n\n${'bone '.repeat(70)}\n` }))
    expect(file.messages.find((message) => message.ruleId === 'slide-overfull')?.reason).toMatch(/shorten .* or move its detail into a `:::summary` or `:::notes` block/)
  })
})

describe('slides per deck', () => {
  it('refuses a deck of more than 200 slides, at the source of the first slide too many, naming the fix', () => {
    // 205 sections separated by thematic breaks: every break starts a slide.
    const sentences = Array.from({ length: 205 }, (_, index) => `Bone fact number ${index + 1}.`).join('\n\n---\n\n')
    const { file, result } = transformText(guideline({ body: `## Caring for bones {#bone-care}\n\n${sentences}\n` }))
    expect(result).toBeUndefined()
    const message = file.messages.find((each) => each.ruleId === 'deck-too-many-slides')
    expect(message?.fatal).toBe(true)
    expect(message?.reason).toContain('at most 200')
    expect(message?.reason).toContain('`:::handout`')
    expect(message?.reason).toContain('split the guideline')
    // After the title and agenda slides, slide 201 shows fact 199: line 14, four lines per fact.
    expect(message?.line).toBe(14 + 198 * 4)
    expect(file.path).toBe('source/bone-health.md')
  })

  it('builds a deck of 200 slides', () => {
    const sentences = Array.from({ length: 198 }, (_, index) => `Bone fact number ${index + 1}.`).join('\n\n---\n\n')
    const { file, result } = transformText(guideline({ body: `## Caring for bones {#bone-care}\n\n${sentences}\n` }))
    expect(messagesOf(file)).toEqual([])
    expect(result?.slides?.slides).toBe(200)
  })
})
