import type { RootContent } from 'mdast'
import { describe, expect, it } from 'vitest'
import { VFile } from 'vfile'
import { parseGuideline } from '../../../transforms/parse/parse.ts'
import { countBullets, countWords, packSlides, slideLimits } from '../../../transforms/shape/slides.ts'

function blocks(markdown: string): RootContent[] {
  const file = new VFile({ value: markdown })
  file.data.body = markdown
  return parseGuideline(file).children
}

const words = (count: number, word = 'word') => Array.from({ length: count }, () => word).join(' ')

describe('packSlides', () => {
  it('keeps a short section on one slide', () => {
    const slides = packSlides('Bones', blocks('- one\n- two\n\nA short line.\n'))
    expect(slides.map((slide) => slide.title)).toEqual(['Bones'])
  })

  it('splits a list of 9 bullets into balanced slides of 5 and 4, continuing the numbering', () => {
    const list = Array.from({ length: 9 }, (_, index) => `${index + 1}. item ${index + 1}`).join('\n')
    const slides = packSlides('Steps', blocks(list))
    // No label in the source for the second slide: it is numbered, never a bare "(continued)".
    expect(slides.map((slide) => slide.title)).toEqual(['Steps', 'Steps (part\u00a02\u00a0of\u00a02)'])
    expect(slides.map((slide) => countBullets(slide.children))).toEqual([5, 4])
    const second = slides[1]?.children[0]
    expect(second?.type === 'list' && second.start).toBe(6)
  })

  it('balances seven bullets as four and three', () => {
    const list = Array.from({ length: 7 }, (_, index) => `- item ${index + 1}`).join('\n')
    expect(packSlides('Seven', blocks(list)).map((slide) => countBullets(slide.children))).toEqual([4, 3])
  })

  it('splits by words at 60', () => {
    const slides = packSlides('Words', blocks(`${words(40)}.\n\n${words(30)}.\n`))
    expect(slides).toHaveLength(2)
    for (const slide of slides) expect(countWords(slide.children)).toBeLessThanOrEqual(slideLimits.words)
  })

  it('splits one long paragraph between sentences', () => {
    const sentence = `${words(14)}.`
    const slides = packSlides('Long', blocks(`${[sentence, sentence, sentence, sentence, sentence, sentence].map((each, index) => each.replace(/^word/, `Word${index}`)).join(' ')}\n`))
    expect(slides.length).toBeGreaterThan(1)
    for (const slide of slides) expect(countWords(slide.children)).toBeLessThanOrEqual(slideLimits.words)
  })

  it('puts an image on a slide of its own', () => {
    const slides = packSlides('Sites', blocks('- one\n\n![A dot](images/dot.svg)\n\n- two\n'))
    expect(slides.map((slide) => slide.children.map((node) => node.type))).toEqual([['list'], ['paragraph'], ['list']])
  })

  it('does not leave a subheading last on a slide, and titles the next slide with it', () => {
    const slides = packSlides('Parts', blocks(`${words(50)}.\n\n### Next part\n\n${words(30)}.\n`))
    expect(slides[0]?.children.at(-1)?.type).toBe('paragraph')
    expect(slides[1]?.title).toBe('Parts: Next part')
    expect(slides[1]?.children.map((node) => node.type)).toEqual(['paragraph'])
  })

  it('treats a thematic break as a slide break', () => {
    expect(packSlides('Break', blocks('One.\n\n---\n\nTwo.\n'))).toHaveLength(2)
  })
})
