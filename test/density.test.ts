import { describe, expect, it } from 'vitest'
import { guideline, messagesOf, transformText } from './helpers.ts'

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

  it('counts the slides and their fullest body', () => {
    const { result } = transformText(guideline())
    // Title (its version line is the fullest body), agenda and one content slide.
    expect(result?.slides).toEqual({ slides: 3, mostBullets: 1, mostWords: 13, longBullets: 0 })
  })
})
