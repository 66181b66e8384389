// Finds, starts and locks down the one headless browser a build uses.
//
// Lookup order: CHROME_PATH, then a system Chrome/Chromium/Edge, then the
// npm-shipped @sparticuz/chromium. Every page opened through `openPage`
// intercepts requests: only data: URLs and file:// URLs inside the allowed
// project folders load; everything else (http, https, ws, other files) is
// aborted and recorded in `blocked`.
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import puppeteer, { type Browser, type Page } from 'puppeteer-core'
import { isInside, realPathOr } from '../paths.ts'
import { BrowserUnavailableError } from './errors.ts'

export { BrowserUnavailableError }

const SYSTEM_BROWSERS: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/microsoft-edge',
  '/usr/bin/microsoft-edge-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'
]

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

/** All candidate executables in lookup order; only the first that exists is tried. */
export async function findBrowser(env: NodeJS.ProcessEnv = process.env): Promise<BrowserCandidate> {
  const fromEnv = env.CHROME_PATH?.trim()
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new BrowserUnavailableError(`CHROME_PATH=${fromEnv} does not exist`)
    return { executablePath: fromEnv, source: 'CHROME_PATH', headless: true }
  }
  for (const candidate of SYSTEM_BROWSERS) {
    if (existsSync(candidate)) return { executablePath: candidate, source: 'system', headless: true }
  }
  try {
    const chromium = (await import('@sparticuz/chromium')).default
    const executablePath = await chromium.executablePath()
    return { executablePath, source: '@sparticuz/chromium', headless: 'shell' }
  } catch (error) {
    throw new BrowserUnavailableError('no CHROME_PATH, no system browser, @sparticuz/chromium missing or unusable', {
      cause: error
    })
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
    private readonly userDataDir: string
  ) {}

  static async start(options: SessionOptions): Promise<BrowserSession> {
    const candidate = await findBrowser(options.env)
    const userDataDir = await mkdtemp(path.join(tmpdir(), 'guidepress-chrome-'))
    launches += 1
    try {
      const browser = await puppeteer.launch({
        executablePath: candidate.executablePath,
        headless: candidate.headless,
        args: [...LAUNCH_FLAGS],
        userDataDir,
        pipe: true,
        protocolTimeout: 120_000,
        // guidepress handles interrupts itself (it must discard staged files first); see closeAllSessions.
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false
      })
      const allowed = options.allowedDirs.map((dir) => realPathOr(path.resolve(dir)))
      const session = new BrowserSession(browser, candidate, allowed, userDataDir)
      openSessions.add(session)
      return session
    } catch (error) {
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

  /** A new page with request interception enforcing `isAllowed`. */
  async openPage(): Promise<Page> {
    const page = await this.browser.newPage()
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

  /** Safe to call more than once (a build closes a browser it started early whatever happened). */
  async close(): Promise<void> {
    if (!openSessions.delete(this)) return
    try {
      await this.browser.close()
    } finally {
      await rm(this.userDataDir, { recursive: true, force: true }).catch(() => undefined)
    }
  }
}

