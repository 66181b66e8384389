// The package as a team adopts it: `npm pack` this repository, install the tarball into an empty
// project, then `npx guidepress init`, `npm run build -- --no-pdf`, `npm run build` (PDFs and PPTX)
// and `npx guidepress check` there. Slow (an install and a browser build), so one test with every
// assertion on one install. npm takes the tarballs from its cache (--prefer-offline) and asks the
// registry only for package metadata.
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const run = promisify(execFile)
const toolkit = path.join(import.meta.dirname, '..', '..')
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'

/** A system browser for the PDF build when the machine has one (else the installed @sparticuz/chromium). */
const chromePath = process.env.CHROME_PATH ?? ['/usr/bin/chromium', '/tmp/chromium'].find((file) => existsSync(file))

async function shell(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<{ stdout: string; stderr: string }> {
  try {
    return await run(command, args, { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', CI: '', ...env }, maxBuffer: 64 * 1024 * 1024 })
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string }
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${failed.stderr ?? ''}\n${failed.stdout ?? ''}\n${failed.message}`)
  }
}

describe('the published package', () => {
  it('installs from its tarball into an empty project, where init, both builds and check work', async () => {
    const work = await mkdtemp(path.join(process.env.GUIDEPRESS_TEST_TMP ?? tmpdir(), 'guidepress-package-'))
    const packed = JSON.parse((await shell(npm, ['pack', '--json', '--pack-destination', work], toolkit)).stdout) as Array<{ filename: string; files: Array<{ path: string }> }>
    const tarball = path.join(work, packed[0]?.filename ?? '')
    const shipped = (packed[0]?.files ?? []).map((file) => file.path)
    // What a user needs, and none of the project's own tests, sources, decks or benchmarks.
    for (const needed of ['bin/guidepress.js', 'cli/main.ts', 'cli/commands/init/index.ts', 'transforms/pipeline.ts', 'render/index.ts', 'themes/guidepress.css', 'themes/print.css', 'docs/authoring.md', 'README.md', 'LICENSE', '.github/workflows/guidepress.yml', '.github/workflows/guidepress-comment.yml', '.github/scripts/comment-body.mjs']) {
      expect(shipped, needed).toContain(needed)
    }
    for (const file of shipped) expect(file, file).not.toMatch(/^(test|source|decks|handouts|summaries|bench|dist|node_modules|\.ci)\//)

    const project = path.join(work, 'clinic')
    await shell('mkdir', [project], work)
    await writeFile(path.join(project, 'package.json'), `${JSON.stringify({ name: 'clinic', version: '1.0.0', private: true }, null, 2)}\n`)
    await shell(npm, ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund'], project)

    const init = await shell(npx, ['--no-install', 'guidepress', 'init'], project)
    expect(init.stdout).toContain('wrote source/example-guideline.md')
    expect(init.stdout).toContain('guidepress project ready: run `npm run build`')
    const pkg = JSON.parse(await readFile(path.join(project, 'package.json'), 'utf8')) as { scripts: Record<string, string>; dependencies: Record<string, string> }
    expect(pkg.scripts.build).toBe('guidepress build')
    expect(pkg.dependencies.guidepress).toMatch(/guidepress-.*\.tgz$/) // the install's own entry, kept

    const quick = await shell(npm, ['run', 'build', '--', '--no-pdf'], project)
    expect(quick.stdout).toContain('wrote decks/example-guideline.md')
    expect(await readdir(path.join(project, 'dist', 'example-guideline'))).toContain('handout.html')

    const full = await shell(npm, ['run', 'build'], project, chromePath ? { CHROME_PATH: chromePath } : {})
    expect(full.stdout).toContain('1 browser start')
    expect(await readdir(path.join(project, 'dist', 'example-guideline'))).toEqual(expect.arrayContaining(['deck.pdf', 'deck.pptx', 'presenter.pdf', 'handout.pdf', 'summary.pdf']))

    const check = await shell(npx, ['--no-install', 'guidepress', 'check'], project)
    expect(check.stdout).toContain('every committed output matches a fresh build')
    // The version the CLI reports is the installed package's.
    expect((await shell(npx, ['--no-install', 'guidepress', '--version'], project)).stdout.trim()).toBe(JSON.parse(await readFile(path.join(toolkit, 'package.json'), 'utf8')).version)
  }, 900_000)
})
