// Finds, starts and locks down the one headless browser a build uses.
//
// Lookup order: CHROME_PATH, then a system Chrome/Chromium/Edge (browser/finder.ts), then the
// npm-shipped @sparticuz/chromium (Linux x86-64 only). Network: three layers, each enough alone
// for what it covers. Every page opened through `openPage` intercepts
// requests: only data: URLs and file:// URLs inside the allowed project
// folders load; everything else is aborted and recorded in `blocked`. What
// interception never sees (WebSockets, workers, prefetches) meets the
// refusing proxy (proxy.ts). And every page is loaded under a
// Content-Security-Policy that allows no connection and no script but the
// deck's own (`loadHtml`).
import { rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'puppeteer-core'
import { isInside, realPathOr } from '../transforms/input/paths.ts'
import { BrowserUnavailableError } from './errors.ts'
import { browserRemedies, bundledChromiumRuns, currentHost, findSystemBrowser, type FinderHost } from './browser/finder.ts'
import type { StepPlace } from './limits.ts'
import { FONT_WARM_UP, loadHtml } from './browser/page.ts'
import { makeProfileDir, removeStaleProfiles } from './browser/profile.ts'
import { PROXY_FLAGS, RefusingProxy } from './proxy.ts'

export { BrowserUnavailableError }

// puppeteer-core's CommonJS build: Node 20 loads it in about 0.23 s against 0.38 s for its ES
// modules, on the way to every build's browser start. Nothing else loads puppeteer-core's code.
const puppeteer = (createRequire(import.meta.url)('puppeteer-core') as typeof import('puppeteer-core')).default

export interface BrowserCandidate {
  executablePath: string
  source: 'CHROME_PATH' | 'system' | '@sparticuz/chromium'
  /** chrome-headless-shell builds (sparticuz) need puppeteer's 'shell' mode. */
  headless: true | 'shell'
}

const LAUNCH_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
  '--hide-scrollbars',
  '--mute-audio'
]

/**
 * The browser a build uses: CHROME_PATH, else a system Chrome/Chromium/Edge (render/browser/finder.ts),
 * else the bundled @sparticuz/chromium where its Linux x86-64 binary can run. Otherwise the error
 * says exactly what to install on this OS.
 */
export async function findBrowser(env: NodeJS.ProcessEnv = process.env, host: FinderHost = currentHost(env)): Promise<BrowserCandidate> {
  const remedies = browserRemedies(host)
  const fromEnv = host.env.CHROME_PATH?.trim()
  if (fromEnv) {
    if (!host.isExecutable(fromEnv)) throw new BrowserUnavailableError(`CHROME_PATH=${fromEnv} is not an executable file`, { remedies })
    return { executablePath: fromEnv, source: 'CHROME_PATH', headless: true }
  }
  const system = findSystemBrowser(host)
  if (system) return { executablePath: system, source: 'system', headless: true }
  if (!bundledChromiumRuns(host)) {
    throw new BrowserUnavailableError(`no CHROME_PATH and no Chrome, Chromium or Edge found on ${host.platform} ${host.arch}; the bundled Chromium runs on Linux x86-64 only`, { remedies })
  }
  try {
    const chromium = (await import('@sparticuz/chromium')).default
    const executablePath = await chromium.executablePath()
    return { executablePath, source: '@sparticuz/chromium', headless: 'shell' }
  } catch (error) {
    throw new BrowserUnavailableError('no CHROME_PATH, no system browser, @sparticuz/chromium missing or unusable', { cause: error, remedies })
  }
}

let launches = 0
/** How many browsers this process has started (the build's budget is two). */
export function browserLaunchCount(): number {
  return launches
}

export interface SessionOptions {
  /** Folders whose files pages may load through file:// (themes, fonts, images). */
  allowedDirs: string[]
  env?: NodeJS.ProcessEnv
  /** Let loopback connections through the network block: for tests that open `guidepress dev` pages; never for rendering. */
  allowLoopback?: boolean
}

const openSessions = new Set<BrowserSession>()

/** Closes every browser still open (on an interrupt), removing their temporary profiles. */
export async function closeAllSessions(): Promise<void> {
  await Promise.allSettled([...openSessions].map((session) => session.close()))
}

/** One started browser plus its request policy. Close it with `close()`. */
export class BrowserSession {
  readonly blocked: string[] = []
  private constructor(
    readonly browser: Browser,
    readonly candidate: BrowserCandidate,
    private readonly allowedDirs: string[],
    private readonly userDataDir: string,
    private readonly proxy: RefusingProxy
  ) {}

  static async start(options: SessionOptions): Promise<BrowserSession> {
    const candidate = await findBrowser(options.env)
    const userDataDir = await makeProfileDir()
    const staleRemoved = removeStaleProfiles() // those of builds killed outright, while this browser starts
    const proxy = await RefusingProxy.start()
    launches += 1
    try {
      const browser = await puppeteer.launch({
        executablePath: candidate.executablePath,
        headless: candidate.headless,
        args: [...LAUNCH_FLAGS, ...PROXY_FLAGS(proxy.port, { loopback: options.allowLoopback === true })],
        userDataDir,
        pipe: true,
        protocolTimeout: 120_000,
        // guidepress handles interrupts itself (it must discard staged files first); see closeAllSessions.
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false
      })
      await staleRemoved
      const allowed = options.allowedDirs.map((dir) => realPathOr(path.resolve(dir)))
      const session = new BrowserSession(browser, candidate, allowed, userDataDir, proxy)
      openSessions.add(session)
      return session
    } catch (error) {
      await Promise.all([staleRemoved, proxy.close()])
      await rm(userDataDir, { recursive: true, force: true })
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
      throw new BrowserUnavailableError(`${candidate.source} ${candidate.executablePath} failed to start: ${reason}`, {
        cause: error
      })
    }
  }

  /** Is this URL one a page may load? data: always; file: only inside allowed folders. */
  isAllowed(url: string): boolean {
    if (url.startsWith('data:') || url === 'about:blank') return true
    if (!url.startsWith('file:')) return false
    let file: string
    try {
      // Where the file really is: a symbolic link inside an allowed folder may lead anywhere.
      file = realPathOr(path.resolve(fileURLToPath(url)))
    } catch {
      return false
    }
    return this.allowedDirs.some((dir) => isInside(dir, file))
  }

  /** Connections the refusing proxy turned away (WebSockets, worker requests, prefetches…). */
  get refused(): string[] {
    return [...this.proxy.attempts]
  }

  /**
   * A new page with request interception enforcing `isAllowed`, in a window of its own.
   *
   * Why a window: full Chrome (headless or not) shows one tab per window and renders only that
   * one; a page opened as another tab is hidden (document.visibilityState 'hidden'), produces no
   * frames, and Page.captureScreenshot on it waits for a frame forever. Puppeteer also serialises
   * screenshots, new pages and page closes per browser context, so that one stalled screenshot
   * stalled every other page of the build until the protocol timeout. chrome-headless-shell (the
   * @sparticuz build) has no tabs, every page is visible, hence builds passed there. A page that
   * is the only tab of its own window is visible in both, whatever the others do.
   */
  async openPage(): Promise<Page> {
    const page = await this.browser.newPage({ type: 'window' })
    this.pagesOpened += 1
    // What the security policy refused never becomes a request; its console report names the URL.
    page.on('console', (message) => {
      const refused = /'([^']+)'(?: because it)? violates the following Content Security Policy/.exec(message.text())
      if (refused?.[1]) this.blocked.push(refused[1])
    })
    await page.setRequestInterception(true)
    page.on('request', (request) => {
      if (request.isInterceptResolutionHandled()) return
      const url = request.url()
      if (this.isAllowed(url)) {
        void request.continue()
      } else {
        this.blocked.push(url)
        void request.abort('blockedbyclient')
      }
    })
    return page
  }

  /** Pages opened so far (openPage). */
  pagesOpened = 0
  private pagesTaken = 0

  /**
   * What was refused and how many pages were opened since the last call: a browser kept across
   * builds (render/browser/kept.ts) reports to each build only what happened during it.
   */
  takeActivity(): { blocked: string[]; pagesOpened: number } {
    const pagesOpened = this.pagesOpened - this.pagesTaken
    this.pagesTaken = this.pagesOpened
    return { blocked: this.blocked.splice(0), pagesOpened }
  }

  /** Not closed, and its process still connected: it can take another build's pages. */
  get alive(): boolean {
    return this.closing === undefined && this.browser.connected
  }
  /** Pages whose output is done, kept for the next output (see takePage). */
  private readonly idle: Page[] = []

  /**
   * A page for one output, at this viewport: an idle one of this session's when there is one, else
   * a new one. A new page is a new window with a renderer process of its own to start (about as
   * long as loading a handout), so a build's outputs share as many pages as print at once. A new
   * page first loads every face of the house font (FONT_WARM_UP). Give it back with `releasePage`.
   */
  async takePage(options: { viewport?: { width: number; height: number }; limitMs: number; place: StepPlace }): Promise<Page> {
    let page = this.idle.pop()
    // A page warmed ahead (warmPages) when one is coming: it is further along than a new one.
    while (!page && this.warming.length > 0) page = await this.warming.shift()
    page ??= await this.newWarmPage(options.limitMs, options.place)
    const viewport = options.viewport ?? DEFAULT_VIEWPORT
    const now = page.viewport()
    if (now?.width !== viewport.width || now.height !== viewport.height) await page.setViewport(viewport)
    return page
  }

  /**
   * Opens `count` pages with the house fonts loaded, for takePage, without waiting: a build calls
   * it as the browser starts, so opening windows (about half a second each in full Chrome) overlaps
   * its own work before the first print. A page that fails to warm up is left out.
   */
  warmPages(count: number, limitMs: number): void {
    for (let i = 0; i < count; i++) this.warming.push(this.newWarmPage(limitMs, { id: '', output: 'the browser', step: 'warming up', files: [] }).catch(() => undefined))
  }

  /** Pages being opened by warmPages. */
  private readonly warming: Array<Promise<Page | undefined>> = []

  private async newWarmPage(limitMs: number, place: StepPlace): Promise<Page> {
    const page = await this.openPage()
    try {
      await loadHtml(page, FONT_WARM_UP(), { limitMs, place: { ...place, step: 'loading the fonts' } })
    } catch (error) {
      await closePage(page)
      throw error
    }
    return page
  }

  /** A page taken with `takePage`, its output done: kept for the next output when every step of this one ended (`reusable`), else closed. */
  async releasePage(page: Page, reusable: boolean): Promise<void> {
    if (reusable && !page.isClosed()) this.idle.push(page)
    else await closePage(page)
  }

  /**
   * Safe to call more than once, each call ending when the browser has (a build closes a browser it
   * started early whatever happened).
   * A browser stuck in a stalled page gets a few seconds to close, then its process is killed.
   */
  close(): Promise<void> {
    this.closing ??= this.closeOnce()
    return this.closing
  }

  private closing?: Promise<void>

  private async closeOnce(): Promise<void> {
    openSessions.delete(this)
    try {
      const closed = this.browser.close().then(() => true, () => false)
      const inTime = await Promise.race([closed, new Promise<false>((resolve) => setTimeout(() => resolve(false), CLOSE_GRACE_MS).unref())])
      if (!inTime) this.browser.process()?.kill('SIGKILL')
    } finally {
      await this.proxy.close().catch(() => undefined)
      await rm(this.userDataDir, { recursive: true, force: true }).catch(() => undefined)
    }
  }
}

const CLOSE_GRACE_MS = 3000

/** Puppeteer's viewport for a new page, which handouts, summaries and presenter notes are laid out in. */
const DEFAULT_VIEWPORT = { width: 800, height: 600 }

/** Closes a page, without waiting on one whose step stalled (closing the browser ends it). */
export async function closePage(page: Page): Promise<void> {
  await Promise.race([page.close().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, CLOSE_GRACE_MS).unref())])
}

