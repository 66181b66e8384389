// The validators are unified plugins: a unified user runs them with .use() after remark-parse and
// remark-directive, with no guidepress pipeline around them, and gets located messages. Per-file
// data (the front matter's topics, the source folder) comes through file.data, not attach options.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import remarkDirective from 'remark-directive'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { validateImages, validateLinks, validateSections, validators } from '../../../transforms/validate/index.ts'

const located = (file: VFile): string[] => file.messages.map((message) => `${message.ruleId}@${message.line}:${message.column}`)
const body = '# A title\n\n## Care\n\nSee [this](javascript:alert(1)).\n\n![](images/dot.svg)\n'

async function sourceFolder(): Promise<string> {
  const dir = await mkdtemp(path.join(process.env.GUIDEPRESS_TEST_TMP ?? tmpdir(), 'guidepress-unified-'))
  await mkdir(path.join(dir, 'source', 'images'), { recursive: true })
  return path.join(dir, 'source')
}

describe('guidepress validators as unified plugins', () => {
  it('report located messages with rule ids when used after remark-parse and remark-directive', async () => {
    const source = await sourceFolder()
    const processor = unified().use(remarkParse).use(remarkDirective).use(validateSections).use(validateLinks).use(validateImages)
    const file = new VFile({ path: path.join(source, 'guide.md'), value: body })
    file.data.topicIds = ['follow-up']
    await processor.run(processor.parse(file), file)
    expect(located(file)).toEqual([
      'heading-level-one@1:1',
      'content-before-section@1:1',
      'topic-section-missing@1:1',
      'link-unsafe-protocol@5:5',
      'image-alt-missing@7:1',
      'image-missing@7:1'
    ])
    expect(file.messages.every((message) => message.source === 'guidepress' && message.fatal === true)).toBe(true)
    // Each links to its rule's row in the authoring guide, as unified-lint-rule's messages do.
    expect(file.messages.map((message) => message.url)).toEqual(file.messages.map((message) => `docs/authoring.md#${message.ruleId}`))
  })

  it('attach without touching the disk, and read the source folder from file.data', async () => {
    const processor = unified().use(remarkParse).use(remarkDirective).use(validators).freeze()
    const source = await sourceFolder()
    await writeFile(path.join(source, 'images', 'dot.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>')
    const file = new VFile({ value: body.replace('![]', '![a dot]') })
    file.data.sourceDir = source
    await processor.run(processor.parse(file), file)
    expect(located(file).filter((message) => message.startsWith('image'))).toEqual([])
  })
})
