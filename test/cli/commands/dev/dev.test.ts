import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Page } from 'puppeteer-core'
import { afterEach, describe, expect, it } from 'vitest'
import { main } from '../../../../cli/main.ts'
import { injectedMarker, overlayId } from '../../../../cli/commands/dev/inject.ts'
import { lockName } from '../../../../cli/project/lock.ts'
import { BrowserSession } from '../../../../render/browser.ts'
import { blockConsecutivePorts, closeAfterTest, closeAll, get, listen, portOf, startDev, waitFor } from './helpers.ts'
import { guideline, makeWorkspace, plain, runCliWith } from '../../../helpers.ts'

const bin = path.join(import.meta.dirname, '../../../..', 'bin', 'guidepress.js')
const withBody = (sentence: string) => guideline({ body: `## Caring for bones {#bone-care}\n\n${sentence}\n` })
/** Raw HTML is an error at 16:1 of the source (after the front matter). */
const brokenSource = guideline({ body: '## Caring for bones {#bone-care}\n\nBone.\n\n<iframe src="x"></iframe>\n' })

afterEach(closeAll)

async function pageText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText)
}

async function overlayText(page: Page): Promise<string | null> {
  return page.evaluate((id) => document.getElementById(id)?.textContent ?? null, overlayId)
}

async function openBrowser(): Promise<BrowserSession> {
  // The dev server is on 127.0.0.1, which a render browser may not reach.
  const session = await BrowserSession.start({ allowedDirs: [], allowLoopback: true })
  closeAfterTest(() => session.close())
  return session
}

describe('guidepress dev in a browser', () => {
  it('reloads the page on a save, shows a failed build in an overlay (escaped), and clears it on the next good build', async () => {
    const root = await makeWorkspace({ 'source/bone-health.md': withBody('Strong bone matters.') })
    const dev = await startDev(root)
    const session = await openBrowser()
    const errors: string[] = []
    const handout = await session.browser.newPage()
    const deck = await session.browser.newPage()
    for (const page of [handout, deck]) page.on('pageerror', (error) => errors.push(String(error)))
    await handout.goto(`${dev.url}bone-health/handout.html`, { waitUntil: 'load' })
    await deck.goto(`${dev.url}bone-health/deck.html`, { waitUntil: 'load' })
    expect(await pageText(handout)).toContain('Strong bone matters.')
    // The reload script is in the page, and the deck's own scripts (Marp's and the slide show's) still ran.
    expect(await handout.$(`script[${injectedMarker}]`)).not.toBeNull()
    expect(await deck.evaluate(() => document.querySelectorAll('script').length)).toBe(3)
    expect(await deck.evaluate(() => customElements.get('marp-auto-scaling') !== undefined)).toBe(true)

    // A mark on each page's window: a reload loses it, an update in place keeps it.
    for (const page of [handout, deck]) await page.evaluate(() => void Reflect.set(window, 'beforeTheSave', true))
    const marked = (page: Page) => page.evaluate(() => Reflect.get(window, 'beforeTheSave') === true)
    const buildsBefore = dev.builds().length
    await writeFile(path.join(root, 'source/bone-health.md'), withBody('Strong bone matters for every step you take.'))
    // Nobody navigates the pages: only the live reload can bring the new text.
    await waitFor('the new sentence in the handout', async () => (await pageText(handout)).includes('for every step you take'))
    // The deck shows one slide at a time, so its text is read whatever slide is on screen.
    await waitFor('the new sentence in the deck', async () => (await deck.evaluate(() => document.body.textContent ?? '')).includes('for every step you take'))
    // The handout's body was swapped in place (fonts, images and scroll kept); the deck, with scripts of its own, reloaded.
    expect(await marked(handout)).toBe(true)
    expect(await marked(deck)).toBe(false)
    // The pages show before the build has moved its files into place.
    await waitFor('the build to finish', () => dev.builds().length > buildsBefore)
    const goodHandout = await readFile(path.join(root, 'dist/bone-health/handout.html'), 'utf8')

    await writeFile(path.join(root, 'source/bone-health.md'), brokenSource)
    const overlay = await waitFor('the error overlay', () => overlayText(handout).then((text) => text ?? undefined))
    expect(overlay).toContain('source/bone-health.md:16:1')
    expect(overlay).toContain('Unexpected raw HTML `<iframe>`')
    expect(overlay).toContain('html-raw')
    // Escaped: the message's `<iframe>` is text, not an element.
    expect(await handout.evaluate(() => document.querySelectorAll('iframe').length)).toBe(0)
    await waitFor('the overlay on the deck too', () => overlayText(deck).then((text) => text?.includes('source/bone-health.md:16:1')))
    // The last good build is still what is served and what is on disk.
    expect(await pageText(handout)).toContain('for every step you take')
    expect(await readFile(path.join(root, 'dist/bone-health/handout.html'), 'utf8')).toBe(goodHandout)
    expect(dev.err.join('\n')).toMatch(/source\/bone-health\.md\n\s*16:1-16:26\s+error\s+Unexpected raw HTML `<iframe>`.*html-raw/)

    await writeFile(path.join(root, 'source/bone-health.md'), withBody('Strong bone matters at every age.'))
    await waitFor('the fixed sentence', async () => (await pageText(handout)).includes('at every age'))
    await waitFor('the overlay to clear', async () => (await overlayText(handout)) === null)
    expect(errors).toEqual([])
  }, 120_000)
})

describe('guidepress dev serving dist/', () => {
  it('serves only files inside dist/, with their content types, and injects its script only into served HTML', async () => {
    const secret = 'do-not-serve-this-secret'
    const root = await makeWorkspace({
      'source/bone-health.md': withBody('Strong bone matters.'),
      'package.json': JSON.stringify({ name: secret }),
      'dist/notes.txt': 'plain notes\n',
      'dist/style.css': 'body { color: black }\n',
      'dist/blob.bin': 'binary'
    })
    const dev = await startDev(root)
    await symlink(path.join(root, 'package.json'), path.join(root, 'dist/linked.json'))

    const traversals = [
      '/../package.json',
      '/%2e%2e/package.json',
      '/%2E%2E/package.json',
      '/..%2fpackage.json',
      '/%2e%2e%2fpackage.json',
      '/.%2e/package.json',
      '/bone-health/../../package.json',
      '/bone-health/%2e%2e/%2e%2e/package.json',
      '/..%5cpackage.json',
      '/%252e%252e/package.json',
      '/..%00/package.json',
      '//../package.json',
      '/linked.json',
      '/../source/bone-health.md'
    ]
    for (const rawPath of traversals) {
      const response = await get(dev.port, rawPath)
      expect([400, 403, 404], rawPath).toContain(response.status)
      expect(response.body, rawPath).not.toContain(secret)
      expect(response.body, rawPath).not.toContain('Caring for bones {#bone-care}')
    }
    expect((await get(dev.port, '/%')).status).toBe(400)
    expect((await get(dev.port, '/.guidepress-cache.json')).status).toBe(404)

    const notes = await get(dev.port, '/notes.txt')
    expect([notes.status, notes.headers['content-type'], notes.body]).toEqual([200, 'text/plain; charset=utf-8', 'plain notes\n'])
    const css = await get(dev.port, '/style.css')
    expect([css.headers['content-type'], css.body]).toEqual(['text/css; charset=utf-8', 'body { color: black }\n'])
    expect((await get(dev.port, '/blob.bin')).headers['content-type']).toBe('application/octet-stream')
    const redirect = await get(dev.port, '/bone-health')
    expect([redirect.status, redirect.headers.location]).toEqual([301, '/bone-health/'])
    expect((await get(dev.port, '/', 'POST')).status).toBe(405)
    const missing = await get(dev.port, '/bone-health/nothing-here.html')
    expect(missing.status).toBe(404)
    expect(missing.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(missing.body).toContain('<code>/bone-health/nothing-here.html</code> is not in <code>dist/</code>')

    for (const page of ['/', '/index.html', '/bone-health/handout.html', '/bone-health/summary.html', '/bone-health/deck.html']) {
      const served = await get(dev.port, page)
      expect(served.headers['content-type'], page).toBe('text/html; charset=utf-8')
      expect(served.body, page).toContain(`<script ${injectedMarker}>`)
    }
    const onDisk = await readFile(path.join(root, 'dist/bone-health/handout.html'), 'utf8')
    const served = (await get(dev.port, '/bone-health/handout.html')).body
    // Served with its large data: URLs at addresses of their own (cached across reloads), and otherwise as on disk.
    let restored = served.replace(/<script data-guidepress-dev>[\s\S]*?<\/script>\n/, '')
    for (const address of new Set(served.match(/\/__guidepress\/assets\/[0-9a-f]+/g) ?? [])) {
      const asset = await fetch(`${dev.url.replace(/\/$/, '')}${address}`)
      const data = `data:${asset.headers.get('content-type') ?? ''};base64,${Buffer.from(await asset.arrayBuffer()).toString('base64')}`
      restored = restored.replaceAll(address, data)
    }
    expect(restored).not.toBe(served)
    expect(restored).toBe(onDisk)
    for (const file of await readdir(path.join(root, 'dist'), { recursive: true })) {
      if (!file.endsWith('.html')) continue
      expect(await readFile(path.join(root, 'dist', file), 'utf8'), file).not.toMatch(/guidepress-dev|__guidepress/)
    }
  }, 60_000)

  it('takes the next free port when the one asked for is in use, and says so', async () => {
    const blocker = await listen(0)
    const taken = portOf(blocker)
    const root = await makeWorkspace({ 'source/bone-health.md': withBody('Strong bone matters.') })
    const dev = await startDev(root, ['--port', String(taken)])
    expect(dev.port).not.toBe(taken)
    expect(dev.out.join('\n')).toContain(`Port ${taken} is in use, so serving on port ${dev.port} instead.`)
    expect((await get(dev.port, '/bone-health/handout.html')).body).toContain('Strong bone matters.')
  }, 60_000)

  it('fails clearly, with exit code 1, when every port it would try is in use', async () => {
    const first = await blockConsecutivePorts(11)
    const root = await makeWorkspace({ 'source/bone-health.md': withBody('Strong bone matters.') })
    const run = await runCliWith(root, {}, 'dev', '--port', String(first))
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(`Ports ${first}–${first + 10} are all in use`)
  }, 60_000)

  it.each([[['dev', '--port', 'abc']], [['dev', '--port', '70000']], [['dev', 'extra']], [['build', '--port', '4000']], [['check', '--pdf']]])('refuses guidepress %j as a usage error', async (argv) => {
    const root = await makeWorkspace({ 'source/bone-health.md': withBody('Strong bone matters.') })
    expect(await main(argv, { cwd: root, stdout: () => undefined, stderr: () => undefined })).toBe(2)
  })
})

describe('guidepress dev watching', () => {
  it('rebuilds when a theme appears in a themes/ folder created later, and ignores files outside source/ and themes/', async () => {
    const root = await makeWorkspace({ 'source/bone-health.md': withBody('Strong bone matters.') })
    const dev = await startDev(root)
    expect(dev.builds()).toHaveLength(1)
    await writeFile(path.join(root, 'notes.md'), 'not a source\n')
    await mkdir(path.join(root, 'decks'), { recursive: true })
    await writeFile(path.join(root, 'decks/other.md'), '# not a source\n')
    await mkdir(path.join(root, 'themes'))
    const theme = await readFile(path.join(import.meta.dirname, '../../../..', 'themes/guidepress.css'), 'utf8')
    await writeFile(path.join(root, 'themes/guidepress.css'), `${theme}\n/* project colours */\n`)
    await waitFor('the rebuild for the theme', () => dev.builds().length === 2)
    expect(dev.builds()[1]).toMatch(/✔ .* rebuilt bone-health in .* \(themes\/guidepress\.css\)$/)
  }, 60_000)
})

describe('guidepress dev as a process', () => {
  it('serves, rebuilds on a save, and stops on Ctrl-C with exit code 130, leaving no lock', async () => {
    const root = await makeWorkspace({ 'source/bone-health.md': withBody('Strong bone matters.') })
    const child = spawn(process.execPath, [bin, 'dev', '--port', '0'], { cwd: root })
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    closeAfterTest(async () => {
      if (child.exitCode === null) child.kill('SIGKILL')
    })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += plain(chunk.toString())))
    child.stderr.on('data', (chunk: Buffer) => (out += plain(chunk.toString())))
    const port = Number(await waitFor('the URL', () => /127\.0\.0\.1:(\d+)\//.exec(out)?.[1]))
    await waitFor('the first build', () => out.includes('rebuilt bone-health'))
    expect((await get(port, '/bone-health/handout.html')).body).toContain('Strong bone matters.')

    await writeFile(path.join(root, 'source/bone-health.md'), withBody('Strong bone matters every day.'))
    await waitFor('the rebuilt page', async () => (await get(port, '/bone-health/handout.html')).body.includes('every day'))
    // The files land a moment before the build's line is printed.
    await waitFor('the rebuild line', () => /✔ \d\d:\d\d:\d\d rebuilt bone-health in \d+\.\d\d s \(source\/bone-health\.md\)/.test(out))

    child.kill('SIGINT')
    expect(await exited).toBe(130)
    expect(out).toContain('Stopped the dev server.')
    expect(existsSync(path.join(root, lockName))).toBe(false)
    await expect(get(port, '/')).rejects.toThrow()
  }, 60_000)
})
