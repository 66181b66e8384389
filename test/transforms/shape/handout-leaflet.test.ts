import { describe, expect, it } from 'vitest'
import { VFile } from 'vfile'
import { markdownToHtml } from '../../../render/document.ts'
import { transformGuideline } from '../../../transforms/pipeline.ts'
import { defaultConfig } from '../../../transforms/input/config-schema.ts'
import type { ReaderContacts } from '../../../transforms/shape/alerts.ts'
import { guideline } from '../../helpers.ts'

function outputs(text: string, contacts?: ReaderContacts): Record<string, string> {
  const file = new VFile({ path: 'source/bone-health.md', value: text })
  const result = transformGuideline(file, { sourceDir: '.', glossary: new Map(), today: '2026-02-01', ...(contacts ? { config: { ...defaultConfig, contacts: { emergency: contacts.emergency, helplines: [...(contacts.helplines ?? [])] } } } : {}) })
  expect(file.messages.map((message) => message.reason)).toEqual([])
  return Object.fromEntries((result?.outputs ?? []).map((output) => [output.path.split('/')[0] ?? '', output.text]))
}

const frontMatter = (lang: string, extra = '') => `title: Bone health
version: 2.3.0
updated: 2026-01-15
${extra}status: draft
lang: ${lang}
topics:
  - id: bone-care
    title: Caring for bones
    terms: [bone]`

const alerts = `## Caring for bones {#bone-care}

Strong bone matters.

:::alert{level="emergency"}
- You cannot stand up.
:::

::::handout
:::alert{level="urgent"}
Your back hurts more.
:::

:::alert{level="soon"}
You feel tired.
:::
::::
`

describe('alert boxes', () => {
  it('open with the warning sign and the action heading, in every output unless limited', () => {
    const { decks, handouts, summaries } = outputs(guideline({ frontMatter: frontMatter('en-GB'), body: alerts }))
    expect(handouts).toContain('> ### ⚠ Call 999 now\n>\n> - You cannot stand up.')
    expect(handouts).toContain('> ### ⚠ Call your 24-hour number now\n>\n> Your back hurts more.')
    expect(handouts).toContain('> ### ⚠ Tell your team soon\n>\n> You feel tired.')
    for (const clinical of [decks, summaries]) {
      expect(clinical).toContain('> ### ⚠ Call 999 now')
      expect(clinical).not.toContain('24-hour')
    }
  })

  it('reach the handout HTML as a quote that opens with the heading (the stylesheet’s alert box)', async () => {
    const markdown = outputs(guideline({ frontMatter: frontMatter('de'), body: alerts })).handouts ?? ''
    const html = await markdownToHtml(markdown, { root: '.', file: 'handouts/bone-health.md' })
    expect(html).toMatch(/<blockquote>\s*<h3[^>]*>⚠ Rufen Sie jetzt die 112 an<\/h3>\s*<ul>\s*<li>You cannot stand up\.<\/li>/)
  })

  it('speak the reader’s language, with the emergency number of their country or the config’s', () => {
    expect(outputs(guideline({ frontMatter: frontMatter('de'), body: alerts })).handouts).toContain('> ### ⚠ Rufen Sie jetzt die 112 an')
    expect(outputs(guideline({ frontMatter: frontMatter('de-AT'), body: alerts })).handouts).toContain('### ⚠ Rufen Sie jetzt Ihre 24-Stunden-Nummer an')
    expect(outputs(guideline({ frontMatter: frontMatter('en-US'), body: alerts })).handouts).toContain('### ⚠ Call 911 now')
    // Where neither the config nor `lang` gives a number, none is guessed.
    expect(outputs(guideline({ frontMatter: frontMatter('en'), body: alerts })).handouts).toContain('### ⚠ Call an ambulance now')
    expect(outputs(guideline({ frontMatter: frontMatter('en'), body: alerts }), { emergency: '999' }).handouts).toContain('### ⚠ Call 999 now')
    expect(outputs(guideline({ frontMatter: frontMatter('fr'), body: alerts })).handouts).toContain('### ⚠ Appelez le 112 maintenant')
    expect(outputs(guideline({ frontMatter: frontMatter('en-GB'), body: alerts }), { emergency: '112' }).handouts).toContain('### ⚠ Call 112 now')
  })
})

describe('leaflet parts', () => {
  it('give the reader write-in lines and the service’s helplines', () => {
    const helplines = [{ name: 'Bone Line', phone: '0808 808 00 00', hours: 'every day, 8am to 8pm', url: 'https://bones.example/' }, { name: 'Text *line*', phone: '123', url: 'javascript:alert(1)' }]
    const handout = outputs(guideline({ frontMatter: frontMatter('en-GB') }), { helplines }).handouts ?? ''
    expect(handout).toMatch(/## Your contacts\n\n.*\n\n\| Contact +\| Write it here \|\n.*\n\| Key worker’s name +\| +\|\n\| 24-hour number +\| +\|/)
    expect(handout).toContain('- **Bone Line**: 0808\u00a0808\u00a000\u00a000 (every day, 8am to 8pm) · [bones.example](https://bones.example/)')
    expect(handout).toContain('- **Text \\*line\\***: 123 · javascript:alert(1)')
  })

  it('end with "About this leaflet": authors, version, updated and next review, dates written out on one line', () => {
    const text = guideline({ frontMatter: frontMatter('en-GB', 'authors: [Ann Lee, Bo Park]\nnext-review: 2027-01-15\n') })
    const handout = outputs(text).handouts ?? ''
    const about = handout.slice(handout.indexOf('## About this leaflet'))
    expect(about).toContain('- **Written by:** Ann Lee, Bo Park\n- **Version:** 2.3.0\n- **Updated:** 15\u00a0January\u00a02026\n- **Next review:** 15\u00a0January\u00a02027')
    expect(about).toContain('“Bone health”')
    const german = outputs(guideline({ frontMatter: frontMatter('de', 'next-review: 2027-01-15\n') })).handouts ?? ''
    expect(german).toContain('## Über dieses Merkblatt')
    expect(german).toContain('- **Nächste Überprüfung:** 15.\u00a0Januar\u00a02027')
  })
})
