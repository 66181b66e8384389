import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { main } from '../../cli/main.ts'
import { fixedToday, guideline, makeWorkspace } from '../helpers.ts'

/**
 * Sources, file names and front-matter keys are untrusted: whatever the CLI prints (messages,
 * `report`, `diff`) must show their control characters escaped, never send them to the terminal.
 */
const execFileAsync = promisify(execFile)
const git = (root: string, ...args: string[]) => execFileAsync('git', args, { cwd: root })

/** Runs the CLI and returns what it printed, raw (colour codes and all). */
async function rawRun(root: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = []
  const err: string[] = []
  const code = await main(argv, { cwd: root, today: fixedToday, stdout: (text) => out.push(text), stderr: (text) => err.push(text) })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

/** Control characters left after guidepress's own colour codes are taken out. */
function rawControls(text: string): string[] {
  // eslint-disable-next-line no-control-regex
  const withoutOwnColours = text.replace(/\u001b\[(?:1|2|4|22|24|31|32|33|36|39)m/g, '')
  // eslint-disable-next-line no-control-regex
  return [...withoutOwnColours.matchAll(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g)].map((match) => match[0])
}

const frontMatterWith = (extra: string, title = 'Bone health') => `title: ${JSON.stringify(title)}
version: 1.0.0
updated: 2026-01-15
status: draft
${extra}topics:
  - id: bone-care
    title: Caring for bones
    terms: [bone]`

describe('control characters are shown escaped in every message', () => {
  it.each([
    { what: 'a key that retitles the window and clears the screen', extra: '"note\\e]2;owned\\a\\e[2J\\e[H": x\n', shown: 'note\\x1B]2;owned\\x07\\x1B[2J\\x1B[H' },
    { what: 'a key that hides what follows', extra: '"a\\e[8m": x\n', shown: 'a\\x1B[8m' },
    { what: 'a key with an 8-bit control sequence', extra: '"b\\x9b2J": x\n', shown: 'b\\x9B2J' },
    { what: 'a key that reverses the text after it', extra: '"c\\u202Ed": x\n', shown: 'c\\u202Ed' }
  ])('$what', async ({ extra, shown }) => {
    const root = await makeWorkspace({ 'source/bone-health.md': guideline({ frontMatter: frontMatterWith(extra) }) })
    const run = await rawRun(root, 'build', '--no-pdf')
    expect(run.code).toBe(1)
    expect(run.err).toContain(shown)
    expect(rawControls(run.err + run.out)).toEqual([])
  })

  it('in a file name', async () => {
    const root = await makeWorkspace({ 'source/x\u001b]0;t\u0007.md': guideline() })
    const run = await rawRun(root, 'check')
    expect(run.code).toBe(1)
    expect(run.err).toContain('x\\x1B]0;t\\x07')
    expect(rawControls(run.err + run.out)).toEqual([])
  })
})

describe('report and diff print no control character', () => {
  const hostileTitle = 'Bones \u001b]8;;https://example.org\u0007link\u001b]8;;\u0007 \u009b31m red \u202eright'

  it('report', async () => {
    const root = await makeWorkspace({ 'source/bone-health.md': guideline({ frontMatter: frontMatterWith('', hostileTitle) }) })
    const run = await rawRun(root, 'report')
    expect(rawControls(run.out + run.err)).toEqual([])
    expect(run.out).toContain('\\x9B31m red \\u202Eright')
  })

  it('diff, as Markdown and as JSON', async () => {
    const root = await makeWorkspace({ 'source/bone-health.md': guideline() })
    await git(root, 'init', '-q')
    await git(root, 'add', '-A')
    await git(root, '-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'first')
    const { writeFile } = await import('node:fs/promises')
    await writeFile(`${root}/source/bone-health.md`, guideline({ frontMatter: frontMatterWith('', hostileTitle) }))
    const markdown = await rawRun(root, 'diff', 'HEAD')
    expect(markdown.code).toBe(0)
    expect(rawControls(markdown.out + markdown.err)).toEqual([])
    expect(markdown.out).toContain('\\u202Eright')
    const json = await rawRun(root, 'diff', 'HEAD', '--json')
    expect(rawControls(json.out + json.err)).toEqual([])
    expect(JSON.parse(json.out).guidelines[0].title).toBe(hostileTitle)
  })
})
