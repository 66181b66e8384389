import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
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
