// What the dev server knows of the pages open in a browser (their reload scripts' event streams),
// how a page not yet rendered waits for the rest of a build, and the inline assets it serves apart.
import http from 'node:http'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startDevServer } from '../../../../cli/commands/dev/server.ts'
import { makeWorkspace } from '../../../helpers.ts'
import { closeAfterTest, closeAll, get, openStream, sleep } from './helpers.ts'

afterEach(closeAll)

async function serve(root: string, state = { generation: 'g1', problems: [] }, more: { preview?: () => ReadonlyMap<string, string>; pending?: () => Promise<void> | undefined } = {}) {
  const server = await startDevServer({ distDir: path.join(root, 'dist'), port: 0, state: () => state, ...more })
  closeAfterTest(() => server.close())
  return server
}

describe('the pages open in the browser', () => {
  it('are known by their event streams, and an update waits until each has come back from the new build', async () => {
    const root = await makeWorkspace({ 'dist/index.html': '<html><body>index</body></html>' })
    const state = { generation: 'g1', problems: [] }
    const server = await serve(root, state)
    expect(server.openPages()).toEqual(new Set())
    await openStream(server.port, '/alpha-care/handout.html', 'g1')
    await openStream(server.port, '/', 'g1')
    expect(server.openPages()).toEqual(new Set(['alpha-care/handout.html', 'index.html']))

    state.generation = 'g2'
    let back = false
    const waiting = server.reloaded('g2', new Set(['alpha-care/handout.html']), 60_000).then(() => (back = true))
    await sleep(100)
    expect(back).toBe(false)
    // Another page coming back, or this one from an older build, is not it.
    await openStream(server.port, '/', 'g2')
    await openStream(server.port, '/alpha-care/handout.html', 'g1')
    await sleep(100)
    expect(back).toBe(false)
    await openStream(server.port, '/alpha-care/handout.html', 'g2')
    await waiting
    expect(back).toBe(true)
    // A page nobody has open is not waited for, and the wait has a limit.
    await server.reloaded('g3', new Set(['beta-care/deck.html']), 60_000)
    await server.reloaded('g3', new Set(['alpha-care/handout.html']), 50)
  })

  it('holds a page the build has not rendered yet until the rest is rendered; shown pages and other files go at once', async () => {
    const root = await makeWorkspace({ 'dist/alpha-care/deck.html': '<html><body>old deck</body></html>', 'dist/alpha-care/notes.txt': 'notes' })
    let preview: ReadonlyMap<string, string> = new Map([['alpha-care/handout.html', '<html><body>new handout</body></html>']])
    let renderRest: () => void = () => undefined
    let rest: Promise<void> | undefined = new Promise<void>((resolve) => (renderRest = resolve))
    const server = await serve(root, undefined, { preview: () => preview, pending: () => rest })
    expect((await get(server.port, '/alpha-care/handout.html')).body).toContain('new handout')
    expect((await get(server.port, '/alpha-care/notes.txt')).body).toBe('notes')
    let deck: string | undefined
    const asked = get(server.port, '/alpha-care/deck.html').then((page) => (deck = page.body))
    await sleep(100)
    expect(deck).toBeUndefined()
    preview = new Map([...preview, ['alpha-care/deck.html', '<html><body>new deck</body></html>']])
    renderRest()
    rest = undefined
    await asked
    expect(deck).toContain('new deck')
  })

  it('get the large data: URLs of a page from addresses of their own, the same bytes at the same address; dist/ keeps them inline', async () => {
    const font = Buffer.alloc(4000, 7).toString('base64')
    const icon = 'data:image/png;base64,iVBORw0KGgo='
    const page = `<html><head><style>@font-face{src:url(data:font/ttf;base64,${font}) format('truetype')}</style></head><body><img src="${icon}"></body></html>`
    const root = await makeWorkspace({ 'dist/alpha-care/handout.html': page, 'dist/alpha-care/summary.html': page })
    const server = await serve(root)
    const served = (await get(server.port, '/alpha-care/handout.html')).body
    expect(served).not.toContain(font)
    // Small ones stay inline.
    expect(served).toContain(icon)
    const address = /url\((\/__guidepress\/assets\/[0-9a-f]+)\)/.exec(served)?.[1] ?? ''
    expect((await get(server.port, '/alpha-care/summary.html')).body).toContain(address)
    const asset = await new Promise<{ type?: string; cache?: string; bytes: Buffer }>((resolve, reject) => {
      http.get({ host: '127.0.0.1', port: server.port, path: address, agent: false }, (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => resolve({ type: response.headers['content-type'], cache: response.headers['cache-control'], bytes: Buffer.concat(chunks) }))
      }).on('error', reject)
    })
    expect(asset.type).toBe('font/ttf')
    expect(asset.cache).toContain('immutable')
    expect(asset.bytes.equals(Buffer.alloc(4000, 7))).toBe(true)
    expect((await get(server.port, '/__guidepress/assets/0123456789abcdef0123456789abcdef')).status).toBe(404)
    expect(await readFile(path.join(root, 'dist/alpha-care/handout.html'), 'utf8')).toBe(page)
  })
})
