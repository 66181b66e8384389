import commonmark from 'commonmark-spec'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import { describe, expect, it } from 'vitest'
import { guideline, transformText } from '../helpers.ts'

/**
 * A corpus nobody here wrote: every example of the CommonMark spec, placed as a section body of a
 * valid guideline. None may crash or hang, and no raw HTML from an example may reach an output
 * (raw HTML is an error; anything else that looks like a tag must come out escaped).
 */
const examples = commonmark.tests.map((example) => ({ ...example, markdown: example.markdown.replaceAll('→', '\t') }))

const reader = unified().use(remarkParse).use(remarkGfm)

describe('the CommonMark spec examples', () => {
  it(`run through the pipeline: ${examples.length} examples, none crashes, hangs or leaks HTML`, () => {
    let slowest = { number: 0, ms: 0 }
    for (const example of examples) {
      const source = guideline({ body: `## Caring for bones {#bone-care}\n\nBone care.\n\n${example.markdown}\n` })
      const started = performance.now()
      const { result } = transformText(source)
      const ms = performance.now() - started
      if (ms > slowest.ms) slowest = { number: example.number, ms }
      expect(ms, `example ${example.number} took ${ms.toFixed(0)} ms`).toBeLessThan(1000)
      for (const output of result?.outputs ?? []) {
        // Read the output as a Markdown reader would: its only HTML may be guidepress's own comments
        // in decks (Marp class directives; this body has no notes). An example's comments are dropped.
        const html: string[] = []
        visit(reader.parse(output.text), 'html', (node) => {
          if (!(output.path.startsWith('decks/') && /^<!-- _class: [\w-]+ -->$/.test(node.value))) html.push(node.value)
        })
        expect(html, `example ${example.number} in ${output.path}`).toEqual([])
      }
    }
    expect(examples.length).toBe(652)
    console.info(`CommonMark: ${examples.length} examples; slowest example ${slowest.number} at ${slowest.ms.toFixed(1)} ms`)
  }, 120_000)
})
