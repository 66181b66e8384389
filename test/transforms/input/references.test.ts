import { mkdtemp, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadReferences, parseReferences } from '../../../transforms/input/references.ts'
import { makeWorkspace } from '../../helpers.ts'

const bib = `@article{smith2020,
  author  = {Smith, Jane and Jones, Ann},
  title   = {A trial of something},
  journal = {BMJ},
  year    = {2020},
  volume  = {368},
  pages   = {m100},
  doi     = {https://doi.org/10.1136/bmj.m100}
}
`
const json = JSON.stringify([{ id: 'who2020', type: 'book', title: 'A WHO guideline', publisher: 'World Health Organization', 'publisher-place': 'Geneva', issued: { 'date-parts': [[2020]] } }], null, 2)

const located = (files: Awaited<ReturnType<typeof parseReferences>>['files']): string[] =>
  files.flatMap((file) => file.messages.map((message) => `${file.path}:${message.line}:${message.column} ${message.ruleId}`))

describe('loading the bibliography', () => {
  it('reads BibTeX and CSL-JSON entries by key, the DOI bare', async () => {
    const { files, bibliography } = await parseReferences('/project', [bib, json])
    expect(located(files)).toEqual([])
    expect([...bibliography.entries.keys()]).toEqual(['smith2020', 'who2020'])
    expect(bibliography.entries.get('smith2020')?.item.DOI).toBe('10.1136/bmj.m100')
    expect(bibliography.entries.get('smith2020')?.place).toEqual({ line: 1, column: 10 })
    expect(bibliography.format(['who2020', 'smith2020'], 'en-GB')).toEqual(
      new Map([
        ['who2020', 'A WHO guideline. Geneva: World Health Organization; 2020.'],
        ['smith2020', 'Smith J, Jones A. A trial of something. BMJ. 2020;368:m100. doi:10.1136/bmj.m100']
      ])
    )
  })

  it('reports a BibTeX syntax error at its line and column, and uses no entry of that file', async () => {
    const broken = bib.replace('  journal = {BMJ},', '  journal = {BMJ}\n  oops')
    const { files, bibliography } = await parseReferences('/project', [broken, undefined])
    expect(located(files)).toEqual(['source/references.bib:5:3 references-invalid'])
    expect(files[0]?.messages[0]?.reason).toContain('expected `}` but found a field name')
    expect(bibliography.complete).toBe(false)
    expect(bibliography.entries.size).toBe(0)
  })

  it('reports a JSON syntax error at its line and column', async () => {
    const { files } = await parseReferences('/project', [undefined, '[\n  { "id": "a", "type": "book", }\n]'])
    expect(located(files)).toEqual(['source/references.json:2:32 references-invalid'])
  })

  it('refuses a CSL-JSON item without an id or a type, where it is written', async () => {
    const { files } = await parseReferences('/project', [undefined, '[\n  { "type": "book" },\n  { "id": "x" }\n]'])
    expect(located(files)).toEqual(['source/references.json:2:3 references-invalid', 'source/references.json:3:11 references-invalid'])
  })

  it('refuses a key defined twice, across the two files or within one, naming both places', async () => {
    const twice = JSON.stringify([{ id: 'Smith2020', type: 'book', title: 'Another' }], null, 2)
    const { files } = await parseReferences('/project', [`${bib}\n${bib}`, twice])
    expect(located(files)).toEqual(['source/references.bib:11:10 references-duplicate', 'source/references.json:3:11 references-duplicate'])
    expect(files[1]?.messages[0]?.reason).toContain('`Smith2020` (first at source/references.bib:1:10)')
  })

  it('refuses a DOI that is not one', async () => {
    const { files } = await parseReferences('/project', [bib.replace('https://doi.org/10.1136/bmj.m100', 'bmj.m100'), undefined])
    expect(located(files)).toEqual(['source/references.bib:1:10 references-invalid'])
  })

  it('refuses a references file that is a link leading out of the project, a folder or a named pipe', async () => {
    const outside = await mkdtemp(path.join(process.env.GUIDEPRESS_TEST_TMP ?? tmpdir(), 'guidepress-outside-'))
    await writeFile(path.join(outside, 'secret.bib'), bib)
    const root = await makeWorkspace({ 'source/references.json/inner.txt': 'a folder' })
    await symlink(path.join(outside, 'secret.bib'), path.join(root, 'source', 'references.bib'))
    const { files, bibliography } = await loadReferences(root)
    expect(located(files)).toEqual(['source/references.bib:1:1 file-not-regular', 'source/references.json:1:1 file-not-regular'])
    expect(files[0]?.messages[0]?.reason).toContain('leads outside')
    expect(bibliography.entries.size).toBe(0)
  })

  it('is empty and complete when there are no references files', async () => {
    const { files, bibliography } = await loadReferences(await makeWorkspace({}))
    expect(files).toEqual([])
    expect(bibliography.complete).toBe(true)
  })
})
