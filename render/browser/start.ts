// The build's browser, started as soon as a build knows it will print: a module of its own, so a
// build loads only the browser driver before its transform, and the rest of the renderer after.
import { availableParallelism } from 'node:os'
import { allowedDirs } from '../assets.ts'
import { BrowserSession } from '../browser.ts'
import { DEFAULT_STEP_LIMITS } from '../limits.ts'

/**
 * The one browser of a build, with the project's allow-list (see RenderOptions.session). The pages
 * its outputs print in start opening at once, while the build works on.
 */
export async function startBrowser(root: string, pages = availableParallelism()): Promise<BrowserSession> {
  const session = await BrowserSession.start({ allowedDirs: allowedDirs(root) })
  session.warmPages(pages, DEFAULT_STEP_LIMITS.loadMs)
  return session
}
