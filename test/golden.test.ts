import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeWorkspace, readText, runCli } from './helpers.ts'

const goldenDir = path.join(import.meta.dirname, 'fixtures', 'golden')
const cases = await readdir(goldenDir)
const update = process.env.UPDATE === '1'

/**
 * Each case folder holds `source/` and the outputs a build must give in `expected/`.
 * `UPDATE=1 npx vitest run test/golden.test.ts` rewrites `expected/` from a fresh build.
 */
describe.each(cases)('golden outputs: %s', (name) => {
  it('builds exactly the expected Markdown', async () => {
    const root = await makeWorkspace({})
    await cp(path.join(goldenDir, name, 'source'), path.join(root, 'source'), { recursive: true })
    const run = await runCli(root, 'build', '--no-pdf')
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)

    const expectedDir = path.join(goldenDir, name, 'expected')
    const built: string[] = []
    for (const folder of ['decks', 'handouts', 'summaries']) {
      for (const file of await readdir(path.join(root, folder)).catch(() => [])) built.push(`${folder}/${file}`)
    }
    if (update) {
      for (const relative of built) {
        await mkdir(path.dirname(path.join(expectedDir, relative)), { recursive: true })
        await writeFile(path.join(expectedDir, relative), await readText(root, relative))
      }
    }
    const expected: string[] = []
    for (const folder of await readdir(expectedDir)) {
      for (const file of await readdir(path.join(expectedDir, folder))) expected.push(`${folder}/${file}`)
    }
    expect(built.sort()).toEqual(expected.sort())
    for (const relative of expected) {
      expect(await readText(root, relative), relative).toBe(await readFile(path.join(expectedDir, relative), 'utf8'))
    }
  })
})
