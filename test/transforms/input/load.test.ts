import { describe, expect, it } from 'vitest'
import { loadGuideline } from '../../../transforms/input/load.ts'
import { guideline, makeWorkspace, messagesOf, readText, runCli } from '../../helpers.ts'

describe('loadGuideline', () => {
  it('reads a byte-order mark and CRLF line endings as if they were not there', async () => {
    const text = guideline()
    const root = await makeWorkspace({ 'source/plain.md': text, 'source/windows.md': `\uFEFF${text.replace(/\n/g, '\r\n')}` })
    expect(String((await loadGuideline(root, 'windows')).value)).toBe(text)
    expect((await runCli(root, 'build', '--no-pdf')).code).toBe(0)
    expect(await readText(root, 'handouts/windows.md')).toBe(await readText(root, 'handouts/plain.md'))
  })

  it('refuses a file that is not UTF-8, at the line of the first bad byte', async () => {
    const latin1 = Buffer.concat([Buffer.from('---\ntitle: Caf'), Buffer.from([0xe9]), Buffer.from('\n---\n')])
    const root = await makeWorkspace({ 'source/latin.md': latin1 })
    const file = await loadGuideline(root, 'latin')
    expect(messagesOf(file)).toEqual(['file-not-utf8@2:11'])
  })

  it('refuses a file name that is not kebab-case', async () => {
    const root = await makeWorkspace({ 'source/Bone_Health.md': guideline() })
    expect(messagesOf(await loadGuideline(root, 'Bone_Health'))).toEqual(['file-name-invalid@1:1'])
  })
})
