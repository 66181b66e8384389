import { execFileSync } from 'node:child_process'
import { mkdir, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../../transforms/input/config.ts'
import { contactsFor, defaultConfig } from '../../../transforms/input/config-schema.ts'
import { contrastRatio } from '../../../transforms/input/config-values.ts'
import { makeWorkspace } from '../../helpers.ts'

const logoSvg = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40"/></svg>'

/** The agreed shape of the config (PREAMBLE), every setting used. */
const fullConfig = `organisation: { name: Example Cancer Centre, logo: source/images/logo.svg }
contacts:
  emergency: "999"
  helplines:
    - { name: Macmillan Support Line, phone: 0808 808 00 00, hours: "7 days a week, 8am to 8pm", url: https://www.macmillan.org.uk }
brand: { colours: { primary: "#1f4e79", accent: "#c55a11", text: "#1a1a1a", background: "#ffffff" }, font: Atkinson Hyperlegible Next }
lang: en-GB
paper: Letter
outputs: [deck, handout]
formats: [html, pdf]
`

/** The config's messages as `ruleId@line:column reason`. */
async function problems(text: string, name = 'guidepress.config.yaml', extra: Record<string, string> = {}): Promise<string[]> {
  const root = await makeWorkspace({ [name]: text, ...extra })
  const { file } = await loadConfig(root)
  return (file?.messages ?? []).map((message) => `${message.ruleId}@${message.line}:${message.column} ${message.reason}`)
}

describe('guidepress.config.yaml', () => {
  it('is optional: no file, no messages, the defaults', async () => {
    const root = await makeWorkspace({})
    expect(await loadConfig(root)).toEqual({ file: undefined, config: defaultConfig })
  })

  it('reads every setting of the agreed shape, in YAML and in JSON', async () => {
    const root = await makeWorkspace({ 'guidepress.config.yaml': fullConfig, 'source/images/logo.svg': logoSvg })
    const { file, config } = await loadConfig(root)
    expect(file?.messages).toEqual([])
    expect(config).toEqual({
      organisation: { name: 'Example Cancer Centre', logo: 'source/images/logo.svg' },
      contacts: { emergency: '999', helplines: [{ name: 'Macmillan Support Line', phone: '0808 808 00 00', hours: '7 days a week, 8am to 8pm', url: 'https://www.macmillan.org.uk' }] },
      brand: { colours: { primary: '#1f4e79', accent: '#c55a11', text: '#1a1a1a', background: '#ffffff' }, font: 'Atkinson Hyperlegible Next' },
      lang: 'en-GB',
      paper: 'Letter',
      outputs: ['deck', 'handout'],
      formats: ['html', 'pdf'],
      messages: {}
    })
    const json = await makeWorkspace({ 'guidepress.config.json': JSON.stringify({ paper: 'Letter', organisation: { name: 'X' } }, null, 2) })
    expect((await loadConfig(json)).config).toMatchObject({ paper: 'Letter', organisation: { name: 'X' } })
  })

  it.each([
    ['an unknown setting', 'papr: A4\n', 'config-unknown-field@1:1 Unexpected setting `papr`; remove it or use one of: organisation, contacts, brand, lang, paper, outputs, formats, messages'],
    ['an unknown nested setting', 'organisation:\n  name: X\n  colour: red\n', 'config-unknown-field@3:3 Unexpected setting `organisation.colour`; remove it or use one of: name, logo'],
    ['a setting written twice', 'paper: A4\npaper: Letter\n', 'config-invalid-syntax@2:1 Unexpected second `paper`'],
    ['a tab', 'paper:\tA4\n', 'config-invalid-syntax@1:7 Unexpected tab'],
    ['a tab in the indentation', 'organisation:\n\tname: X\n', 'config-invalid-syntax@2:1 Unexpected tab'],
    ['an alias', 'lang: &l en\norganisation: { name: *l }\n', 'config-invalid-syntax@2:23 Unexpected `*alias`'],
    ['a list where settings belong', '- paper: A4\n', 'config-invalid-syntax@1:1 Expected the config to be `setting: value` lines'],
    ['a value of the wrong type', 'organisation:\n  name: [a, b]\n', 'config-invalid-value@2:9 Expected the organisation’s name as text for `organisation.name`, not `[a, b]`'],
    ['markup where text belongs', 'organisation: { name: "<script>alert(1)</script>" }\n', 'config-invalid-value@1:23 Expected the organisation’s name as plain text on one line'],
    ['a phone number written as a number', 'contacts:\n  emergency: 999\n', 'config-invalid-value@2:14 Expected a phone number as text in quotes (a bare number loses its leading zeros) for `contacts.emergency`, not `999`'],
    ['a phone number with letters', 'contacts:\n  emergency: "call 999"\n', 'config-invalid-value@2:14 Expected a phone number of digits'],
    ['a helpline without a phone', 'contacts:\n  helplines:\n    - name: Line\n', 'config-invalid-value@3:7 Expected `contacts.helplines.0.phone`'],
    ['a helpline address that is not http(s)', 'contacts:\n  helplines:\n    - { name: A, phone: "0800 1", url: "javascript:alert(1)" }\n', 'config-invalid-value@3:40 Expected a web address starting with `https://`'],
    ['a helpline address without a host', 'contacts:\n  helplines:\n    - { name: A, phone: "0800 1", url: "https://" }\n', 'config-invalid-value@3:40 Expected a web address'],
    ['a colour that is no CSS hex colour', 'brand:\n  colours:\n    accent: red\n', 'config-invalid-value@3:13 Expected a CSS hex colour such as `"#1f4e79"`'],
    ['a colour left unquoted (a YAML comment)', 'brand:\n  colours:\n    primary: #1f4e79\n', 'config-invalid-value@3:14 Expected a CSS hex colour in quotes, such as `"#1f4e79"` for `brand.colours.primary`, not an empty value (in YAML an unquoted `#` starts a comment'],
    ['a colour name not in the brand', 'brand:\n  colours:\n    secondary: "#000000"\n', 'config-unknown-field@3:5 Unexpected setting `brand.colours.secondary`; remove it or use one of: primary, accent, text, background'],
    ['a font name that could break out of CSS', 'brand:\n  font: "x\';}body{display:none"\n', 'config-invalid-value@2:9 Expected a font family name of letters'],
    ['a language tag that is none', 'lang: english please\n', 'config-invalid-value@1:7 Expected a BCP 47 language tag'],
    ['a paper size not offered', 'paper: A5\n', 'config-invalid-value@1:8 Expected `A4` or `Letter` for `paper`, not `A5`'],
    ['an unknown output', 'outputs: [deck, poster]\n', 'config-invalid-value@1:17 Expected `deck`, `handout` or `summary`'],
    ['a repeated output', 'outputs: [deck, deck]\n', 'config-invalid-value@1:10 Expected each of the outputs once for `outputs`, not `[deck, deck]`'],
    ['a repeated format', 'formats: [html, pdf, pdf]\n', 'config-invalid-value@1:10 Expected each of the formats once'],
    ['an unknown format', 'formats: [html, docx]\n', 'config-invalid-value@1:17 Expected `html`, `pdf` or `pptx`'],
    ['pptx without pdf', 'formats: [html, pptx]\n', 'config-invalid-value@1:17 Expected `pdf` in `formats` with `pptx`'],
    ['a logo outside source/images', 'organisation: { name: X, logo: ../../etc/passwd.svg }\n', 'config-invalid-value@1:32 Expected a path inside `source/images/`'],
    ['a logo that is no image', 'organisation: { name: X, logo: source/images/notes.txt }\n', 'config-invalid-value@1:32 Expected an image file ending in .svg'],
    ['a logo that does not exist', 'organisation: { name: X, logo: source/images/none.svg }\n', 'config-logo-invalid@1:32 Expected `source/images/none.svg` to exist'],
    ['text on a background too close to it', 'brand:\n  colours:\n    text: "#999999"\n', 'config-colour-contrast@3:11 Expected a contrast of at least 4.5:1 for text on the page (#999999 on #ffffff), not 2.8:1'],
    ['a brand colour too pale for white titles', 'brand:\n  colours:\n    primary: "#88aaff"\n', 'config-colour-contrast@3:14 Expected a contrast of at least 4.5:1 for headings and links']
  ])('refuses %s, at its place', async (_what, text, expected) => {
    const found = await problems(text)
    expect(found[0]).toContain(expected)
  })

  it('JSON: a key twice and a syntax error, located', async () => {
    expect((await problems('{\n  "paper": "A4",\n  "paper": "Letter"\n}', 'guidepress.config.json'))[0]).toContain('config-invalid-syntax@3:3 Unexpected second `"paper"`')
    expect((await problems('{\n  "paper": "A4",\n}', 'guidepress.config.json'))[0]).toContain('config-invalid-syntax@3:1 Unexpected JSON')
    expect((await problems('{ "paper": "A5" }', 'guidepress.config.json'))[0]).toContain('config-invalid-value@1:12 Expected `A4` or `Letter`')
  })

  it('refuses both a YAML and a JSON config', async () => {
    expect(await problems('paper: A4\n', 'guidepress.config.yaml', { 'guidepress.config.json': '{}' })).toEqual([
      'config-two-files@1:1 Unexpected second config file: `guidepress.config.yaml` is there too; keep one of them'
    ])
  })

  it('reads no config that is a link out of the project or a named pipe, and no logo that is', async () => {
    const outside = await makeWorkspace({ 'secret.yaml': 'paper: A4\n', 'secret.svg': logoSvg })
    const root = await makeWorkspace({})
    await symlink(path.join(outside, 'secret.yaml'), path.join(root, 'guidepress.config.yaml'))
    expect((await loadConfig(root)).file?.messages.map((message) => message.ruleId)).toEqual(['file-not-regular'])

    const piped = await makeWorkspace({})
    execFileSync('mkfifo', [path.join(piped, 'guidepress.config.yaml')])
    expect((await loadConfig(piped)).file?.messages[0]?.reason).toContain('named pipe')

    const linkedLogo = await makeWorkspace({ 'guidepress.config.yaml': 'organisation: { name: X, logo: source/images/logo.svg }\n' })
    await mkdir(path.join(linkedLogo, 'source/images'), { recursive: true })
    await symlink(path.join(outside, 'secret.svg'), path.join(linkedLogo, 'source/images/logo.svg'))
    const found = (await loadConfig(linkedLogo)).file?.messages.map((message) => `${message.ruleId}@${message.line}:${message.column}`)
    expect(found).toEqual(['config-logo-invalid@1:32'])

    const folderLogo = await makeWorkspace({ 'guidepress.config.yaml': 'organisation: { name: X, logo: source/images/logo.svg }\n' })
    await mkdir(path.join(folderLogo, 'source/images/logo.svg'), { recursive: true })
    await writeFile(path.join(folderLogo, 'source/images/logo.svg/inner'), 'x')
    expect((await loadConfig(folderLogo)).file?.messages[0]?.reason).toContain('not a folder')
  })
})

describe('contacts for a guideline', () => {
  it('takes the configured emergency number, else the one of the language, else none', () => {
    const helplines = [{ name: 'Line', phone: '0800 1' }]
    const configured = { ...defaultConfig, contacts: { emergency: '01234 5678', helplines } }
    expect(contactsFor(configured, 'de')).toEqual({ emergency: '01234 5678', helplines })
    expect(['en-GB', 'en-US', 'de', 'fr', 'es', 'de-AT', 'es-MX', 'en'].map((lang) => contactsFor(defaultConfig, lang).emergency)).toEqual(['999', '911', '112', '112', '112', '112', undefined, undefined])
  })
})

describe('contrast', () => {
  it('is WCAG 2’s ratio', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 5)
    expect(contrastRatio('#0b5870', '#ffffff')).toBeGreaterThan(7)
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2)
  })
})
