// The parser reads GFM with autolink literals left out of sources that cannot hold one and tables
// tried only before a possible delimiter row (transforms/parse/gfm-syntax.ts): it must give
// exactly the trees, positions included, that remark-gfm gives, on the cases near those edges.
import remarkDirective from 'remark-directive'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import { remarkGfmSyntax, withSource } from '../../../transforms/parse/gfm-syntax.ts'

const reference = unified().use(remarkParse).use(remarkGfm).use(remarkDirective).freeze()
const guarded = (autolinks: boolean) => unified().use(remarkParse).use(remarkGfmSyntax, { autolinks }).use(remarkDirective).freeze()

const tables = ['a | b\n--|--\nc | d', 'a\n:-', 'a\n-:', '| a |\n| - |\n| b |', 'a\n|-', 'a|b\n- | -', 'text\n\na|b\n:-:|:-:\n1|2', 'a\n---', 'a\n***', 'a\n- b', 'a|b\n-|-\nc|d\n\ne|f\n-|-', 'a\r\nb | c\r\n-|-\r\nd|e', 'a|b\r-|-\rc|d', 'a|b']
const links = ['x www.example.com y', 'mail me@example.org now', 'see https://x.org/a_b.', 'WWW.EXAMPLE.COM', 'HTTP://X.Y', 'xmpp:a@b.c', 'mailto:a@b.c', '[www.x.org](https://y.org)', 'no link here: www, http and a at sign at']
const inContainers = (markdown: string): string[] => [
  markdown,
  markdown.split('\n').map((line) => `> ${line}`).join('\n'),
  `- ${markdown.split('\n').join('\n  ')}`,
  `:::notes\n${markdown}\n:::`,
  `:::handout\n> ${markdown.split('\n').join('\n> ')}\n:::`
]

describe('GFM as the guideline parser reads it', () => {
  it.each([...tables, ...links].flatMap(inContainers))('gives remark-gfm’s tree for %j', (markdown) => {
    const expected = reference.parse(markdown)
    expect(withSource(markdown, () => guarded(true).parse(markdown))).toEqual(expected)
    // Without autolinks only for a source that holds nothing an autolink literal starts with.
    if (!/@|www\.|https?:\/\//i.test(markdown)) expect(withSource(markdown, () => guarded(false).parse(markdown))).toEqual(expected)
  })

  it('still finds tables and autolinks (the cases above are not all plain text)', () => {
    const types = (markdown: string): string[] => withSource(markdown, () => guarded(true).parse(markdown)).children.map((node) => node.type)
    expect(types('a\n:-')).toEqual(['table'])
    expect(types('> a | b\n> --|--')).toEqual(['blockquote'])
    const paragraph = withSource('mail me@example.org', () => guarded(true).parse('mail me@example.org')).children[0]
    expect(paragraph?.type === 'paragraph' && paragraph.children.map((node) => node.type)).toEqual(['text', 'link'])
  })
})
