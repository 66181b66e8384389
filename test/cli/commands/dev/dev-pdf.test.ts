import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { browserLaunchCount } from '../../../../render/browser.ts'
import { extractPdfText } from '../../../../render/pdf-text.ts'
import { closeAfterTest, closeAll, startDev, waitFor } from './helpers.ts'
import { guideline, makeWorkspace } from '../../../helpers.ts'
import { browserKinds } from '../../../render/browser-kinds.ts'

const withBody = (sentence: string) => guideline({ body: `## Caring for bones {#bone-care}\n\n${sentence}\n` })
const brokenSource = guideline({ body: '## Caring for bones {#bone-care}\n\nBone.\n\n<iframe src="x"></iframe>\n' })

afterEach(closeAll)

/** Browser processes this process started (puppeteer's Chromium is a child of the test's own process). */
async function browserChildren(): Promise<number[]> {
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name))
  const stats = await Promise.all(pids.map((pid) => readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '')))
  return stats.flatMap((text, index) => {
    const close = text.lastIndexOf(')')
    const comm = text.slice(text.indexOf('(') + 1, close)
    const ppid = Number(text.slice(close + 2).split(' ')[1])
    return ppid === process.pid && /chrom|headless/i.test(comm) ? [Number(pids[index])] : []
  })
}

const kinds = await browserKinds()

describe.each(kinds)('guidepress dev --pdf, $name', (kind) => {
  it.runIf(process.platform === 'linux')(
    'prints every build in one browser, kept open between saves (also after a failed build), and closes it on stop',
    async () => {
      const chromePath = process.env.CHROME_PATH
      process.env.CHROME_PATH = kind.executablePath
      closeAfterTest(async () => {
        if (chromePath === undefined) delete process.env.CHROME_PATH
        else process.env.CHROME_PATH = chromePath
      })
      const root = await makeWorkspace({ 'source/bone-health.md': withBody('Strong bone matters.') })
      const handoutPdf = path.join(root, 'dist/bone-health/handout.pdf')
      const launchesBefore = browserLaunchCount()
      const dev = await startDev(root, ['--port', '0', '--pdf'])
      expect(dev.builds().at(-1)).toMatch(/^✔ .* rebuilt bone-health/)
      expect(await extractPdfText(await readFile(handoutPdf))).toContain('Strong bone matters.')
      expect(browserLaunchCount() - launchesBefore).toBe(1)
      const [browser] = await browserChildren()
      expect(browser).toBeDefined()

      for (const [round, sentence] of ['Strong bone matters for every step.', 'Strong bone matters at every age.'].entries()) {
        const builds = dev.builds().length
        const printed = (await stat(handoutPdf)).mtimeMs
        await writeFile(path.join(root, 'source/bone-health.md'), withBody(sentence))
        await waitFor(`build ${round + 2}`, () => dev.builds().length > builds, 60_000)
        expect(dev.builds().at(-1)).toMatch(/^✔ .* rebuilt bone-health/)
        expect((await stat(handoutPdf)).mtimeMs).toBeGreaterThan(printed)
        expect(await extractPdfText(await readFile(handoutPdf))).toContain(sentence)
      }
      // A failed build (the transform refuses the source) leaves the browser to the next one.
      const builds = dev.builds().length
      await writeFile(path.join(root, 'source/bone-health.md'), brokenSource)
      await waitFor('the failed build', () => dev.builds().length > builds, 60_000)
      expect(dev.builds().at(-1)).toMatch(/^✖ .* build failed/)
      await writeFile(path.join(root, 'source/bone-health.md'), withBody('Strong bone matters once more.'))
      await waitFor('the build after the failure', () => dev.builds().length > builds + 1, 60_000)
      expect(await extractPdfText(await readFile(handoutPdf))).toContain('Strong bone matters once more.')

      // Five builds with PDFs, one browser: the same process all along.
      expect(browserLaunchCount() - launchesBefore).toBe(1)
      expect(await browserChildren()).toEqual([browser])
      await closeAll()
      await waitFor('the browser to end', async () => (await browserChildren()).length === 0, 10_000)
    },
    120_000
  )
})
