// The kinds of browser a build may get: a full Chrome/Chromium (a system one, or CHROME_PATH) and
// the chrome-headless-shell inside @sparticuz/chromium. They differ where it matters here (full
// Chrome has windows and tabs and renders only a window's active tab; the shell renders every
// page), so browser tests run once per kind this machine has.
import { existsSync } from 'node:fs'
import { findBrowser } from '../../render/browser.ts'

export interface BrowserKind {
  name: 'full Chromium' | 'headless shell'
  executablePath: string
  /** The environment that makes the lookup pick this browser. */
  env: NodeJS.ProcessEnv
}

export async function browserKinds(): Promise<BrowserKind[]> {
  const chromium = (await import('@sparticuz/chromium')).default
  const shell = await chromium.executablePath()
  const kinds: BrowserKind[] = []
  const given = process.env.CHROME_PATH?.trim()
  const full = given && given !== shell ? given : await systemBrowser()
  if (full && existsSync(full)) kinds.push({ name: 'full Chromium', executablePath: full, env: { ...process.env, CHROME_PATH: full } })
  kinds.push({ name: 'headless shell', executablePath: shell, env: { ...process.env, CHROME_PATH: shell } })
  return kinds
}

async function systemBrowser(): Promise<string | undefined> {
  const found = await findBrowser({})
  return found.source === 'system' ? found.executablePath : undefined
}
