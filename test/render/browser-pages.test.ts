// Pages rendered side by side in one browser, with each kind of browser. Full Chromium shows one
// tab per window and renders only that one: pages opened as tabs were hidden and their
// screenshots never returned, which hung every build of two or more guidelines with a PPTX.
import { afterAll, describe, expect, it } from 'vitest'
import { BrowserSession } from '../../render/browser.ts'
import { browserKinds } from './browser-kinds.ts'

const kinds = await browserKinds()
const sessions: BrowserSession[] = []
afterAll(async () => {
  await Promise.all(sessions.map((session) => session.close()))
})

/** `work`, or a rejection naming `what` after `ms` (the old failure was a 120 s hang). */
function within<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms))])
}

describe.each(kinds)('pages side by side in $name', (kind) => {
  it('keeps every page visible and screenshots all of them at once', async () => {
    const session = await BrowserSession.start({ allowedDirs: [], env: kind.env })
    sessions.push(session)
    const pages = []
    for (let i = 0; i < 3; i += 1) {
      const page = await session.openPage()
      await page.setViewport({ width: 640, height: 360 })
      await page.setContent(`<body style="margin:0;background:hsl(${i * 100},60%,50%)"><h1>Page ${i}</h1></body>`)
      pages.push(page)
    }
    // Opened one after another: with tabs, only the last was visible.
    expect(await Promise.all(pages.map((page) => page.evaluate('document.visibilityState')))).toEqual(['visible', 'visible', 'visible'])
    const shots = await within(Promise.all(pages.map((page) => page.screenshot({ type: 'png' }))), 20_000, 'three screenshots')
    for (const shot of shots) expect(Buffer.from(shot).subarray(1, 4).toString('latin1')).toBe('PNG')
    // The first page again, after the others: still rendered.
    await within(pages[0]!.screenshot({ type: 'png', clip: { x: 0, y: 0, width: 100, height: 100 } }), 20_000, 'a screenshot of the first page')
    await session.close()
  }, 60_000)
})
