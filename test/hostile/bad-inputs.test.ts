import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { guideline, makeWorkspace, runCli } from '../helpers.ts'

/**
 * Hostile and broken sources through the real command: each must give its rule at its place,
 * exit 1 (0 for input that is merely unusual), no stack trace, no change to anything built before,
 * in bounded time.
 */
const section = '## Caring for bones {#bone-care}\n\nStrong bone matters.\n'
const body = (extra: string) => guideline({ body: `${section}\n${extra}` })
const fm = (lines: string) => guideline({ frontMatter: lines })
const topicLines = 'topics:\n  - id: bone-care\n    title: Bones\n    terms: [bone]'

const cases: Array<{ name: string; source: string | Buffer; expected: string | undefined }> = [
  { name: 'invalid YAML', source: fm(`title: [unclosed\nversion: 1.0.0\nupdated: 2026-01-15\nstatus: draft\n${topicLines}`), expected: 'front-matter-invalid-yaml' },
  { name: '---js front matter', source: `---js\n{ title: 'x' }\n---\n\n${section}`, expected: '1:4 front-matter-not-yaml' },
  { name: '---javascript front matter', source: `---javascript\nmodule.exports = {}\n---\n\n${section}`, expected: '1:4 front-matter-not-yaml' },
  { name: '---json front matter', source: `---json\n{"title": "x"}\n---\n\n${section}`, expected: '1:4 front-matter-not-yaml' },
  { name: '---toml front matter', source: `---toml\ntitle = "x"\n---\n\n${section}`, expected: '1:4 front-matter-not-yaml' },
  { name: 'missing field', source: fm(`version: 1.0.0\nupdated: 2026-01-15\nstatus: draft\n${topicLines}`), expected: '2:1 front-matter-required-field' },
  { name: 'unknown field', source: fm(`title: T\nauthor: Me\nversion: 1.0.0\nupdated: 2026-01-15\nstatus: draft\n${topicLines}`), expected: '3:1 front-matter-unknown-field' },
  { name: 'mistyped field', source: fm(`title: T\nversion: 1.0.0\nupdated: 2026-01-15\nstatus: final\n${topicLines}`), expected: '5:9 front-matter-invalid-value' },
  { name: 'version not semver', source: fm(`title: T\nversion: v1\nupdated: 2026-01-15\nstatus: draft\n${topicLines}`), expected: '3:10 front-matter-invalid-value' },
  { name: 'approved without reviewers', source: fm(`title: T\nversion: 1.0.0\nupdated: 2026-01-15\nstatus: approved\n${topicLines}`), expected: '5:9 reviewers-required' },
  { name: 'duplicate topic ids', source: fm(`title: T\nversion: 1.0.0\nupdated: 2026-01-15\nstatus: draft\n${topicLines}\n  - id: bone-care\n    title: Again\n    terms: [bone]`), expected: '10:9 topic-id-duplicate' },
  { name: 'section with no topic', source: body('## Other {#other}\n\nText.\n'), expected: '16:1 heading-id-unknown' },
  { name: 'topic with no section', source: guideline({ body: '## Untracked\n\nbone\n' }), expected: '7:9 topic-section-missing' },
  { name: 'unknown directive', source: body(':::warning\nText.\n:::\n'), expected: '16:1 directive-unknown' },
  { name: 'bad recommendation label', source: body(':::recommendation{strength="weak" certainty="high"}\nText.\n:::\n'), expected: '16:1 recommendation-label-invalid' },
  { name: 'raw HTML', source: body('<div>Text</div>\n'), expected: '16:1 html-raw' },
  { name: '<script>', source: body('<script>alert(1)</script>\n'), expected: '16:1 html-raw' },
  { name: '<iframe>', source: body('<iframe src="https://example.org"></iframe>\n'), expected: '16:1 html-raw' },
  { name: 'event-handler attribute', source: body('Look <img src=x onerror="alert(1)"> here.\n'), expected: '16:6 html-raw' },
  { name: 'javascript: link', source: body('[go](javascript:alert(1))\n'), expected: '16:1 link-unsafe-protocol' },
  { name: 'vbscript: link', source: body('[go](vbscript:msgbox)\n'), expected: '16:1 link-unsafe-protocol' },
  { name: 'data: link', source: body('[go](data:text/html;base64,PHNjcmlwdD4=)\n'), expected: '16:1 link-unsafe-protocol' },
  { name: 'entity-encoded javascript: link', source: body('[go](&#106;avascript:alert(1))\n'), expected: '16:1 link-unsafe-protocol' },
  { name: 'tab inside the scheme', source: body('[go](java&#x09;script:alert(1))\n'), expected: '16:1 link-unsafe-protocol' },
  { name: 'image without alt text', source: body('![](images/dot.svg)\n'), expected: '16:1 image-alt-missing' },
  { name: 'image path with ../', source: body('![A dot](../package.json)\n'), expected: '16:1 image-path-outside' },
  { name: 'absolute image path', source: body('![A dot](/etc/passwd)\n'), expected: '16:1 image-path-outside' },
  { name: 'image path with a broken % escape', source: body('![A dot](images/%E0%A4%A.svg)\n'), expected: '16:1 image-path-invalid' },
  { name: 'image path naming a folder', source: body('![A dot](images)\n'), expected: '16:1 image-missing' },
  { name: 'image symlink leading outside', source: body('![A dot](images/escape.svg)\n'), expected: '16:1 image-path-outside' },
  { name: 'undefined footnote', source: body('See it.[^nowhere]\n'), expected: '16:8 footnote-undefined' },
  { name: 'unused footnote', source: body('[^lonely]: Nobody cites this.\n'), expected: '16:1 footnote-unused' },
  { name: 'empty list item', source: body('- bone\n-\n'), expected: '17:1 list-item-empty' },
  { name: 'paragraph ending in a colon', source: body('Options include:\n'), expected: '16:1 paragraph-dangling-colon' },
  { name: 'empty file', source: '', expected: '1:1 front-matter-missing' },
  { name: 'not UTF-8', source: Buffer.concat([Buffer.from('---\ntitle: Caf'), Buffer.from([0xe9]), Buffer.from('\n---\n')]), expected: '2:11 file-not-utf8' },
  { name: 'byte-order mark (accepted)', source: `\uFEFF${guideline()}`, expected: undefined },
  { name: 'CRLF line endings (accepted)', source: guideline().replace(/\n/g, '\r\n'), expected: undefined },
  { name: '---coffee front matter', source: `---coffee\ntitle: 'x'\n---\n\n${section}`, expected: '1:4 front-matter-not-yaml' },
  { name: 'YAML aliases expanding without bound', source: fm(`a: &a [x, x, x, x, x, x, x, x, x]\n${'bcdefgh'.split('').map((name, index) => `${name}: &${name} [${Array(9).fill(`*${'abcdefg'[index]}`).join(', ')}]`).join('\n')}\ntitle: T\nversion: 1.0.0\nupdated: 2026-01-15\nstatus: draft\n${topicLines}`), expected: '3:8 front-matter-invalid-yaml' },
  { name: 'unknown topic field', source: fm(`title: T\nversion: 1.0.0\nupdated: 2026-01-15\nstatus: draft\n${topicLines}\n    colour: red`), expected: '10:5 front-matter-unknown-field' },
  { name: 'date that is not a date', source: fm(`title: T\nversion: 1.0.0\nupdated: soon\nstatus: draft\n${topicLines}`), expected: '4:10 front-matter-invalid-value' },
  { name: 'unclosed block swallowing the next section', source: body(':::handout\nText.\n\n## Later\n\nMore.\n'), expected: '16:1 directive-unclosed' },
  { name: 'blocks nested 1,000 deep', source: body(`${':::deck\n'.repeat(1_000)}bone\n`), expected: '36:1 nesting-too-deep' },
  { name: '100,000 unmatched emphasis marks in one paragraph', source: body(`${'*a**'.repeat(25_000)}\n`), expected: '16:1 input-too-complex' },
  { name: '50,000 unclosed links in one paragraph', source: body(`${'[a]('.repeat(50_000)}\n`), expected: '16:1 input-too-complex' },
  { name: 'sentence too long for a slide', source: body(`${'bone '.repeat(70)}\n`), expected: '16:1 slide-overfull' },
  { name: 'file: link', source: body('[go](file:///etc/passwd)\n'), expected: '16:1 link-unsafe-protocol' },
  { name: 'javascript: autolink', source: body('<javascript:alert(1)>\n'), expected: '16:1 link-unsafe-protocol' },
  { name: 'javascript: link definition', source: body('[go][x]\n\n[x]: javascript:alert(1)\n'), expected: '18:1 link-unsafe-protocol' },
  { name: 'file: image', source: body('![A dot](file:///etc/passwd)\n'), expected: '16:1 image-path-outside' },
  { name: '# heading in the body', source: body('# Big\n'), expected: '16:1 heading-level-one' },
  { name: '5 MB source', source: body('Bone words fill this line to make the file large.\n'.repeat(110_000)), expected: '1:1 file-too-large' },
  { name: 'lists nested 10,000 deep', source: body(`${'- '.repeat(10_000)}bone\n`), expected: '16:1 nesting-too-deep' },
  { name: '40,000 headings (200 KB, under the size limit)', source: body('## H\n'.repeat(40_000)), expected: '16:1 section-empty' },
  { name: 'a source just over the size limit', source: body('x'.repeat(256 * 1024)), expected: '1:1 file-too-large' }
]

async function snapshot(root: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {}
  for (const folder of ['decks', 'handouts', 'summaries', 'dist']) {
    const walk = async (relative: string): Promise<void> => {
      for (const entry of await readdir(path.join(root, relative), { withFileTypes: true }).catch(() => [])) {
        const child = path.posix.join(relative, entry.name)
        if (entry.isDirectory()) await walk(child)
        else files[child] = createHash('sha256').update(await readFile(path.join(root, child))).digest('hex')
      }
    }
    await walk(folder)
  }
  return files
}

describe('bad input through guidepress build', () => {
  let slowest = { name: '', ms: 0 }

  it.each(cases)('$name', async ({ source, expected }) => {
    const root = await makeWorkspace({ 'source/good.md': guideline(), 'source/images/dot.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>' })
    await symlink('/etc/hostname', path.join(root, 'source/images/escape.svg'))
    expect((await runCli(root, 'build', '--no-pdf')).code).toBe(0)
    const before = await snapshot(root)
    await mkdir(path.join(root, 'source'), { recursive: true })
    await writeFile(path.join(root, 'source/bad.md'), source)

    const started = performance.now()
    const run = await runCli(root, 'build', '--no-pdf')
    const ms = performance.now() - started
    if (ms > slowest.ms) slowest = { name: String(expected), ms }

    // A guard against input that makes the build hang or go quadratic (minutes), not a speed
    // measurement (that is `npm run bench`): each case takes about 5 s alone, and up to 21 s while
    // the whole suite shares 2 cores, so the bound leaves room for that.
    expect(ms).toBeLessThan(45_000)
    expect(run.stderr).not.toMatch(/^\s+at /m)
    expect(run.stderr).not.toContain('internal error')
    if (expected === undefined) {
      expect(run.code).toBe(0)
      return
    }
    expect(run.code).toBe(1)
    const [place, ruleId] = expected.includes(' ') ? expected.split(' ') : [undefined, expected]
    expect(run.stderr).toMatch(new RegExp(`source/bad\\.md\\n(?:.*\\n)*?\\s*${place ? `${place}(?:-\\d+:\\d+)?` : '\\d+:\\d+(?:-\\d+:\\d+)?'}\\s+error\\s.*${ruleId}`))
    expect(await snapshot(root)).toEqual(before)
  }, 60_000)

  it('reports its slowest case', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30)
    console.info(`bad inputs: ${cases.length}; slowest ${slowest.name} at ${slowest.ms.toFixed(0)} ms`)
  })
})

describe('a source that is not a plain file', () => {
  const kinds: Array<{ name: string; make: (file: string) => Promise<void> | void; message: RegExp }> = [
    { name: 'a folder named like a guideline', make: (file) => mkdir(file), message: /not a folder/ },
    { name: 'a link to nothing', make: (file) => symlink('/nowhere/at/all.md', file), message: /link to nothing/ },
    { name: 'a link to a file outside source/', make: (file) => symlink('/etc/passwd', file), message: /leads outside/ },
    { name: 'a named pipe, which would block a read for ever', make: (file) => void execFileSync('mkfifo', [file]), message: /special file/ }
  ]

  it.each(kinds)('$name is a located error, read from nowhere, changing nothing', async ({ make, message }) => {
    const root = await makeWorkspace({ 'source/good.md': guideline() })
    expect((await runCli(root, 'build', '--no-pdf')).code).toBe(0)
    const before = await snapshot(root)
    await make(path.join(root, 'source/bad.md'))

    const run = await runCli(root, 'build', '--no-pdf')
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/source\/bad\.md\n\s*1:1\s+error\s.*file-not-regular/)
    expect(run.stderr).toMatch(message)
    expect(run.stderr).not.toContain('root:')
    expect(await snapshot(root)).toEqual(before)
  }, 30_000)

  it('reads a link that stays inside source/ as the guideline it leads to', async () => {
    const root = await makeWorkspace({ 'source/drafts/real.md': guideline() })
    await symlink('drafts/real.md', path.join(root, 'source/linked.md'))
    expect((await runCli(root, 'build', '--no-pdf')).code).toBe(0)
  })
})
