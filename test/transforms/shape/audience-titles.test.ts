import { describe, expect, it } from 'vitest'
import { renderIndex } from '../../../render/index-page.ts'
import { defaultFrontMatter as frontMatter, guideline, makeWorkspace, messagesOf, readText, runCli, transformText } from '../../helpers.ts'


const titled = frontMatter('handout-title: Living with weak bones\nsummary-title: "Bone health: what to check"')

function outputsOf(text: string) {
  const { file, result } = transformText(text)
  expect(messagesOf(file)).toEqual([])
  return Object.fromEntries((result?.outputs ?? []).map((output) => [output.path.split('/')[0], output.text]))
}

describe('handout-title and summary-title', () => {
  it('title the handout and the summary; the deck keeps `title`', () => {
    const outputs = outputsOf(guideline({ frontMatter: titled }))
    expect(outputs.handouts).toMatch(/^# Living with weak bones\n/)
    expect(outputs.summaries).toMatch(/^# Bone health: what to check\n/)
    expect(outputs.decks).toContain('\ntitle: Bone health\n')
    expect(outputs.decks).toContain('# Bone health\n')
    expect(outputs.decks).not.toContain('Living with')
  })

  it('fall back to `title` when absent', () => {
    const outputs = outputsOf(guideline())
    expect(outputs.handouts).toMatch(/^# Bone health\n/)
    expect(outputs.summaries).toMatch(/^# Bone health\n/)
  })

  it('must be text, with the error at the field', () => {
    const { file, result } = transformText(guideline({ frontMatter: frontMatter('handout-title: ""') }))
    expect(result).toBeUndefined()
    expect(messagesOf(file)).toEqual(['front-matter-invalid-value@3:16'])
  })

  it('reach the HTML title, the running header and the index links', async () => {
    const root = await makeWorkspace({ 'source/bone-health.md': guideline({ frontMatter: titled }) })
    const run = await runCli(root, 'build', '--no-pdf')
    expect(run.stderr).toBe('')
    const handout = await readText(root, 'dist/bone-health/handout.html')
    expect(handout).toContain('<title>Living with weak bones – Handout</title>')
    expect(handout).toContain('@top-left{content:"Living with weak bones · version 1.0.0')
    const summary = await readText(root, 'dist/bone-health/summary.html')
    expect(summary).toContain('<title>Bone health: what to check – Summary</title>')
    const index = await readText(root, 'dist/index.html')
    expect(index).toContain('<h3>Bone health</h3>')
    expect(index).toContain('<strong>Patient handout:</strong> <cite>Living with weak bones</cite> <a href="bone-health/handout.html" aria-label="Patient handout “Living with weak bones” HTML">')
    expect(index).toContain('<cite>Bone health: what to check</cite>')
  })

  it('are escaped in the index', () => {
    const html = renderIndex([{ id: 'x', title: 'X', version: '1.0.0', updated: '2026-01-01', status: 'draft', files: ['handout.html'], titles: { handout: 'A <b>bold</b> title' } }])
    expect(html).toContain('<cite>A &#60;b&#62;bold&#60;/b&#62; title</cite>')
    expect(html).not.toContain('<b>')
  })
})
