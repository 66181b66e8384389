import { findBrowser } from '../transforms/render/browser.ts'

/**
 * On a fresh machine @sparticuz/chromium unpacks its browser into the temp folder on first use.
 * Doing that once here, before test files run in parallel, keeps two files from unpacking it at once.
 */
export default async function setup(): Promise<void> {
  await findBrowser()
}
