import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { guideline, makeWorkspace, readText, runCli } from '../helpers.ts'

const outputsOf = (id: string) => [`decks/${id}.md`, `handouts/${id}.md`, `summaries/${id}.md`]

async function outputFiles(root: string): Promise<string[]> {
  const found: string[] = []
  for (const folder of ['decks', 'handouts', 'summaries']) {
    for (const name of await readdir(path.join(root, folder)).catch(() => [])) found.push(`${folder}/${name}`)
  }
  return found.sort()
}

describe('guidepress build', () => {
  it('writes the three outputs, and a second build changes nothing', async () => {
    const root = await makeWorkspace({ 'source/bone-health.md': guideline() })
    const first = await runCli(root, 'build', '--no-pdf')
    expect(first.code).toBe(0)
    expect(first.stdout).toContain('wrote decks/bone-health.md')
    expect(await outputFiles(root)).toEqual(outputsOf('bone-health').sort())
    const before = await Promise.all(outputsOf('bone-health').map((file) => readText(root, file)))

    const second = await runCli(root, 'build', '--no-pdf')
    expect(second.code).toBe(0)
    expect(second.stdout).toContain('Nothing to build: 1 guideline unchanged')
    // Rebuilt from scratch, the same source gives the same bytes.
    const forced = await runCli(root, 'build', '--no-pdf', '--force')
    expect(forced.stdout).not.toMatch(/wrote (decks|handouts|summaries)\//)
    expect(forced.stdout).toContain('0 Markdown files written (3 unchanged)')
    expect(await Promise.all(outputsOf('bone-health').map((file) => readText(root, file)))).toEqual(before)
  })

  it('builds only the guidelines named', async () => {
    const root = await makeWorkspace({ 'source/bone-health.md': guideline(), 'source/other.md': guideline() })
    expect((await runCli(root, 'build', '--no-pdf', 'other')).code).toBe(0)
    expect(await outputFiles(root)).toEqual(outputsOf('other').sort())
  })

  it('writes nothing at all when one guideline among valid ones has an error, and names file:line:column', async () => {
    const root = await makeWorkspace({
      'source/a-valid.md': guideline(),
      'source/broken.md': guideline({ body: '## Caring for bones {#bone-care}\n\nBone.\n\n<iframe src="x"></iframe>\n' }),
      'source/z-valid.md': guideline()
    })
    const run = await runCli(root, 'build', '--no-pdf')
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/source\/broken\.md\n\s*16:1-16:26\s+error\s+Unexpected raw HTML `<iframe>`.*html-raw/)
    expect(run.stderr).toContain('Nothing was written')
    expect(await outputFiles(root)).toEqual([])
  })

  it('keeps previously built outputs when a later build fails', async () => {
    const root = await makeWorkspace({ 'source/bone-health.md': guideline() })
    await runCli(root, 'build', '--no-pdf')
    const before = await readText(root, 'handouts/bone-health.md')
    await writeFile(path.join(root, 'source/bone-health.md'), guideline({ body: '## Caring for bones {#bone-care}\n\nNew bone text.\n\n# Oops\n' }))
    expect((await runCli(root, 'build', '--no-pdf')).code).toBe(1)
    expect(await readText(root, 'handouts/bone-health.md')).toBe(before)
  })

  it('rejects ---js front matter that would write a file, and never runs it', async () => {
    const marker = 'evaluated.txt'
    const root = await makeWorkspace({
      'source/attack.md': `---js\n{ title: require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran') }\n---\n\n## A {#a}\n\nText.\n`,
      'source/bone-health.md': guideline()
    })
    const run = await runCli(root, 'build', '--no-pdf')
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/source\/attack\.md\n\s*1:4\s+error\s+Unexpected `---js` front matter.*front-matter-not-yaml/)
    expect(existsSync(path.join(root, marker))).toBe(false)
    expect(existsSync(path.join(process.cwd(), marker))).toBe(false)
    expect(await outputFiles(root)).toEqual([])
  })

  it('prints warnings but still builds', async () => {
    const root = await makeWorkspace({
      'source/bone-health.md': guideline({ frontMatter: 'title: Bones\nversion: 1.0.0\nupdated: 2026-01-15\nnext-review: 2026-02-01\nstatus: draft\ntopics:\n  - id: bone-care\n    title: Bones\n    terms: [bone]' })
    })
    const run = await runCli(root, 'build', '--no-pdf')
    expect(run.code).toBe(0)
    expect(run.stderr).toMatch(/5:14\s+warning\s+Expected `next-review`/)
  })

  it('reports a broken glossary with its line', async () => {
    const root = await makeWorkspace({ 'source/bone-health.md': guideline(), 'source/glossary.yml': 'bone: The hard frame of the body.\nfracture:\n' })
    const run = await runCli(root, 'build', '--no-pdf')
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/source\/glossary\.yml\n\s*2:1\s+error\s+Expected a plain-language explanation for `fracture`.*glossary-invalid/)
  })
})

describe('guidepress check', () => {
  it('passes after a build, and fails naming each stale or orphaned file', async () => {
    const root = await makeWorkspace({ 'source/bone-health.md': guideline() })
    expect((await runCli(root, 'check')).code).toBe(1)
    await runCli(root, 'build', '--no-pdf')
    const clean = await runCli(root, 'check')
    expect(clean.code).toBe(0)
    expect(clean.stdout).toContain('1 guideline valid')

    const handout = path.join(root, 'handouts/bone-health.md')
    await writeFile(handout, (await readFile(handout, 'utf8')).replace('Strong bone matters.', 'Edited by hand.'))
    await writeFile(path.join(root, 'decks/old-guideline.md'), '# Left behind\n')
    const stale = await runCli(root, 'check')
    expect(stale.code).toBe(1)
    // The source map names the source line the differing output line was made from.
    expect(stale.stderr).toMatch(/handouts\/bone-health\.md\n\s*8:1\s+error\s+Expected this output to match a fresh build \(first difference at line 8, made from source\/bone-health\.md:14\).*output-stale/)
    expect(stale.stderr).toMatch(/decks\/old-guideline\.md\n\s*1:1\s+error\s+Unexpected output with no guideline.*output-stale/)

    // The build removes the output no guideline makes (it reports it), so check passes again.
    expect((await runCli(root, 'build', '--no-pdf')).stdout).toContain('removed decks/old-guideline.md')
    expect(existsSync(path.join(root, 'decks/old-guideline.md'))).toBe(false)
    expect((await runCli(root, 'check')).code).toBe(0)
  })

  it('fails on content errors', async () => {
    const root = await makeWorkspace({ 'source/bone-health.md': guideline({ body: '## Caring for bones {#bone-care}\n\nBone [^missing].\n' }) })
    const run = await runCli(root, 'check')
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('footnote-undefined')
  })
})

describe('guidepress new', () => {
  it('writes a starter guideline that builds and checks clean', async () => {
    const root = await makeWorkspace({})
    const created = await runCli(root, 'new', 'bone-health')
    expect(created.code).toBe(0)
    const build = await runCli(root, 'build', '--no-pdf')
    expect(build.stderr).toBe('')
    expect(build.code).toBe(0)
    expect(await outputFiles(root)).toEqual(outputsOf('bone-health').sort())
    expect((await runCli(root, 'check')).code).toBe(0)
  })

  it('refuses to overwrite, and refuses ids that are not kebab-case', async () => {
    const root = await makeWorkspace({ 'source/bone-health.md': 'mine' })
    expect((await runCli(root, 'new', 'bone-health')).code).toBe(2)
    expect(await readText(root, 'source/bone-health.md')).toBe('mine')
    expect((await runCli(root, 'new', 'Bone Health')).code).toBe(2)
  })
})

describe('usage errors exit 2', () => {
  it.each([[['frobnicate']], [['build', '--frobnicate']], [['build', 'no-such-guideline']], [['check', 'extra']], [['check', '--timings']], [['new']], [[]]])('guidepress %j', async (argv) => {
    const root = await makeWorkspace({ 'source/bone-health.md': guideline() })
    const run = await runCli(root, ...argv)
    expect(run.code).toBe(2)
    expect(run.stderr + run.stdout).toContain('Usage: guidepress')
  })
})

describe('the installed command', () => {
  const bin = path.join(import.meta.dirname, '../..', 'bin', 'guidepress.js')
  const run = promisify(execFile)

  it('exits 1 with a located message and no stack trace on bad input', async () => {
    const root = await makeWorkspace({ 'source/bone-health.md': guideline({ body: '## Caring for bones {#bone-care}\n\n- bone\n-\n' }) })
    const failure = await run(process.execPath, [bin, 'build'], { cwd: root }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error
    )
    expect(failure?.code).toBe(1)
    expect(failure?.stderr).toMatch(/source\/bone-health\.md\n\s*15:1-15:2\s+error\s+Unexpected empty list item/)
    expect(failure?.stderr).not.toMatch(/^\s+at /m)
  })

  it('prints its version', async () => {
    const { stdout } = await run(process.execPath, [bin, '--version'])
    const pkg = JSON.parse(await readFile(path.join(import.meta.dirname, '../..', 'package.json'), 'utf8')) as { version: string }
    expect(stdout.trim()).toBe(pkg.version)
  })
})

describe('guidepress build with rendering', () => {
  it('writes HTML, PDF and PPTX for every guideline with one browser start, and checks PDF text', async () => {
    const root = await makeWorkspace({ 'source/bone-health.md': guideline(), 'source/other-bones.md': guideline() })
    const { cp } = await import('node:fs/promises')
    await cp(path.join(import.meta.dirname, '../..', 'themes'), path.join(root, 'themes'), { recursive: true })
    const run = await runCli(root, 'build', '--timings')
    // Was: no stderr at all. The short fixture's section slides end in their top third, which the build
    // now reports (slide-sparse-rendered, issue 15); nothing else may be printed.
    expect(run.stderr.split('\n').filter((line) => line.trim() !== '' && !/^source\/[\w-]+\.md$/.test(line) && !/warning Slide \d+ is nearly empty: .* slide-sparse-rendered guidepress$/.test(line) && !/^⚠ \d+ warnings?$/.test(line))).toEqual([])
    expect(run.code).toBe(0)
    for (const id of ['bone-health', 'other-bones']) {
      for (const name of ['deck.html', 'deck.pdf', 'deck.pptx', 'presenter.pdf', 'handout.html', 'handout.pdf', 'summary.html', 'summary.pdf', 'deck.map.json', 'handout.map.json', 'summary.map.json']) {
        expect(existsSync(path.join(root, 'dist', id, name)), `${id}/${name}`).toBe(true)
      }
    }
    expect(existsSync(path.join(root, 'dist', 'index.html'))).toBe(true)
    expect(run.stdout).toMatch(/✔ Built 2 guidelines: 6 Markdown files written \(0 unchanged\), 23 files in dist\/, 1 browser start, in \d+\.\d s/)
    // --timings: every step, in the order they ended, each at its time since the start.
    const timings = /^Timings \(seconds since start\): (.*)$/m.exec(run.stdout)?.[1] ?? ''
    const steps = timings.split(', ').map((each) => /^(.*) (\d+\.\d\d)$/.exec(each)).map((match) => ({ step: match?.[1], at: Number(match?.[2]) }))
    expect(steps.map((each) => each.step).filter((step) => step !== 'browser started')).toEqual(['planned', 'transformed', 'rendered', 'committed', 'browser closed', 'done'])
    expect(steps.map((each) => each.step)).toContain('browser started')
    expect(steps.map((each) => each.at)).toEqual(steps.map((each) => each.at).sort((a, b) => a - b))
  }, 120_000)

  it('with --no-pdf writes Markdown and HTML without starting a browser', async () => {
    const root = await makeWorkspace({ 'source/bone-health.md': guideline() })
    const { cp } = await import('node:fs/promises')
    await cp(path.join(import.meta.dirname, '../..', 'themes'), path.join(root, 'themes'), { recursive: true })
    const run = await runCli(root, 'build', '--no-pdf')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('0 browser starts')
    expect(existsSync(path.join(root, 'dist', 'bone-health', 'handout.html'))).toBe(true)
    expect(existsSync(path.join(root, 'dist', 'bone-health', 'handout.pdf'))).toBe(false)
  })
})
