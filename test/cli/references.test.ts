// The shared bibliography through the CLI: a broken references file stops the build before
// anything is written; an edit to it rebuilds the guidelines (the cache counts it as an input);
// `guidepress diff` reads it at the ref as it reads the glossary.
import { execFile } from 'node:child_process'
import { readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import type { DiffReport } from '../../cli/commands/diff/types.ts'
import { guideline, makeWorkspace, readText, runCli } from '../helpers.ts'

const execFileAsync = promisify(execFile)
const git = (root: string, ...args: string[]) => execFileAsync('git', args, { cwd: root })

const bib = (title: string) => `@article{smith2020,
  author  = {Smith, Jane},
  title   = {${title}},
  journal = {BMJ},
  year    = {2020},
  doi     = {10.1136/bmj.m100}
}
`
const cited = guideline({ body: '## Caring for bones {#bone-care}\n\nStrong bone matters.[@smith2020]\n' })

describe('the bibliography in a build', () => {
  it('reports a malformed references.bib at its line and column, and writes nothing', async () => {
    const root = await makeWorkspace({ 'source/bone-health.md': cited, 'source/references.bib': bib('Bone care').replace('  year', '  year = 2020\n  oops') })
    const run = await runCli(root, 'build', '--no-pdf')
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/source\/references\.bib\n\s*6:3\s+error\s+Unexpected BibTeX/)
    expect(run.stderr).toContain('references-invalid')
    // The bibliography's error is the one reported, not an unknown key at each citation.
    expect(run.stderr).not.toContain('citation-unknown')
    expect((await readdir(root)).sort()).toEqual(['source'])
  })

  it('rebuilds a guideline when references.bib changes, and diff names the file at the ref', async () => {
    const root = await makeWorkspace({ 'source/bone-health.md': cited, 'source/references.bib': bib('Bone care in adults') })
    expect((await runCli(root, 'build', '--no-pdf')).code).toBe(0)
    expect(await readText(root, 'summaries/bone-health.md')).toContain('1. Smith J. Bone care in adults. BMJ. 2020. [doi:10.1136/bmj.m100](https://doi.org/10.1136/bmj.m100)')
    await git(root, 'init', '-q')
    await git(root, 'add', '-A')
    await git(root, '-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'first')

    await writeFile(path.join(root, 'source/references.bib'), bib('Bone care in older adults'))
    expect((await runCli(root, 'build', '--no-pdf')).code).toBe(0)
    expect(await readText(root, 'summaries/bone-health.md')).toContain('Smith J. Bone care in older adults.')

    const diff = await runCli(root, 'diff', 'HEAD', '--json')
    expect(diff.code).toBe(0)
    const report = JSON.parse(diff.stdout) as DiffReport
    expect(report.guidelines.map((each) => [each.id, each.inputs])).toEqual([['bone-health', ['source/references.bib']]])
  })
})
