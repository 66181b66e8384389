// Links out of the project and special files, wherever a build reads or writes: refused before
// anything is read or written through them, as located errors naming the path.
import { execFileSync, spawn } from 'node:child_process'
import { cp, lstat, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { sharedInputsHash } from '../../../cli/project/cache.ts'
import { guideline, makeWorkspace, plain, runCli } from '../../helpers.ts'

const toolkit = path.join(import.meta.dirname, '../../..')
const bin = path.join(toolkit, 'bin', 'guidepress.js')
const secret = 'SYSTEM-FILE-NOT-FOR-HANDOUTS'

/** A folder outside the project, holding a file a build must never read or write into. */
async function outside(): Promise<string> {
  const dir = await mkdtemp(path.join(process.env.GUIDEPRESS_TEST_TMP ?? tmpdir(), 'guidepress-outside-'))
  await writeFile(path.join(dir, 'system.css'), `body::before { content: "${secret}" }\n`)
  await writeFile(path.join(dir, 'glossary.yml'), `bone: ${secret}\n`)
  return dir
}

async function allText(dir: string): Promise<string> {
  const names = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])
  const texts = await Promise.all(names.filter((entry) => entry.isFile()).map((entry) => readFile(path.join(entry.parentPath, entry.name), 'utf8')))
  return texts.join('\n')
}

describe('a link leading out of the project', () => {
  it.each([
    ['a theme file', 'themes/print.css', (away: string) => path.join(away, 'system.css')],
    ['the themes folder', 'themes', (away: string) => away],
    ['the glossary', 'source/glossary.yml', (away: string) => path.join(away, 'glossary.yml')],
    ['the images folder', 'source/images', (away: string) => away],
    ['decks/', 'decks', (away: string) => away],
    ['dist/', 'dist', (away: string) => away],
    ['handouts/', 'handouts', (away: string) => away],
    ['summaries/', 'summaries', (away: string) => away]
  ])('as %s is refused, naming it, and nothing is read or written through it', async (_, place, target) => {
    const root = await makeWorkspace({ 'source/bone-health.md': guideline() })
    const away = await outside()
    const before = await allText(away)
    await mkdir(path.dirname(path.join(root, place)), { recursive: true })
    if (place === 'themes/print.css') await cp(path.join(toolkit, 'themes/guidepress.css'), path.join(root, 'themes/guidepress.css'))
    await symlink(target(away), path.join(root, place))
    const run = await runCli(root, 'build', '--no-pdf')
    expect(run.code).toBe(1)
    expect(run.stderr).not.toContain('internal error')
    expect(run.stderr).toMatch(new RegExp(`${place.replace(/[./]/g, '\\$&')}\\n\\s*1:1\\s+error\\s+Unexpected link: \`${place.replace(/[./]/g, '\\$&')}\` leads outside the project`))
    expect(await allText(away)).toBe(before)
    if (place !== 'dist') expect(await allText(path.join(root, 'dist'))).not.toContain(secret)
  })

  it('as source/ itself is refused, once, naming it', async () => {
    const root = await makeWorkspace({})
    const away = await outside()
    await writeFile(path.join(away, 'bone-health.md'), guideline())
    await rm(path.join(root, 'source'), { recursive: true })
    await symlink(away, path.join(root, 'source'))
    const run = await runCli(root, 'build', '--no-pdf')
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/source\n\s*1:1\s+error\s+Unexpected link: `source` leads outside the project.*file-not-regular/)
    expect(run.stderr).not.toContain('source/images')
  })

  it('that stays inside the project is followed as before', async () => {
    const root = await makeWorkspace({ 'source/bone-health.md': guideline(), 'shared/print.css': await readFile(path.join(toolkit, 'themes/print.css'), 'utf8') })
    await mkdir(path.join(root, 'themes'))
    await symlink(path.join(root, 'shared/print.css'), path.join(root, 'themes/print.css'))
    expect((await runCli(root, 'build', '--no-pdf')).code).toBe(0)
  })
})

/** The CLI as a process, killed if it has not ended by `limitMs` (a blocked read would hang it). */
function buildProcess(root: string, limitMs: number, args = ['build', '--no-pdf']): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += plain(chunk.toString())))
    child.stderr.on('data', (chunk: Buffer) => (output += plain(chunk.toString())))
    const timer = setTimeout(() => child.kill('SIGKILL'), limitMs)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, output })
    })
  })
}

describe('a named pipe', () => {
  it.each(['source/glossary.yml', 'themes/guidepress.css', 'handouts/bone-health.md', 'dist/.guidepress-cache.json'])('as %s is refused at once, never read', async (place) => {
    const root = await makeWorkspace({ 'source/bone-health.md': guideline() })
    await mkdir(path.dirname(path.join(root, place)), { recursive: true })
    execFileSync('mkfifo', [path.join(root, place)])
    const run = await buildProcess(root, 30_000)
    // A hang is killed (code null); a refusal ends the build with a located error.
    expect(run.code, run.output).not.toBeNull()
    if (place.startsWith('source/') || place.startsWith('themes/')) {
      expect(run.code).toBe(1)
      expect(run.output).toMatch(new RegExp(`${place.replace(/[./]/g, '\\$&')}\\n\\s*1:1\\s+error\\s+Expected .* not a special file \\(a named pipe or device\\)`))
    } else {
      // An output or the cache that is a pipe is never read: the build replaces it with the new file.
      expect(run.code, run.output).toBe(0)
      expect((await lstat(path.join(root, place))).isFile()).toBe(true)
    }
  }, 60_000)
})

describe('guidepress check with a committed output that is a named pipe', () => {
  it('ends at once, naming the output as stale', async () => {
    const root = await makeWorkspace({ 'source/bone-health.md': guideline() })
    expect((await runCli(root, 'build', '--no-pdf')).code).toBe(0)
    await rm(path.join(root, 'summaries/bone-health.md'))
    execFileSync('mkfifo', [path.join(root, 'summaries/bone-health.md')])
    const run = await buildProcess(root, 30_000, ['check'])
    expect(run.code, run.output).toBe(1)
    expect(run.output).toMatch(/summaries\/bone-health\.md\n\s*1:1\s+error\s+Expected this output to exist.*output-stale/)
  }, 60_000)
})

describe('the build cache with no project glossary', () => {
  it('does not depend on the glossary guidepress ships', async () => {
    const root = await makeWorkspace({ 'source/bone-health.md': guideline() })
    const toolkitA = await makeWorkspace({ 'source/glossary.yml': 'bone: one explanation\n' })
    const toolkitB = await makeWorkspace({ 'source/glossary.yml': 'bone: another explanation\n' })
    expect(await sharedInputsHash(root, toolkitA)).toBe(await sharedInputsHash(root, toolkitB))
    // A project glossary does count.
    await writeFile(path.join(root, 'source/glossary.yml'), 'bone: the project explanation\n')
    expect(await sharedInputsHash(root, toolkitA)).not.toBe(await sharedInputsHash(await makeWorkspace({ 'source/bone-health.md': guideline() }), toolkitA))
  })
})

describe('diff and report never read a named pipe', () => {
  it('diff refuses a glossary that is a pipe, naming it, instead of hanging', async () => {
    const root = await makeWorkspace({ 'source/bone-health.md': guideline() })
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: root })
    git('init', '-q')
    git('add', '-A')
    git('commit', '-qm', 'one')
    execFileSync('mkfifo', [path.join(root, 'source/glossary.yml')])
    const run = await buildProcess(root, 30_000, ['diff', 'HEAD'])
    expect(run.code, run.output).toBe(1)
    expect(run.output).toMatch(/source\/glossary\.yml.*special file \(a named pipe or device\)/)
  }, 60_000)

  it('report skips a PDF in dist/ that is a pipe instead of hanging', async () => {
    const root = await makeWorkspace({ 'source/bone-health.md': guideline() })
    expect((await runCli(root, 'build', '--no-pdf')).code).toBe(0)
    execFileSync('mkfifo', [path.join(root, 'dist/bone-health/deck.pdf')])
    const run = await buildProcess(root, 30_000, ['report'])
    expect(run.code, run.output).toBe(0)
  }, 60_000)
})
