import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { renderDeckMarkdown } from '../../render/deck.ts'
import { markdownToHtml } from '../../render/document.ts'
import { guideline, messagesOf, transformText } from '../helpers.ts'

/**
 * Where text from a source can become markup: links of any scheme, TeX in the deck, and
 * front-matter titles read as Markdown. Nothing but http, https, mailto and in-document links may
 * come out, and titles read exactly as written.
 */
const root = path.resolve(import.meta.dirname, '../..')
const themeCss = readFileSync(path.join(root, 'themes/guidepress.css'), 'utf8')
const section = '## Caring for bones {#bone-care}\n\nStrong bone matters.\n'

function deckHtml(markdown: string): string {
  return renderDeckMarkdown({ root, file: path.join(root, 'decks/bone-health.md'), markdown, themeCss, lang: 'en', title: 'T' }).html
}

/** Every href, src and xlink:href in rendered HTML. */
function urlsIn(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src|xlink:href)\s*=\s*"([^"]*)"/gi)].map((match) => match[1] ?? '')
}

const allowedUrl = (url: string) => /^(?:https?:|mailto:|#|data:image\/)/i.test(url)

describe('link schemes in sources', () => {
  it.each([
    ['an ftp link', '[files](ftp://files.example.org/a.pdf)\n', 16, 1],
    ['an autolink with a chat scheme', 'Ask us at <irc://chat.example.org/team>.\n', 16, 11],
    ['a reference definition with a phone scheme', 'Ring [the desk][desk].\n\n[desk]: tel:+441234567890\n', 18, 1],
    ['a link inside a footnote definition', 'Read it.[^n]\n\n[^n]: See [the file](smb://server/share/doc).\n', 18, 11],
    ['a link to another file', 'See [the other guideline](other-guideline.md).\n', 16, 5],
    ['a protocol-relative link', 'See [the site](//cdn.example.org/x).\n', 16, 5],
    ['a scheme hidden by a character reference', '[go](&#x66;tp://example.org)\n', 16, 1],
    ['an unused definition with a blob scheme', '[spare]: blob:https://example.org/1\n', 16, 1]
  ])('refuses %s at its place', (_name, extra, line, column) => {
    const { file } = transformText(guideline({ body: `${section}\n${extra}` }))
    expect(messagesOf(file)).toContain(`link-unsafe-protocol@${line}:${column}`)
    expect(file.messages.find((message) => message.ruleId === 'link-unsafe-protocol')?.reason).toMatch(/https:.*http:.*mailto:/)
  })

  it('accepts web and mail addresses, bare ones too, and links to a section', () => {
    const links = '[a](https://example.org) [b](http://example.org) [c](mailto:team@example.org) [d](#bone-care) <https://example.org/x> www.example.org and team@example.org.\n'
    const { file } = transformText(guideline({ body: `${section}\n${links}` }))
    expect(file.messages.filter((message) => message.ruleId === 'link-unsafe-protocol')).toEqual([])
  })
})

describe('the deck has no TeX and links only to allowed schemes', () => {
  it.each([
    ['inline TeX with a link command', 'Dose $\\href{javascript:void(0)}{here}$ now.'],
    ['display TeX with a data link', '$$\\href{data:text/html,<b>x</b>}{open}$$'],
    ['TeX with a url command', 'See $\\url{file:///etc/hosts}$.'],
    ['TeX styling and a class', 'Then $\\style{color:red}{x} \\class{evil}{y}$ too.']
  ])('renders %s as the text written', (_name, markdown) => {
    const html = deckHtml(`# Slide\n\n${markdown}\n`)
    expect(html).not.toContain('mjx-container')
    expect(html).not.toMatch(/<svg[^>]*role="img"/)
    expect(urlsIn(html).filter((url) => !allowedUrl(url))).toEqual([])
    expect(html).toContain('$')
  })

  it('keeps dollar amounts and pairs of dollars as text, from source to slide', () => {
    const body = `${section}\nA course costs $5 to $10 a day, and $x$ is not maths; neither is $$y$$.\n`
    const { result } = transformText(guideline({ body }))
    const deck = result?.outputs.find((output) => output.path.startsWith('decks/'))?.text ?? ''
    const html = deckHtml(deck)
    expect(html).toContain('costs $5 to $10 a day, and $x$ is not maths; neither is $$y$$.')
  })

  it.each(['ftp://files.example.org/a', '//cdn.example.org/lib.js'])('does not turn %s in text into a link', (address) => {
    const html = deckHtml(`# Slide\n\nFetch ${address} today.\n`)
    expect(html).toContain(`Fetch ${address} today.`)
    expect(urlsIn(html).filter((url) => !allowedUrl(url))).toEqual([])
  })
})

/** The text of a fragment of HTML, with tags dropped and character references decoded. */
function textOf(html: string): string {
  const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', amp: '&', '#39': "'" }
  return html.replace(/<[^>]*>/g, '').replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (match, name: string) => {
    if (named[name] !== undefined) return named[name]
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16))
    return name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : match
  })
}

const hostileTitles = [
  { what: 'an image', title: 'Bones ![pixel](https://tracker.example.net/p.gif)' },
  { what: 'a link and HTML', title: 'Bones [see more](https://example.net/more) and <b>bold</b>' },
  { what: 'a tag and character references', title: 'Bones <img src=x> &amp; &lt;tag&gt; &#x41;' },
  { what: 'emphasis, strike and code', title: 'Bones *starred* _under_ **strong** ~~struck~~ `code`' },
  { what: 'backslashes', title: 'Bones C:\\temp\\ \\*not\\* \\' },
  { what: 'dollars', title: 'Bones $a^2$ costs $5, $$x$$' },
  { what: 'a short code, bare addresses, a hash and a pipe', title: 'Bones :warning: www.example.net team@example.net # hash | pipe' }
]

describe('front-matter titles read as text in every output', () => {
  it.each(hostileTitles)('a title with $what', async ({ title }) => {
    const yamlTitle = `'${title.replace(/'/g, "''")}'`
    const frontMatter = `title: ${yamlTitle}\nsubtitle: ${yamlTitle}\nversion: 1.0.0\nupdated: 2026-01-15\nstatus: draft\ntopics:\n  - id: bone-care\n    title: ${yamlTitle}\n    terms: [bone]`
    const { file, result } = transformText(guideline({ frontMatter }))
    expect(messagesOf(file)).toEqual([])
    const written = title // as YAML single quotes read it
    const outputs = new Map(result?.outputs.map((output) => [output.path.split('/')[0], output.text]))

    const deck = deckHtml(outputs.get('decks') ?? '')
    const footers = [...deck.matchAll(/<footer>([\s\S]*?)<\/footer>/g)].map((match) => match[1] ?? '')
    expect(footers.length).toBeGreaterThan(1)
    for (const footer of footers) {
      expect(footer).not.toMatch(/<(?:img|a|em|strong|code|del|b)\b/)
      expect(textOf(footer)).toBe(`${written} · v1.0.0 · draft`)
    }
    expect(deck).not.toMatch(/<img\b/)
    const titleSlide = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(deck)?.[1] ?? ''
    expect(textOf(titleSlide)).toBe(written)

    for (const folder of ['handouts', 'summaries']) {
      const html = await markdownToHtml(outputs.get(folder) ?? '', { root, file: path.join(root, folder, 'bone-health.md') })
      expect(html).not.toMatch(/<img\b/)
      expect(textOf(/<h1>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '')).toBe(written)
    }
  })
})
