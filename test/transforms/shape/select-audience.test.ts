import { toString } from 'mdast-util-to-string'
import { describe, expect, it } from 'vitest'
import { VFile } from 'vfile'
import { parseGuideline } from '../../../transforms/parse/parse.ts'
import { selectAudience } from '../../../transforms/shape/select-audience.ts'

const body = `Shared text.

:::deck
Deck text.
:::

:::handout
Handout text.
:::

:::summary
Summary text.
:::

:::notes
Speaker notes.
:::

:::recommendation{strength="strong" certainty="high"}
Recommended.
:::

<!-- an author's comment -->
`

function tree() {
  const file = new VFile({ value: body })
  file.data.body = body
  return parseGuideline(file)
}

describe('selectAudience', () => {
  it.each([
    ['deck', ['Shared text.', 'Deck text.', 'Speaker notes.', 'Recommended.']],
    ['handout', ['Shared text.', 'Handout text.']],
    ['summary', ['Shared text.', 'Summary text.', 'Recommended.']]
  ] as const)('keeps shared content and the %s’s own blocks', (audience, expected) => {
    const selected = selectAudience(tree(), audience)
    const text = toString(selected)
    for (const part of ['Shared text.', 'Deck text.', 'Handout text.', 'Summary text.', 'Speaker notes.', 'Recommended.']) {
      expect(text.includes(part), `${audience}: ${part}`).toBe((expected as readonly string[]).includes(part))
    }
    expect(JSON.stringify(selected)).not.toContain('an author')
  })

  it('drops comments inside the notes and recommendations it keeps', () => {
    const file = new VFile({ value: '' })
    file.data.body = ':::notes\n<!-- draft note -->\nSay this.\n:::\n\n:::recommendation{strength="strong" certainty="high"}\nOffer it. <!-- check dose -->\n:::\n'
    const parsed = parseGuideline(file)
    for (const audience of ['deck', 'summary'] as const) {
      const selected = JSON.stringify(selectAudience(parsed, audience))
      expect(selected).not.toContain('draft note')
      expect(selected).not.toContain('check dose')
    }
  })

  it('does not change the tree it was given', () => {
    const original = tree()
    const before = JSON.stringify(original)
    selectAudience(original, 'handout')
    expect(JSON.stringify(original)).toBe(before)
  })
})

describe('selectAudience with `:::for` and alerts', () => {
  const source = `:::for{audiences="deck summary"}
For clinicians.
:::

:::for{audiences="handout"}
For patients.
:::

::::handout
:::alert{level="urgent"}
Handout alert.
:::
::::

:::alert{level="emergency"}
Shared alert.
:::
`
  it.each([
    ['deck', ['For clinicians.', 'Shared alert.']],
    ['handout', ['For patients.', 'Handout alert.', 'Shared alert.']],
    ['summary', ['For clinicians.', 'Shared alert.']]
  ] as const)('gives the %s the `:::for` blocks that name it and the alerts it is not kept from', (audience, expected) => {
    const file = new VFile({ value: source })
    file.data.body = source
    const text = toString(selectAudience(parseGuideline(file), audience))
    for (const part of ['For clinicians.', 'For patients.', 'Handout alert.', 'Shared alert.']) {
      expect(text.includes(part), `${audience}: ${part}`).toBe((expected as readonly string[]).includes(part))
    }
  })
})

describe('selectAudience copies in one pass', () => {
  it('gives each output nodes of its own to change, sharing only the positions shapers never change', () => {
    const file = new VFile({ value: '' })
    file.data.body = 'Take ![a walk](images/walk.svg) daily.[^a]\n\n:::handout\n- One step.\n:::\n\n[^a]: A source.\n'
    const parsed = parseGuideline(file)
    const before = JSON.stringify(parsed)
    const handout = selectAudience(parsed, 'handout')
    const summary = selectAudience(parsed, 'summary')
    const first = handout.children[0]
    if (first?.type !== 'paragraph') throw new Error('expected the shared paragraph first')
    const image = first.children[1]
    if (image?.type !== 'image') throw new Error('expected the image')
    image.url = 'handouts/walk.svg'
    first.children.pop()
    first.data = { oneLine: true }
    expect(JSON.stringify(parsed)).toBe(before)
    expect(JSON.stringify(summary.children[0])).toBe(JSON.stringify(parsed.children[0]))
    // Positions are read, never written, after parsing: the copies point at the parsed tree's own.
    expect(first.position).toBe(parsed.children[0]?.position)
    expect(handout.children.map((node) => node.type)).toEqual(['paragraph', 'list', 'footnoteDefinition'])
  })
})
