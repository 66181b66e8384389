// The one browser build of the config tests: `paper: Letter` reaches the printed pages' size, and
// the organisation their running footer.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { PDFDocument } from '../../render/pdf-lib.ts'
import { describe, expect, it } from 'vitest'
import { extractPdfText } from '../../render/pdf-text.ts'
import { guideline, makeWorkspace, runCli } from '../helpers.ts'

describe('a config printed', () => {
  it('prints handout and summary on Letter paper, the organisation at the foot of each page', async () => {
    const root = await makeWorkspace({
      'source/bone-health.md': guideline(),
      'guidepress.config.yaml': 'paper: Letter\norganisation: { name: Example Cancer Centre }\noutputs: [handout, summary]\n'
    })
    const run = await runCli(root, 'build', '--no-pptx')
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    for (const name of ['handout.pdf', 'summary.pdf']) {
      const bytes = await readFile(path.join(root, 'dist', 'bone-health', name))
      const pages = (await PDFDocument.load(bytes)).getPages()
      // US Letter is 8.5 × 11 inches: 612 × 792 points (A4 would be 595 × 842).
      for (const page of pages) {
        expect(page.getSize().width, name).toBeCloseTo(612, 0)
        expect(page.getSize().height, name).toBeCloseTo(792, 0)
      }
      expect(await extractPdfText(bytes), name).toContain('Example Cancer Centre')
    }
  }, 120_000)
})
