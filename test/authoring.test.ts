import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ruleUrl } from '../transforms/messages.ts'
import { makeWorkspace, runCli } from './helpers.ts'

const authoringGuide = path.join(import.meta.dirname, '..', 'docs', 'authoring.md')

describe('docs/authoring.md', () => {
  it('holds a complete example that builds exactly as written', async () => {
    const doc = await readFile(authoringGuide, 'utf8')
    const example = /## A complete example[\s\S]*?```markdown\n([\s\S]*?)\n```\n?$/.exec(doc)?.[1]
    expect(example).toBeDefined()
    const root = await makeWorkspace({
      'source/bone-health.md': `${example}\n`,
      'source/images/bone-sites.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>',
      'source/glossary.yml': 'fracture: A broken bone.\n'
    })
    const run = await runCli(root, 'build', '--no-pdf')
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
  })
})

describe('the rule table in docs/authoring.md', () => {
  it('explains every rule a message can carry', async () => {
    const doc = await readFile(authoringGuide, 'utf8')
    const ruleIds = await ruleIdsInCode()
    // The scan itself must find the rules, or this test would pass by finding none.
    expect(ruleIds.size).toBeGreaterThan(40)
    const undocumented = [...ruleIds].filter((id) => !doc.includes(`\`${id}\``))
    expect(undocumented).toEqual([])
  })

  it('has an anchor on each rule row, which messages link to as their url', async () => {
    const doc = await readFile(authoringGuide, 'utf8')
    const ruleIds = await ruleIdsInCode()
    expect(ruleIds.size).toBeGreaterThan(40)
    const rows = doc.split('\n').filter((line) => line.startsWith('| <a id='))
    const unanchored = [...ruleIds].filter((id) => !rows.some((row) => row.includes(`<a id="${id}"></a>`) && row.includes(`\`${id}\``)))
    expect(unanchored).toEqual([])
    expect(ruleUrl('heading-level-one')).toBe('docs/authoring.md#heading-level-one')
  })
})

/** Every rule id a message can carry, found in the code of transforms/, render/ and cli/. */
async function ruleIdsInCode(): Promise<Set<string>> {
  const ruleIds = new Set<string>()
  const folders = ['transforms', 'render', 'cli'].map((folder) => path.join(import.meta.dirname, '..', folder))
  for (const file of (await Promise.all(folders.map(sourceFiles))).flat()) {
    const code = await readFile(file, 'utf8')
    // The rule is the last argument of reportError/reportWarning, or a `ruleId:` field.
    for (const match of code.matchAll(/report(?:Error|Warning)\([\s\S]*?'([a-z]+(?:-[a-z]+)+)'\s*\)|ruleId: '([a-z]+(?:-[a-z]+)+)'/g)) {
      ruleIds.add(match[1] ?? match[2] ?? '')
    }
  }
  return ruleIds
}

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true })
  const nested = await Promise.all(entries.map((entry) => (entry.isDirectory() ? sourceFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)])))
  return nested.flat().filter((file) => file.endsWith('.ts'))
}
