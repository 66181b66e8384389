import { describe, expect, it } from 'vitest'
import { endsNoSentence, parsedSentences, plainSentences, readSentences } from '../../../transforms/gates/plain-sentences.ts'

// Texts where parse-english applies one of its rules: each is read by the fast path the same way,
// or left to parse-english.
const tricky = [
  '',
  '   ',
  'Rest. Then walk.',
  'Stop. then go. Later, more.',
  'Hello. world. foo. Bar baz',
  'Take it in. Then rest.',
  'Ask Dr. Smith. She knows.',
  'Mrs. Jones and Mr. Patel came.',
  'Give it at 10. Then wait.',
  'Take 1000. Then wait.',
  'Check vitamin D. Then rest.',
  'Use e.g. this one. Or that.',
  'Take 1.5 mg. Then stop.',
  'Eat well each day.¹ Sleep.²,³ Walk.',
  'It works.¹²',
  'It helps (see below). Rest.',
  'Rest (if you can.) Then walk.',
  'Foo.) Bar.',
  'Really?! Yes.',
  'Wait... then go.',
  'Wait... Then go.',
  'Well-being matters. Being well-fed helps.',
  'Pre- and post-operative care.',
  "Don't stop. You're doing well. It's fine.",
  "'Tis the season. Rock 'n' roll.",
  'Meet at 10:30. Bring it: all of it.',
  'About 1,000 people. 2,500 more.',
  'One line.\nAnother line.',
  'One line\nsame sentence. Next.',
  'One\n\nTwo.',
  'Foo. , bar.',
  'Foo. ; bar.',
  'Foo.; bar.',
  '  Lead-in spaces. Trailing ones.  ',
  'No end mark at all',
  'a-:b and c--d.',
  'About 50% of people. 3+ times a day.',
  'Take w/ food. Then rest.',
  'Go to A&E now.',
  'St. Mary’s Hospital. It’s near.',
  'In the U.S. law applies. Ph.D. students too.',
  'See No. 5. Then stop.',
  'Is it? Yes! No. maybe.',
  'A. B. C.',
  'One.   Two.  ',
  '(Brackets first.) Then text.',
  'Ends with a hyphen-',
  'x.y.z. Then more.'
]

describe('plainSentences (the fast path of the readability gate)', () => {
  it('reads each tricky text as parse-english does, or leaves it to parse-english', () => {
    for (const text of tricky) {
      const quick = plainSentences(text, endsNoSentence)
      if (quick) expect({ text, sentences: quick }).toEqual({ text, sentences: parsedSentences(text) })
    }
  })

  it('reads plain text itself, and texts with abbreviations, initialisms or unknown characters are left to parse-english', () => {
    const read = ['Rest. Then walk.', 'Stop. then go. Later, more.', 'Eat well each day.¹ Sleep.²,³ Walk.', "Don't stop. You're doing well. It's fine.", 'Meet at 10:30. Bring it: all of it.', 'One line\nsame sentence. Next.', 'It helps (see below). Rest.']
    for (const text of read) expect(plainSentences(text, endsNoSentence), text).toBeDefined()
    const left = ['Take it in. Then rest.', 'Ask Dr. Smith. She knows.', 'Give it at 10. Then wait.', 'Use e.g. this one. Or that.', 'Go to A&E now.', 'Really?! Yes.', 'One\n\nTwo.', 'Foo. , bar.', 'Pre- and post-operative care.']
    for (const text of left) expect(plainSentences(text, endsNoSentence), text).toBeUndefined()
  })

  it('knows the abbreviations by asking parse-english', () => {
    expect(['in', 'Dr', 'Mrs', 'D', '10', 'etc', 'Jan'].filter(endsNoSentence)).toEqual(['in', 'Dr', 'Mrs', 'D', '10', 'etc', 'Jan'])
    expect(['day', 'walk', 'GP', '1000', 'Then'].filter(endsNoSentence)).toEqual([])
  })

  it('reads random texts of words, marks and spaces as parse-english does', () => {
    const words = ['rest', 'Rest', 'walk', 'Then', 'then', 'in', 'Dr', 'GP', 'day', 'D', 'e', 'g', '10', '1000', '2', 'x', 'It', 'well', '¹', '²³', 'Mrs', 'ok', 'U', 'S']
    const joins = [' ', ' ', ' ', '  ', '\n', '\n\n', '. ', '. ', '.', '? ', '! ', '?! ', '... ', ', ', ',', '; ', ': ', ':', '-', '- ', ' -', '--', "'", "' ", '’', '(', ')', ' (', ') ', '.) ', '%', '+', '/', '&', '. (', '. , ', '.\n']
    let seed = 7
    const random = (count: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % count
    }
    let read = 0
    for (let round = 0; round < 6000; round++) {
      let text = random(4) === 0 ? ' ' : ''
      const length = 1 + random(12)
      for (let index = 0; index < length; index++) text += (words[random(words.length)] as string) + (index < length - 1 || random(2) === 0 ? (joins[random(joins.length)] as string) : '')
      const quick = plainSentences(text, endsNoSentence)
      if (!quick) continue
      read++
      expect({ text, sentences: quick }).toEqual({ text, sentences: parsedSentences(text) })
    }
    // Not a test of nothing: a third of these texts are plain enough for the fast path.
    expect(read).toBeGreaterThan(1500)
  })

  it('gives parse-english’s reading for any text (readSentences)', () => {
    for (const text of [...tricky, 'Größe zählt. Éte.', 'HR+/HER2−: endocrine-based first.']) expect(readSentences(text)).toEqual(parsedSentences(text))
  })
})
