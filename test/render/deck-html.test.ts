// deck.html presents: driven in headless Chromium (the project's browser finder), from the file as
// written by a quick build (no PDFs: deck.html needs no browser to be made).
import { readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BrowserSession } from '../../render/browser.ts'
import { renderAll, type GuidelineMeta } from '../../render/index.ts'
import { makeRoot } from './helpers.ts'

const NOTES = ['Welcome the room and say why this guideline matters.\n\n- Who treats these patients?\n- Who measures at home?', '', 'Close with the three things to remember.']
const deck = `---\nmarp: true\ntheme: guidepress\npaginate: true\nlang: en\ntitle: Show\n---\n\n${NOTES.map((note, i) => `## Show slide ${i + 1}\n\n- Bullet ${i + 1}\n${note ? `\n<!--\n${note}\n-->\n` : ''}`).join('\n---\n\n')}`
const meta: GuidelineMeta = { id: 'show', title: 'Show', version: '1.0.0', updated: '2026-05-04', status: 'approved', lang: 'en', outputs: ['deck'] }

let root = ''
let url = ''
let session: BrowserSession
const errors: string[] = []

async function open(address: string): Promise<Page> {
  const page = await session.openPage()
  page.on('pageerror', (error) => errors.push(String(error)))
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()) })
  await page.setViewport({ width: 1280, height: 720 })
  await page.goto(address, { waitUntil: 'load' })
  return page
}

const currentSlide = (page: Page): Promise<number> =>
  page.evaluate("Array.from(document.querySelectorAll('div.marpit > svg')).findIndex((svg) => getComputedStyle(svg).display !== 'none' && svg.classList.contains('gp-current')) + 1") as Promise<number>

describe('deck.html as a slide show', () => {
  beforeAll(async () => {
    root = await makeRoot()
    await writeFile(path.join(root, 'decks/show.md'), deck)
    await renderAll([meta], { root, pdf: false, pptx: false })
    url = pathToFileURL(path.join(root, 'dist/show/deck.html')).href
    session = await BrowserSession.start({ allowedDirs: [path.join(root, 'dist')] })
  }, 60_000)

  afterAll(async () => {
    await session?.close()
    if (root) await rm(root, { recursive: true, force: true })
  })

  it('shows one slide, moves on with the right arrow and puts the slide number in the address', async () => {
    const page = await open(url)
    expect(await currentSlide(page)).toBe(1)
    expect(await page.evaluate("document.querySelectorAll('div.marpit > svg.gp-current').length")).toBe(1)
    await page.keyboard.press('ArrowRight')
    expect(await page.evaluate('location.hash')).toBe('#2')
    expect(await currentSlide(page)).toBe(2)
    await page.keyboard.press('ArrowLeft')
    expect(await page.evaluate('location.hash')).toBe('#1')
    await page.mouse.click(1000, 300)
    expect(await page.evaluate('location.hash')).toBe('#2')
    await page.close()
    const third = await open(`${url}#3`)
    expect(await currentSlide(third)).toBe(3)
    await third.close()
  })

  it('shows slide 1’s notes (bullets kept), the next slide and a timer in ?view=presenter', async () => {
    const page = await open(`${url}?view=presenter`)
    const notes = (await page.evaluate("document.querySelector('#gp-notes .gp-note:not([hidden])').innerText")) as string
    expect(notes).toContain('Welcome the room and say why this guideline matters.')
    expect(await page.evaluate("document.querySelectorAll('#gp-notes .gp-note:not([hidden]) li').length")).toBe(2)
    expect(await page.evaluate("Array.from(document.querySelectorAll('div.marpit > svg')).findIndex((svg) => svg.classList.contains('gp-next') && getComputedStyle(svg).display !== 'none') + 1")).toBe(2)
    expect(await page.evaluate("document.getElementById('gp-clock').textContent")).toMatch(/^\d\d:\d\d$/)
    // The slide show in another window follows the presenter view.
    const audience = await open(url)
    await page.keyboard.press('ArrowRight')
    expect(await page.evaluate("document.querySelector('#gp-notes .gp-note:not([hidden])').innerText")).toBe('No speaker notes.')
    await expect.poll(() => audience.evaluate('location.hash')).toBe('#2')
    await audience.close()
    await page.close()
  })

  it('runs under its own Content-Security-Policy, loads nothing from outside and is the same on a rebuild', async () => {
    expect(errors).toEqual([])
    expect(session.blocked).toEqual([])
    const first = await readFile(path.join(root, 'dist/show/deck.html'))
    await renderAll([meta], { root, pdf: false, pptx: false })
    expect(Buffer.compare(first, await readFile(path.join(root, 'dist/show/deck.html')))).toBe(0)
  })
})
