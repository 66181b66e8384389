import { execFile } from 'node:child_process'
import { readdir, rm, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import type { DiffReport } from '../../../cli/commands/diff/types.ts'
import { wordDiff } from '../../../cli/commands/diff/words.ts'
import { guideline, makeWorkspace, runCli } from '../../helpers.ts'

const execFileAsync = promisify(execFile)
const git = (root: string, ...args: string[]) => execFileAsync('git', args, { cwd: root })
const commit = async (root: string, message: string) => {
  await git(root, 'add', '-A')
  await git(root, '-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', message)
}

const topics = (second: { id: string; title: string; term: string }) => `title: Bone health
version: 1.0.0
updated: 2026-01-15
status: draft
topics:
  - id: bone-care
    title: Caring for bones
    terms: [bone]
  - id: ${second.id}
    title: ${second.title}
    terms: [${second.term}]`

const before = guideline({
  frontMatter: topics({ id: 'moving', title: 'Moving more', term: 'walk' }),
  body: `## Caring for bones {#bone-care}

Strong bone matters for everyone. Eat well.

- Take your medicines.

## Moving more {#moving}

Walk every day. It keeps you strong.
`
})

const after = guideline({
  frontMatter: topics({ id: 'eating', title: 'Eating well', term: 'calcium' }),
  body: `## Caring for bones {#bone-care}

Strong bone matters for older people. Eat well.

- Take your medicines.

## Eating well {#eating}

Calcium in milk, cheese and green vegetables helps keep your skeleton healthy.
`
})

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1

/** A git repository holding `before` in its first commit and `after` in its second. */
async function twoCommits(): Promise<string> {
  const root = await makeWorkspace({ 'source/bone-health.md': before })
  await git(root, 'init', '-q')
  await commit(root, 'first')
  await writeFile(path.join(root, 'source/bone-health.md'), after)
  await commit(root, 'second')
  return root
}

/** The Markdown report's part for one output: from its `###` heading to the next. */
function outputSection(markdown: string, name: string): string {
  const start = markdown.indexOf(`### ${name} ·`)
  const end = markdown.indexOf('\n### ', start + 1)
  return markdown.slice(start, end === -1 ? undefined : end)
}

describe('guidepress diff', () => {
  it('reports added, removed and changed sections with their ids, source lines and a word-diffed sentence', async () => {
    const root = await twoCommits()
    const run = await runCli(root, 'diff', 'HEAD~1')
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('## Bone health (`bone-health`)')
    const handout = outputSection(run.stdout, 'Handout')
    expect(handout).toContain(`- **Added** \`eating\` “Eating well” (\`source/bone-health.md:${lineOf(after, '## Eating well')}\``)
    expect(handout).toContain(`- **Removed** \`moving\` “Moving more” (\`source/bone-health.md:${lineOf(before, '## Moving more')}\` at \`HEAD~1\``)
    expect(handout).toContain(`- **Changed** \`bone-care\` “Caring for bones” (\`source/bone-health.md:${lineOf(after, '## Caring for bones')}\`)`)
    expect(handout).toContain(`(\`source/bone-health.md:${lineOf(after, 'Strong bone')}\`): Strong bone matters for ~~everyone~~ **older people**.`)
    // Quality figures that moved: readability and the coverage of topic terms.
    expect(handout).toMatch(/- handout grade \d+\.\d → \d+\.\d/)
    expect(handout).toContain('- topic moving: term “walk” no longer in handout')
    expect(outputSection(run.stdout, 'Deck')).toContain('**Changed** “Agenda” (written by guidepress)')
  })

  it('prints the same as stable JSON with --json', async () => {
    const root = await twoCommits()
    const run = await runCli(root, 'diff', 'HEAD~1', '--json')
    expect(run.code).toBe(0)
    const report = JSON.parse(run.stdout) as DiffReport
    expect(report).toMatchObject({ version: 1, ref: 'HEAD~1' })
    expect(report.commit).toMatch(/^[0-9a-f]{40}$/)
    const [bone] = report.guidelines
    expect(bone).toMatchObject({ id: 'bone-health', change: 'changed', inputs: ['source/bone-health.md'], oldErrors: 0 })
    const handout = bone?.outputs.find((output) => output.output === 'handout')
    expect(handout?.change).toBe('changed')
    expect(handout?.sections.map((section) => [section.change, section.id])).toEqual([
      ['changed', 'bone-care'],
      ['added', 'eating'],
      ['removed', 'moving']
    ])
    const removed = handout?.sections.find((section) => section.change === 'removed')
    expect(removed?.source).toEqual({ file: 'source/bone-health.md', line: lineOf(before, '## Moving more'), column: 1, side: 'old' })
    expect(handout?.sections[0]?.sentences).toEqual([
      {
        change: 'changed',
        old: 'Strong bone matters for everyone.',
        new: 'Strong bone matters for older people.',
        markdown: 'Strong bone matters for ~~everyone~~ **older people**.',
        outputLine: expect.any(Number),
        source: { file: 'source/bone-health.md', line: lineOf(after, 'Strong bone'), column: 1, side: 'new' }
      }
    ])
    expect(handout?.figures).toContainEqual(expect.objectContaining({ kind: 'coverage', topic: 'moving', term: 'walk', old: true, new: false }))
    expect(handout?.figures.find((figure) => figure.kind === 'readability')).toMatchObject({ old: expect.any(Number), new: expect.any(Number) })
  })

  it('says "No changes" when nothing changed, and per output when only another output changed', async () => {
    const root = await twoCommits()
    const nothing = await runCli(root, 'diff', 'HEAD')
    expect(nothing.code).toBe(0)
    expect(nothing.stdout).toContain('No changes')
    expect(nothing.stdout).not.toContain('## Bone health')

    await writeFile(path.join(root, 'source/bone-health.md'), after.replace('Eat well.\n', 'Eat well.\n\n:::deck\nCheck vitamin D.\n:::\n'))
    const deckOnly = await runCli(root, 'diff', 'HEAD')
    expect(deckOnly.code).toBe(0)
    expect(outputSection(deckOnly.stdout, 'Handout')).toContain('No changes.')
    expect(outputSection(deckOnly.stdout, 'Summary')).toContain('No changes.')
    expect(outputSection(deckOnly.stdout, 'Deck')).toContain('added, line')
    expect(outputSection(deckOnly.stdout, 'Deck')).toContain('**Check vitamin D.**')
  })

  it('lists guidelines added since the ref, and those a glossary change reaches', async () => {
    const root = await twoCommits()
    await writeFile(path.join(root, 'source/new-one.md'), guideline())
    await writeFile(path.join(root, 'source/glossary.yml'), 'bone: The hard frame of the body.\n')
    const run = await runCli(root, 'diff', 'HEAD', '--json')
    const report = JSON.parse(run.stdout) as DiffReport
    expect(report.guidelines.map((each) => [each.id, each.change, each.inputs])).toEqual([
      ['bone-health', 'changed', ['source/glossary.yml']],
      ['new-one', 'added', ['source/new-one.md', 'source/glossary.yml']]
    ])
    expect(report.guidelines[1]?.outputs.map((output) => output.change)).toEqual(['added', 'added', 'added'])
    const words = report.guidelines[0]?.outputs.find((output) => output.output === 'handout')?.sections
    expect(words).toEqual([expect.objectContaining({ change: 'added', title: 'Words to know', generated: true })])
  })

  it('exits 2 with a clear message for an unknown ref or outside a git repository, and writes nothing', async () => {
    const root = await twoCommits()
    const unknown = await runCli(root, 'diff', 'no-such-ref')
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('Unknown git ref `no-such-ref`')
    expect(unknown.stderr).not.toMatch(/^\s+at /m)
    expect((await runCli(root, 'diff')).code).toBe(2)
    expect((await runCli(root, 'build', '--json')).code).toBe(2)

    const plain = await makeWorkspace({ 'source/bone-health.md': guideline() })
    const outside = await runCli(plain, 'diff', 'HEAD')
    expect(outside.code).toBe(2)
    expect(outside.stderr).toMatch(/Expected a git repository/)
    expect((await readdir(root)).sort()).toEqual(['.git', 'source'])
  })

  it('exits 1 with located errors when the working tree does not build', async () => {
    const root = await twoCommits()
    await writeFile(path.join(root, 'source/bone-health.md'), after.replace('- Take your medicines.', '- Take your medicines.\n-'))
    const run = await runCli(root, 'diff', 'HEAD')
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/source\/bone-health\.md\n\s*\d+:1-\d+:2\s+error\s+Unexpected empty list item/)
    expect(run.stdout).toBe('')
  })

  it('reads the working tree as build does: a link leading out of source/ is an error, never read', async () => {
    const root = await twoCommits()
    const outside = path.join(root, 'outside.md')
    await writeFile(outside, after.replace('Walk every day.', 'SECRET-OUTSIDE-TEXT Walk every day.'))
    await rm(path.join(root, 'source/bone-health.md'))
    await symlink(outside, path.join(root, 'source/bone-health.md'))
    const run = await runCli(root, 'diff', 'HEAD')
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/source\/bone-health\.md\n\s*1:1\s+error\s+Unexpected link.*file-not-regular/)
    expect(`${run.stdout}${run.stderr}`).not.toContain('SECRET-OUTSIDE-TEXT')
  })
})

describe('word diffs', () => {
  it.each([
    ['It is treatable, but usually it cannot be cured.', 'It is treatable, but in most cases it cannot be cured.', 'It is treatable, but ~~usually~~ **in most cases** it cannot be cured.'],
    // A mark must not start with punctuation right after a letter (`pain**, tiredness**` shows the stars).
    ['Care helps with pain and other symptoms.', 'Care eases pain, tiredness and other symptoms.', 'Care ~~helps with pain~~ **eases pain, tiredness** and other symptoms.'],
    ['Call the team (stage 4).', 'Call the nurse (stage IV).', 'Call the ~~team~~ **nurse** (stage ~~4~~ **IV**).'],
    ['A b c.', 'A b c d.', 'A b c **d**.'],
    ['A x b', 'A b', 'A ~~x~~ b']
  ])('%s → %s', (old, now, expected) => {
    expect(wordDiff(old, now)).toBe(expected)
  })
})
