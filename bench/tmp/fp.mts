import { readFileSync } from 'node:fs'
import { BrowserSession } from '../../render/browser.ts'
import { loadHtml } from '../../render/browser/page.ts'
const html = readFileSync('/tmp/edit/wsc/dist/synthetic-001/handout.html', 'utf8')
const place = { id: 'x', output: 'x', step: 'x' }
for (const warmPdf of [false, true, false, true]) {
  const s = await BrowserSession.start({ allowedDirs: ['/tmp/edit/wsc', '/work/main'] })
  const page = await s.takePage({ limitMs: 60000, place })
  if (warmPdf) await page.pdf({ width: '10mm', height: '10mm' })
  const times: number[] = []
  for (let i = 0; i < 3; i++) {
    const t = performance.now()
    await loadHtml(page, html, { limitMs: 60000, place })
    await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true })
    times.push(Math.round(performance.now() - t))
  }
  console.log(warmPdf ? 'warm pdf ' : 'no warm  ', times.join(' '))
  await s.close()
}
