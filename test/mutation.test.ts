import { cp, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { makeWorkspace, runCli } from './helpers.ts'

/**
 * Each gate is shown failing on a real bad case: the flagship guideline, copied into a temporary
 * workspace and built, then broken in one way.
 */
const projectSource = path.join(import.meta.dirname, '..', 'source')
const id = 'metastatic-breast-cancer'
const sourcePath = (root: string) => path.join(root, 'source', `${id}.md`)

async function flagshipWorkspace(): Promise<string> {
  const root = await makeWorkspace({})
  await cp(projectSource, path.join(root, 'source'), { recursive: true })
  return root
}

/**
 * Changes every body line that reaches the handout: shared text, `:::handout` blocks (any fence
 * length) and `:::for` blocks whose audiences include the handout.
 */
function mapHandoutLines(source: string, change: (line: string) => string): string {
  const lines = source.split('\n')
  const start = lines.indexOf('---', 1)
  let block: string | undefined
  for (let index = start + 1; index < lines.length; index++) {
    const line = lines[index] ?? ''
    const opening = /^:{3,}(\w+)(\{[^}]*\})?/.exec(line)
    if (opening) block = opening[1] === 'for' && /\bhandout\b/.test(opening[2] ?? '') ? 'handout' : opening[1]
    else if (/^:{3,}\s*$/.test(line)) block = undefined
    else if (block === undefined || block === 'handout') lines[index] = change(line)
  }
  return lines.join('\n')
}

describe('mutations of the flagship guideline', () => {
  let built: string
  beforeAll(async () => {
    built = await flagshipWorkspace()
    const run = await runCli(built, 'build', '--no-pdf')
    expect(run.code).toBe(0)
  })

  it('starts from a clean check', async () => {
    expect((await runCli(built, 'check')).code).toBe(0)
  })

  it('fails coverage, naming topic, output and term, when a topic’s terms leave the handout text', async () => {
    const root = await flagshipWorkspace()
    const source = await readFile(sourcePath(root), 'utf8')
    const mutated = mapHandoutLines(source, (line) => (line.startsWith('[^') ? line : line.replace(/BRCA1/g, 'the first gene')))
    expect(mutated).not.toBe(source)
    await writeFile(sourcePath(root), mutated)
    const run = await runCli(root, 'check')
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('Expected term `BRCA1` of topic `hereditary-risk` in the handout')
    expect(run.stderr).toMatch(/topic-term-missing/)
  })

  it('fails the stale check, naming the file, when a committed output is edited by hand', async () => {
    const handout = path.join(built, 'handouts', `${id}.md`)
    const original = await readFile(handout, 'utf8')
    await writeFile(handout, original.replace('stage IV', 'stage 4'))
    const run = await runCli(built, 'check')
    await writeFile(handout, original)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(new RegExp(`handouts/${id}\\.md\\n\\s*\\d+:1\\s+error\\s+Expected this output to match a fresh build`))
  })

  it('fails the readability gate at the line of a long, complex paragraph added to the handout', async () => {
    const root = await flagshipWorkspace()
    const source = await readFile(sourcePath(root), 'utf8')
    const hard =
      'Notwithstanding considerable interindividual heterogeneity in pharmacokinetic parameters, contemporary multimodality therapeutic algorithms increasingly incorporate molecularly stratified, biomarker-directed systemic interventions whose comparative effectiveness remains incompletely characterised by prospective randomised investigations.'
    // Enough of it to lift the whole handout's average over grade 8 (12 did when the handout was shorter; 24 give 10.6).
    const paragraph = Array.from({ length: 24 }, () => hard).join(' ')
    const lines = source.split('\n')
    const at = lines.findIndex((line) => line === ':::handout') + 1
    lines.splice(at, 0, paragraph, '')
    await writeFile(sourcePath(root), lines.join('\n'))
    const run = await runCli(root, 'check')
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(new RegExp(`${at + 1}:1\\s+error\\s+Expected the handout to read at grade 8\\.0 or below`))
    expect(run.stderr).toMatch(new RegExp(`${at + 1}:1\\s+warning\\s+Unexpected hard sentence for patients`))
  })
})

describe('guidepress report', () => {
  it('prints the coverage matrix and figures for the flagship', async () => {
    const root = await flagshipWorkspace()
    const run = await runCli(root, 'report')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^# guidepress report\n\n## Metastatic breast cancer \(`metastatic-breast-cancer`\)/)
    expect(run.stdout).toContain('| topic | deck | handout | summary |')
    expect(run.stdout).toMatch(/\| Inherited risk[^|]*\(`hereditary-risk`\) \| ✅ \d+\/\d+ \| ✅ \d+\/\d+ \| ✅ \d+\/\d+ \|/)
    expect(run.stdout).toMatch(/\| handout \| \d\.\d \| \d+\.\d \| \d+ \| \d+ \| ✅ ≤ 8\.0 \|/)
    expect(run.stdout).toMatch(/\*\*Slides:\*\* \d+ slides/)
  })

  it('exits 1 and prints the messages when a guideline has errors', async () => {
    const root = await flagshipWorkspace()
    await writeFile(path.join(root, 'source', 'broken.md'), '# no front matter\n')
    const run = await runCli(root, 'report')
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('front-matter-missing')
    expect(run.stdout).toContain('## Metastatic breast cancer')
  })
})
