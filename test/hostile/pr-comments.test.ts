import type { Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import { describe, expect, it } from 'vitest'
import { diffMarkdown } from '../../cli/commands/diff/markdown.ts'
import type { DiffReport } from '../../cli/commands/diff/types.ts'
import { reportMarkdown } from '../../cli/commands/report.ts'
import { guideline, transformText } from '../helpers.ts'

/** `report` and `diff` print Markdown for pull-request comments: titles and terms from a source must stay text there. */
const gfm = unified().use(remarkParse).use(remarkGfm)
const markupTypes = new Set(['image', 'link', 'html', 'emphasis', 'strong', 'delete', 'inlineCode', 'imageReference', 'linkReference', 'footnoteReference'])

/** Markup nodes inside the heading or list item whose text includes `needle`. */
function markupAround(markdown: string, needle: string): { found: boolean; markup: string[] } {
  const tree = gfm.parse(markdown) as Root
  let found = false
  const markup: string[] = []
  visit(tree, (node) => {
    if (node.type !== 'heading' && node.type !== 'listItem' && node.type !== 'tableCell') return
    if (!toString(node).includes(needle)) return
    found = true
    visit(node, (child) => {
      if (!markupTypes.has(child.type)) return
      // guidepress's own marks (code spans of ids, paths and the ref; **Added**), and bare web addresses GitHub links as it links them anywhere
      if (child.type === 'inlineCode' && 'value' in child && /^[\w./:-]+$/.test(String(child.value))) return
      if (child.type === 'strong' && /^(Added|Removed|Changed)$/.test(toString(child))) return
      if (child.type === 'link' && 'url' in child && String(child.url).replace(/^http:\/\//, '') === toString(child).replace(/^http:\/\//, '')) return
      markup.push(child.type)
    })
  })
  return { found, markup }
}

const hostile = [
  { what: 'an image', text: 'Bones ![pixel](https://tracker.example.net/p.gif) care' },
  { what: 'a link and a tag', text: 'Bones [more](https://example.net) <img src=x> care' },
  { what: 'emphasis and code', text: 'Bones *a* __b__ ~~c~~ `d` care' },
  { what: 'an entity and a backslash', text: 'Bones &lt;x&gt; \\*y\\* care' }
]

describe('report', () => {
  it.each(hostile)('keeps a title and a topic title with $what as text', ({ text }) => {
    const yaml = `'${text}'`
    const frontMatter = `title: ${yaml}\nversion: 1.0.0\nupdated: 2026-01-15\nstatus: draft\ntopics:\n  - id: bone-care\n    title: ${yaml}\n    terms: [bone]`
    const { result } = transformText(guideline({ frontMatter }))
    const markdown = reportMarkdown(result ? [result] : [])
    const around = markupAround(markdown, text)
    expect(around.found).toBe(true)
    expect(around.markup).toEqual([])
  })
})

describe('diff', () => {
  it.each(hostile)('keeps a title, a section title and a term with $what as text', ({ text }) => {
    const report: DiffReport = {
      version: 1,
      ref: 'main',
      commit: '0123456789abcdef',
      guidelines: [
        {
          id: 'bone-health',
          title: text,
          change: 'changed',
          inputs: ['source/bone-health.md'],
          oldErrors: 0,
          outputs: [
            {
              output: 'handout',
              path: 'handouts/bone-health.md',
              change: 'changed',
              figures: [{ kind: 'coverage', topic: 'bone-care', term: text, old: true, new: false, text: 'unused' }],
              sections: [{ change: 'added', id: null, title: text, generated: false, source: { file: 'source/bone-health.md', line: 12, column: 1, side: 'new' }, lines: 3, sentences: [] }]
            }
          ]
        }
      ]
    }
    const markdown = diffMarkdown(report)
    const tree = gfm.parse(markdown) as Root
    const texts: string[] = []
    visit(tree, (node) => {
      if (node.type === 'heading' || node.type === 'listItem') texts.push(toString(node))
    })
    expect(texts.filter((line) => line.includes(text))).toHaveLength(3)
    expect(markupAround(markdown, text).markup).toEqual([])
  })
})
