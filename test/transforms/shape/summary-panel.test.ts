import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { VFile } from 'vfile'
import { loadReferences } from '../../../transforms/input/references.ts'
import { transformGuideline } from '../../../transforms/pipeline.ts'
import { fixedToday, guideline, transformText } from '../../helpers.ts'
import { labelsFor } from '../../../transforms/catalogue/labels.ts'

const long = 'Offer a bone-strengthening medicine to every adult with cancer in the bones who is expected to live for more than three months. Review the choice of medicine each year with the person and their family, and stop it when it no longer helps.'
const body = `## Bones {#bone-care}

Strong bone matters.

:::recommendation{strength="strong" certainty="high"}
${long}[^a]
:::

## Pain

Pain is common.

:::recommendation{strength="conditional" certainty="very-low"}
Consider a single dose of radiotherapy | for bone pain.
:::

[^a]: A reference.
`

describe('summary at a glance', () => {
  it('opens with "Key recommendations": every recommendation on one row, with its section and labels', () => {
    const summary = transformText(guideline({ body })).result?.outputs.find((output) => output.path.startsWith('summaries/'))?.text ?? ''
    const sections = summary.split(/^## /m).slice(1)
    expect(sections[0]?.startsWith('Key recommendations\n')).toBe(true)
    const rows = (sections[0] ?? '').split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Section') && !line.startsWith('| Abschnitt') && !line.startsWith('| -'))
    expect(rows).toHaveLength(2)
    expect(rows[0]).toMatch(/^\| Bones +\| Offer a bone-strengthening medicine to every adult with cancer in the bones who is expected to live for more than three months\. … +\| \*\*●● Strong recommendation\*\* · ⊕⊕⊕⊕ High certainty +\|$/)
    expect(rows[1]).toMatch(/^\| Pain +\| Consider a single dose of radiotherapy \\\| for bone pain\. +\| _●○ Conditional recommendation_ · ⊕◯◯◯ Very low certainty +\|$/)
    // The sections follow, their recommendations whole and cited.
    expect(sections[1]).toContain("and stop it when it no longer helps.¹")
  })

  it('has no panel when there are no recommendations', () => {
    const summary = transformText(guideline()).result?.outputs.find((output) => output.path.startsWith('summaries/'))?.text ?? ''
    expect(summary).not.toContain('Key recommendations')
  })
})

describe('the corpus summaries at a glance', () => {
  it.each(['adult-asthma-inhalers', 'bluthochdruck-erwachsene', 'iron-deficiency-anaemia'])('%s: the first section lists every recommendation', async (id) => {
    const dir = path.join(import.meta.dirname, '../../corpus/source')
    const source = await readFile(path.join(dir, `${id}.md`), 'utf8')
    const { bibliography } = await loadReferences(path.dirname(dir))
    const file = new VFile({ path: `source/${id}.md`, value: source })
    const result = transformGuideline(file, { sourceDir: dir, glossary: new Map(), bibliography, today: fixedToday })
    expect(file.messages.filter((message) => message.fatal)).toEqual([])
    const summary = result?.outputs.find((output) => output.path.startsWith('summaries/'))?.text ?? ''
    const first = summary.split(/^## /m)[1] ?? ''
    const rows = first.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Section') && !line.startsWith('| Abschnitt') && !line.startsWith('| -'))
    const labels = [...source.matchAll(/^:::recommendation\{strength="([^"]+)" certainty="([^"]+)"\}/gm)]
    // Each in its guideline's language: the German one's panel and badges are German.
    const words = labelsFor(/^lang: (.+)$/m.exec(source)?.[1] ?? 'en')
    const badge: Record<string, string> = { strong: words.text('strengthStrong'), conditional: words.text('strengthConditional') }
    const certainty: Record<string, string> = { high: words.text('certaintyHigh'), moderate: words.text('certaintyModerate'), low: words.text('certaintyLow'), 'very-low': words.text('certaintyVeryLow') }
    expect(first.startsWith(`${words.text('keyRecommendations')}\n`)).toBe(true)
    expect(rows).toHaveLength(labels.length)
    labels.forEach((label, index) => {
      expect(rows[index]).toContain(badge[label[1] ?? ''])
      expect(rows[index]).toContain(certainty[label[2] ?? ''])
    })
  })
})
