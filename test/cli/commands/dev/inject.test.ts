import { describe, expect, it } from 'vitest'
import { injectDevHtml } from '../../../../cli/commands/dev/inject.ts'

describe('what the dev server adds to a page', () => {
  it('goes just before the last </body>, escapes every message, and cannot be closed early by the generation', () => {
    const html = '<html><body><script>const s = "</body>"</script><p>x</p></body></html>'
    const served = injectDevHtml(html, {
      generation: '</script><script>alert(1)</script>',
      problems: [{ place: 'source/<b>.md:1:2', severity: 'error', reason: 'Unexpected `<script>alert("x")</script>` & more', ruleId: 'rule<1>' }]
    })
    expect(served.startsWith('<html><body><script>const s = "</body>"</script><p>x</p><div')).toBe(true)
    expect(served.endsWith('</body></html>')).toBe(true)
    expect(served).not.toContain('<script>alert')
    expect(served).not.toContain('<b>')
    expect(served).toContain('Unexpected `&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;` &#38; more')
    expect(injectDevHtml('<p>no body</p>', { generation: 'g', problems: [] })).toMatch(/^<p>no body<\/p>\n<script data-guidepress-dev>/)
  })

  it('serves deck.html without its Content-Security-Policy, which would block the reload script', () => {
    const deck = '<html><head>\n<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; script-src \'sha256-x\'">\n<title>t</title></head><body></body></html>'
    const served = injectDevHtml(deck, { generation: 'g', problems: [] })
    expect(served).not.toContain('Content-Security-Policy')
    expect(served).toContain('<script data-guidepress-dev>')
  })
})
