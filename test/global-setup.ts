import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { findBrowser } from '../render/browser.ts'

/**
 * On a fresh machine @sparticuz/chromium unpacks its browser into the temp folder on first use.
 * Doing that once here, before test files run in parallel, keeps two files from unpacking it at once.
 *
 * Every workspace a test makes goes into one folder for this run (the workers inherit its path),
 * removed when the run ends, so test runs do not fill the temp folder.
 */
export default async function setup(): Promise<() => Promise<void>> {
  await findBrowser()
  const runFolder = await mkdtemp(path.join(tmpdir(), 'guidepress-test-run-'))
  process.env.GUIDEPRESS_TEST_TMP = runFolder
  return async () => {
    await rm(runFolder, { recursive: true, force: true })
  }
}
