// The render browser reaches no network, whatever a page tries: request interception stops page
// requests, the refusing proxy stops what interception never sees (WebSockets, workers,
// prefetches), a Content-Security-Policy stops scripts and connections, and a theme cannot add a
// script by closing its <style>. Each test listens on a local port and asserts nothing arrives.
import { appendFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BrowserSession } from '../../render/browser.ts'
import { loadHtml } from '../../render/browser/page.ts'
import { renderAll } from '../../render/index.ts'
import { browserKinds } from './browser-kinds.ts'
import { GUIDELINES, makeRoot } from './helpers.ts'

const kinds = await browserKinds()
let listener: Server
let port = 0
const arrived: string[] = []

beforeAll(async () => {
  listener = createServer((socket) => {
    socket.once('data', (chunk: Buffer) => arrived.push(chunk.toString('latin1').split('\r\n', 1)[0] ?? ''))
    arrived.push('connection')
    socket.destroy()
  })
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve))
  const address = listener.address()
  port = typeof address === 'object' && address ? address.port : 0
})
afterAll(async () => {
  await new Promise((resolve) => listener.close(resolve))
})

const settle = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Every way out a page has, aimed at the local listener. */
const hostilePage = (): string => {
  const base = `127.0.0.1:${port}`
  const worker = `fetch('http://${base}/from-worker').catch(()=>{});try{new WebSocket('ws://${base}/ws-from-worker')}catch(e){}`
  return `<!DOCTYPE html><html><head>
<link rel="prefetch" href="http://${base}/prefetch"><link rel="preconnect" href="http://${base}">
</head><body><img src="http://${base}/image.png">
<script>
try { new WebSocket('ws://${base}/ws') } catch (e) {}
fetch('http://${base}/fetch').catch(() => {})
try { new Worker('data:text/javascript,' + encodeURIComponent(${JSON.stringify(worker)})) } catch (e) {}
try { new Worker(URL.createObjectURL(new Blob([${JSON.stringify(worker)}], { type: 'text/javascript' }))) } catch (e) {}
try { new EventSource('http://${base}/events') } catch (e) {}
navigator.sendBeacon && navigator.sendBeacon('http://${base}/beacon', 'x')
document.title = 'script ran'
</script></body></html>`
}

describe.each(kinds)('the $name render browser', (kind) => {
  it('lets no connection out even from a page without a security policy (WebSocket, fetch, workers, prefetch, beacon)', async () => {
    const session = await BrowserSession.start({ allowedDirs: [], env: kind.env })
    try {
      const page = await session.openPage()
      // Loaded around loadHtml, so no policy stops the script: the browser-level block must hold alone.
      await page.setContent(hostilePage(), { waitUntil: 'load' })
      expect(await page.title()).toBe('script ran')
      await settle(2000)
      expect(arrived).toEqual([])
      // The WebSocket went to the refusing proxy, not to the port.
      expect(session.refused.some((line) => line.includes(`127.0.0.1:${port}`))).toBe(true)
    } finally {
      await session.close()
    }
  }, 60_000)

  it('runs no script a page brings under the security policy of loadHtml', async () => {
    const session = await BrowserSession.start({ allowedDirs: [], env: kind.env })
    try {
      const page = await session.openPage()
      await loadHtml(page, hostilePage(), { limitMs: 30_000, place: { id: 'test', output: 'page', step: 'loading' } })
      expect(await page.title()).toBe('')
      await settle(1000)
      expect(arrived).toEqual([])
    } finally {
      await session.close()
    }
  }, 60_000)
})

describe('a hostile theme', () => {
  it('cannot end its <style> and add a script to decks or handouts', async () => {
    const root = await makeRoot()
    const escape = `.gp-x::after{content:"</style><script>new WebSocket('ws://127.0.0.1:${port}/theme');fetch('http://127.0.0.1:${port}/theme');document.title='theme ran'</script><style>"}\n`
    await appendFile(path.join(root, 'themes', 'guidepress.css'), escape)
    await appendFile(path.join(root, 'themes', 'print.css'), escape.replace('/theme', '/print'))
    const ckd = GUIDELINES.filter((g) => g.id === 'ckd')
    const files: Record<string, string> = {}
    const write = async (relative: string, data: string | Uint8Array): Promise<void> => {
      if (typeof data === 'string') files[relative] = data
    }
    await renderAll(ckd, { root, pdf: true, pptx: false, write })
    await settle(1000)
    expect(arrived).toEqual([])
    for (const name of ['dist/ckd/deck.html', 'dist/ckd/handout.html', 'dist/ckd/summary.html']) {
      const html = files[name] ?? ''
      expect(html).toContain('.gp-x::after')
      expect(html).not.toMatch(/<\/style><script>new WebSocket/i)
      // The CSS still says what it said: `<\/` (ours) and `\3c ` (Marp's) are escapes of the same text.
      expect(html).toMatch(/content: ?"(?:<\\|\\3c )\/style><script>new WebSocket/)
    }
  }, 120_000)
})
