import { describe, expect, it } from 'vitest'
import { defaultFrontMatter, guideline, transformText } from '../../helpers.ts'

// A deck-only topic, the linked topic, and a section that links to both (in its text, by a reference and in its notes).
const frontMatter = defaultFrontMatter().replace('topics:', 'topics:\n  - id: deck-only\n    title: Deck only\n    terms: [deck]')
const body = `## Deck only {#deck-only}

:::deck
A deck thing.
:::

## Caring for bones {#bone-care}

Strong bone matters.

## Later

See [bone care](#bone-care) and [the *deck* part](#deck-only), or [more][deck].

:::notes
Say [bone care](#bone-care) again.
:::

[deck]: #deck-only
`

function outputs(): Record<string, string> {
  const { file, result } = transformText(guideline({ frontMatter, body }))
  expect(file.messages.map(String)).toEqual([])
  return Object.fromEntries((result?.outputs ?? []).map((output) => [output.path.split('/')[0] ?? '', output.text]))
}

describe('#topic links in each output', () => {
  it('go to the topic heading in the handout and summary, which keeps the topic id; a topic left out keeps only the words', () => {
    const { handouts, summaries } = outputs()
    for (const text of [handouts, summaries]) {
      expect(text).toContain('## Caring for bones {#bone-care}\n')
      expect(text).toContain('See [bone care](#bone-care) and the _deck_ part, or more.')
      expect(text).not.toContain('#deck-only')
      expect(text).not.toContain('{#later}')
    }
  })

  it('go to the topic first slide in the deck (Marp numbers slides from 1, title and agenda first); notes keep only the words', () => {
    const { decks } = outputs()
    const slides = (decks ?? '').split(/\n---\n/).slice(1) // the front matter's closing line starts the first slide
    const slideOf = (title: string): number => slides.findIndex((slide) => slide.includes(`\n## ${title}\n`)) + 1
    expect(decks).toContain(`See [bone care](#${slideOf('Caring for bones')}) and [the _deck_ part](#${slideOf('Deck only')}), or [more][deck].`)
    expect(decks).toContain(`[deck]: #${slideOf('Deck only')}`)
    expect(slideOf('Caring for bones')).toBe(4)
    expect(decks).toContain('Say bone care again.')
    expect(decks).not.toContain('{#')
  })
})
