// bin/guidepress.js runs a cached esbuild bundle of the sources. A change under any of transforms/,
// render/ or cli/ must make a new bundle, or the CLI would run stale code without saying so.
import { execFile } from 'node:child_process'
import { appendFile, cp, mkdir, mkdtemp, readdir, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { guideline, makeWorkspace } from '../helpers.ts'

const run = promisify(execFile)
const toolkit = path.join(import.meta.dirname, '..', '..')

/** A copy of the toolkit with its own bundle cache (node_modules holds links to the real packages). */
async function toolkitCopy(): Promise<string> {
  const copy = await mkdtemp(path.join(process.env.GUIDEPRESS_TEST_TMP ?? tmpdir(), 'guidepress-toolkit-'))
  for (const entry of ['bin', 'transforms', 'render', 'cli', 'themes', 'package.json']) {
    await cp(path.join(toolkit, entry), path.join(copy, entry), { recursive: true })
  }
  await mkdir(path.join(copy, 'node_modules'))
  for (const name of await readdir(path.join(toolkit, 'node_modules'))) {
    if (name !== '.cache') await symlink(path.join(toolkit, 'node_modules', name), path.join(copy, 'node_modules', name))
  }
  return copy
}

describe('bin/guidepress.js', () => {
  it('runs a changed file from each of transforms/, render/ and cli/ (no stale bundle)', async () => {
    const copy = await toolkitCopy()
    const project = await makeWorkspace({ 'source/alpha-care.md': guideline() })
    const build = async (): Promise<string> => {
      const { stderr } = await run(process.execPath, [path.join(copy, 'bin', 'guidepress.js'), 'build', '--no-pdf', '--force'], { cwd: project })
      return stderr
    }
    expect(await build()).not.toContain('changed module ran')
    // Each module runs on a --no-pdf build: the pipeline, the renderer (HTML) and the CLI's entry.
    for (const file of ['transforms/pipeline.ts', 'render/index.ts', 'cli/main.ts']) {
      await appendFile(path.join(copy, file), `\nconsole.error('changed module ran: ${file}')\n`)
      expect(await build(), file).toContain(`changed module ran: ${file}`)
    }
    // Ran from bundles (one per version of the sources), not from tsx's fallback, which is never stale.
    expect(await readdir(path.join(copy, 'node_modules', '.cache', 'guidepress'))).toHaveLength(4)
  }, 120_000)
})
