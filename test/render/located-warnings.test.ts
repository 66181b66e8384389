// What the renderer finds after the transform (notes cut short in presenter.pdf, a slide still
// overflowing) is printed like every other message: file, line:column, rule id.
import { describe, expect, it } from 'vitest'
import { guideline, makeWorkspace, runCli } from '../helpers.ts'

const sentence = (n: number) => `Point ${n} of the talk explains bone care, repeats why it matters and names what to check next time.`
const overlongNotes = Array.from({ length: 40 }, (_, i) => sentence(i + 1)).join(' ')

describe('render warnings', () => {
  it('name the source line of the slide whose notes were cut short, with a rule id', async () => {
    const body = `## Caring for bones {#bone-care}

Strong bone matters.

## Moving safely

Walking keeps bone strong.

:::notes
${overlongNotes}
:::
`
    const root = await makeWorkspace({ 'source/bone-health.md': guideline({ body }) })
    const run = await runCli(root, 'build', '--no-pptx')
    expect(run.code).toBe(0)
    // Line 16 of the source is "## Moving safely", the first source block of the slide with those notes.
    expect(run.stderr).toMatch(/source\/bone-health\.md\n(?:.*\n)*?\s*16:1\s+warning\s+The notes of slide \d+ do not fit presenter\.pdf.*notes-cut-short/)
    expect(run.stderr).not.toMatch(/^warning /m)
  }, 120_000)
})
