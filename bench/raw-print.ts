// The raw-print limit (issue 19): what printing the build's own HTML costs with nothing else. One
// browser, two pages working through the queue in parallel, `page.pdf` of each deck.html,
// handout.html and summary.html the build wrote to dist/ — no fitting, no measuring, no reading the
// PDF back, no second print. A PDF-only build does all of this and its checks, so the ratio of the
// two says how much the build adds to the unavoidable work.
//
//   tsx bench/raw-print.ts <browser> <headless: true|shell> <out-dir> <file.html>…
// Prints one JSON line: { files, pages, ms } (ms from launch to the last PDF written).
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import puppeteer from 'puppeteer-core'

const [executablePath, headlessMode, outDir, ...files] = process.argv.slice(2)
if (executablePath === undefined || outDir === undefined || files.length === 0) throw new Error('usage: raw-print.ts <browser> <true|shell> <out-dir> <file.html>…')

const started = performance.now()
// The same launch flags as the build's sandbox-less container runs need, and nothing more.
const browser = await puppeteer.launch({ executablePath, headless: headlessMode === 'shell' ? 'shell' : true, args: ['--no-sandbox'], pipe: true })
let pages = 0
try {
  const queue = [...files]
  const worker = async (): Promise<void> => {
    const page = await browser.newPage()
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' })
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, timeout: 0 })
      await writeFile(path.join(outDir, `${pages++}-${path.basename(path.dirname(file))}-${path.basename(file, '.html')}.pdf`), pdf)
    }
    await page.close()
  }
  await Promise.all([worker(), worker()])
} finally {
  await browser.close()
}
process.stdout.write(`${JSON.stringify({ files: files.length, pages, ms: performance.now() - started })}\n`)
