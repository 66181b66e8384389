// bin/guidepress.js runs a cached esbuild bundle of the sources. A change under any of transforms/,
// render/ or cli/ must make a new bundle, or the CLI would run stale code without saying so.
import { execFile } from 'node:child_process'
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, stat, symlink, utimes, writeFile } from 'node:fs/promises'
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

  it('rebuilds after the toolkit code changed, though its version did not (the cache is keyed on the code)', async () => {
    const copy = await toolkitCopy()
    const project = await makeWorkspace({ 'source/alpha-care.md': guideline() })
    const build = async (): Promise<string> => (await run(process.execPath, [path.join(copy, 'bin', 'guidepress.js'), 'build', '--no-pdf'], { cwd: project })).stdout
    expect(await build()).toContain('Built 1 guideline')
    expect(await build()).toContain('Nothing to build')
    // A renderer edit changes no source and no version, only what the outputs would be.
    await appendFile(path.join(copy, 'render', 'index.ts'), '\n// an edit to the renderer\n')
    expect(await build()).toContain('Built 1 guideline')
    expect(await build()).toContain('Nothing to build')
  }, 120_000)

  it('answers a build with nothing to do without loading the pipeline, and still sees an edit that keeps size and mtime', async () => {
    const project = await makeWorkspace({ 'source/alpha-care.md': guideline(), 'source/beta-care.md': guideline() })
    const logFile = path.join(project, 'loaded.txt')
    // Records every package the CLI imports (a resolve hook), to show what a no-op loads.
    const hook = `data:text/javascript,${encodeURIComponent(
      `import { register } from 'node:module'; register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(
        `import { appendFileSync } from 'node:fs'; export async function resolve(specifier, context, next) { if (!/^[./]|^node:|^file:|^data:/.test(specifier)) appendFileSync(${JSON.stringify(logFile)}, specifier + '\\n'); return next(specifier, context) }`
      )}))`
    )}`
    const build = async (): Promise<{ stdout: string; loaded: string[] }> => {
      await writeFile(logFile, '')
      const { stdout } = await run(process.execPath, ['--import', hook, path.join(toolkit, 'bin', 'guidepress.js'), 'build', '--no-pdf'], { cwd: project })
      return { stdout, loaded: (await readFile(logFile, 'utf8')).split('\n').filter(Boolean) }
    }
    const first = await build()
    expect(first.stdout).toContain('Built 2 guidelines')
    expect(first.loaded).toContain('unified') // the hook sees the pipeline's packages when they load
    const noop = await build()
    expect(noop.stdout).toContain('Nothing to build: 2 guidelines unchanged')
    expect(noop.loaded.filter((name) => /^(unified|remark-|zod|yaml|vfile|@marp-team|puppeteer-core|pptxgenjs|@citation-js)/.test(name))).toEqual([])
    // The same number of bytes, the modification time set back: only the change time tells.
    const file = path.join(project, 'source', 'beta-care.md')
    const before = await stat(file)
    await writeFile(file, (await readFile(file, 'utf8')).replace('Strong bone matters.', 'Strong bone mattered'))
    await utimes(file, before.atime, before.mtime)
    const edited = await build()
    expect(edited.stdout).toContain('Built 1 guideline (1 unchanged since the last build)')
    expect(await readFile(path.join(project, 'handouts', 'beta-care.md'), 'utf8')).toContain('Strong bone mattered')
  }, 120_000)
})
