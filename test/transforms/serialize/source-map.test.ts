import { cp, readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { transformAll } from '../../../cli/commands/build.ts'
import { sourceMapsOf, sourcePlaceOf, type SourceMap, type SourceMapBlock } from '../../../transforms/serialize/source-map.ts'
import { fixedToday, guideline, makeWorkspace, runCli, transformText } from '../../helpers.ts'

const repoRoot = path.join(import.meta.dirname, '../../..')
const goldenDir = path.join(import.meta.dirname, '..', '..', 'fixtures', 'golden')

/** The first words of an output line, without list, quote or heading marks, labels, citations or inline syntax. */
function firstWords(line: string): string {
  // A continuation slide's title is its section's title, then what the slide shows ("Where it spreads: Outline of a body").
  const heading = /^#+\s/.test(line) && !/^#+\s+Recommendations?\b/.test(line) ? line.replace(/: .*$/, '') : line
  return plain(
    heading
      .replace(/^\s*(?:[-*]|\d+[.)]|>|#+)\s+/, '')
      .replace(/^\*\*[^*]+\*\*\s*/, '')
      .replace(/^Recommendations?: /, '')
      .replace(/ \(continued\)$/, '')
  )
    .split(/\s+/)
    .slice(0, 3)
    .join(' ')
}

function plain(text: string): string {
  return text.replace(/[*_`\\[\]!]|[⁰¹²³⁴⁵⁶⁷⁸⁹]+,?/g, '')
}

/** The line a block's text starts on: a presenter-notes comment starts with `<!--` (and perhaps a label), an alert box with its generated heading, a recommendation with its badge line. */
function textLine(lines: string[], block: SourceMapBlock): string {
  const at = lines.slice(block.output.start - 1, block.output.end).findIndex((line) => !/^<!--$|^Presenter notes$|^$|^> ### ⚠ |^>$|^> (\*\*●●|_●○) /.test(line))
  return lines[block.output.start - 1 + Math.max(at, 0)] ?? ''
}

/** Every block that came from the source: its mapped line, from its column on, holds the block's first words. */
function expectBlocksTraceBack(map: SourceMap, output: string, source: string): number {
  const outputLines = output.split('\n')
  const sourceLines = source.split('\n')
  let checked = 0
  for (const block of map.blocks) {
    if (block.generated || !block.source) continue
    const line = textLine(outputLines, block)
    const words = firstWords(line)
    const at = plain((sourceLines[block.source.line - 1] ?? '').slice(block.source.column - 1))
    const place = `${map.output}:${block.output.start} → ${map.source}:${block.source.line}`
    if (/^#+\s/.test(line) && !at.includes(words)) {
      // A continuation slide titled from its content (a caption, a sub-heading, a figure's alt text)
      // maps to its section's heading; the words of its title come from the source all the same.
      expect(at, place).toMatch(/^## /)
      expect(plain(source), place).toContain(firstWords(line.replace(/^#+\s+[^:]*: /, '## ')))
    } else {
      expect(at, place).toContain(words)
    }
    checked++
  }
  return checked
}

describe('source maps', () => {
  it('trace every block of the flagship and the golden fixtures to the source line that produced it', async () => {
    const roots = [repoRoot]
    for (const name of ['every-feature', 'approved-no-deck']) {
      const root = await makeWorkspace({})
      await cp(path.join(goldenDir, name, 'source'), path.join(root, 'source'), { recursive: true })
      roots.push(root)
    }
    for (const root of roots) {
      const { results, ok } = await transformAll({ root, today: fixedToday })
      expect(ok).toBe(true)
      for (const result of results) {
        for (const { map } of sourceMapsOf(result)) {
          const output = result.outputs.find((each) => each.path === map.output)?.text ?? ''
          // Blocks cover the output in order, never overlapping.
          map.blocks.forEach((block, index) => expect(block.output.start).toBeGreaterThan(map.blocks[index - 1]?.output.end ?? 0))
          expect(expectBlocksTraceBack(map, output, String(result.file.value))).toBeGreaterThan(0)
        }
      }
    }
  })

  const body = `## Caring for bones {#bone-care}

- Strong bone matters.
- Walk every day.

:::handout
Ask your nurse about a bone scan.
:::

:::recommendation{strength="strong" certainty="low"}
Offer bone care to everyone.
:::

## Extra help

Call the team when a bone hurts.
`
  const source = guideline({ body })
  const sourceLine = (text: string) => source.split('\n').findIndex((line) => line.includes(text)) + 1
  const mapsOf = () => {
    const { result } = transformText(source, { glossary: new Map([['bone scan', 'A picture of your bones.']]) })
    if (!result) throw new Error('expected the fixture to build')
    return Object.fromEntries(sourceMapsOf(result).map(({ audience, map }) => [audience, { map, lines: result.outputs.find((each) => each.path === map.output)?.text.split('\n') ?? [] }]))
  }
  const outputLine = (lines: string[], text: string) => lines.findIndex((line) => line.includes(text)) + 1

  it('maps a bullet, a handout paragraph and a recommendation to their source lines', () => {
    const { handout, summary } = mapsOf()
    if (!handout || !summary) throw new Error('expected handout and summary maps')
    expect(sourcePlaceOf(handout.map, outputLine(handout.lines, '- Walk every day.'))).toEqual({
      file: 'source/bone-health.md',
      line: sourceLine('- Walk every day.'),
      column: 1,
      section: 'bone-care',
      sectionTitle: 'Caring for bones'
    })
    expect(sourcePlaceOf(handout.map, outputLine(handout.lines, 'Ask your nurse'))?.line).toBe(sourceLine('Ask your nurse'))
    // The recommendation's quote, not its row in "Key recommendations" (generated, it maps to no source line).
    expect(sourcePlaceOf(summary.map, outputLine(summary.lines, '> Offer bone care'))?.line).toBe(sourceLine('Offer bone care'))
  })

  it('maps section headings to the source heading, glossary entries to the glossary, and generated lines as such', () => {
    const { handout } = mapsOf()
    if (!handout) throw new Error('expected a handout map')
    expect(sourcePlaceOf(handout.map, outputLine(handout.lines, '## Caring for bones'))).toMatchObject({ line: sourceLine('## Caring for bones'), section: 'bone-care' })
    const extra = sourcePlaceOf(handout.map, outputLine(handout.lines, 'Call the team'))
    expect(extra).toMatchObject({ line: sourceLine('Call the team'), sectionTitle: 'Extra help' })
    expect(extra?.section).toBeUndefined()
    expect(sourcePlaceOf(handout.map, outputLine(handout.lines, '**bone scan**'))).toEqual({ file: 'source/glossary.yml', generated: true })
    expect(sourcePlaceOf(handout.map, 1)).toEqual({ file: 'source/bone-health.md', generated: true })
    expect(sourcePlaceOf(handout.map, 2)).toBeUndefined()
  })
})

describe('guidepress build writes source maps', () => {
  it('to dist/<id>/<output>.map.json, also without a browser, and rebuilds when one is deleted', async () => {
    const root = await makeWorkspace({ 'source/bone-health.md': guideline() })
    expect((await runCli(root, 'build', '--no-pdf')).code).toBe(0)
    for (const output of ['deck', 'handout', 'summary']) {
      const map = JSON.parse(await readFile(path.join(root, 'dist/bone-health', `${output}.map.json`), 'utf8')) as SourceMap
      expect(map).toMatchObject({ version: 1, source: 'source/bone-health.md' })
      expect(map.blocks.some((block) => block.section === 'bone-care' && block.type === 'paragraph')).toBe(true)
    }
    expect((await runCli(root, 'build', '--no-pdf')).stdout).toContain('Nothing to build')
    await rm(path.join(root, 'dist/bone-health/handout.map.json'))
    const again = await runCli(root, 'build', '--no-pdf')
    expect(again.stdout).toContain('wrote dist/bone-health/handout.map.json')
  })
})
