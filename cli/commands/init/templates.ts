// What `guidepress init` writes besides package.json and the copied workflows: each file's text,
// commented so a team can read what it is for without opening the docs.

/** Where the house deck theme is inside a project that installed guidepress (Marp tools need its path). */
export const installedThemePath = 'node_modules/guidepress/themes/guidepress.css'

/** The starter glossary: one entry, for the starter guideline's example term. */
export const starterGlossary = `# Plain-language explanations, shared by every guideline in source/.
# Each key is a term exactly as it appears in the text; the handout's "Words to know" explains the
# terms it uses. Keep explanations to one short sentence in everyday words.
example term: A word a patient may not know, explained in everyday words.
`

/**
 * guidepress.config.yaml in the agreed shape (README, "Configuration"). The keys with an obvious
 * default are set; the ones only the team can fill in (organisation, helplines, brand, labels) are shown
 * commented out, so nothing made up reaches a patient's handout.
 */
export const starterConfig = `# guidepress settings for this project. Every key is optional; delete a line to use the default.

# Who publishes these guidelines: shown on handouts and the index page.
# organisation:
#   name: Example Cancer Centre
#   logo: source/images/logo.svg        # optional

# Contacts for the handout's contacts panel.
# contacts:
#   emergency: "999"                    # default follows lang (en-GB 999, en-US 911, de/fr/es 112)
#   helplines:
#     - { name: Macmillan Support Line, phone: 0808 808 00 00, hours: "7 days a week, 8am to 8pm", url: https://www.macmillan.org.uk }

# House colours and font, used by the deck, the handout, the summary and the index.
# brand:
#   colours: { primary: "#1f4e79", accent: "#c55a11", text: "#1a1a1a", background: "#ffffff" }
#   font: Atkinson Hyperlegible Next

# The words guidepress writes itself (headings, badges, page labels) come in English, German,
# French and Spanish. For another language, or other wording, give labels by language; the build
# names any still missing (rule messages-missing; keys: see "Languages" in the authoring guide).
# messages:
#   it: { agenda: Programma, keyMessages: Messaggi chiave }

lang: en-GB                 # for guidelines that do not set \`lang\` in their front matter
paper: A4                   # or Letter
outputs: [deck, handout, summary]
formats: [html, pdf, pptx]  # what \`guidepress build\` makes (--no-pdf skips pdf and pptx)
`

/**
 * Marp CLI's settings, so bare \`npx @marp-team/marp-cli decks/<id>.md\` shows a deck as guidepress
 * renders it: the house theme, one sentence per source line without visible line breaks, and no
 * HTML, TeX or emoji short codes (guidepress turns them off too). Images in decks/ are written
 * relative to decks/ (\`../source/images/…\`), so an HTML file written beside its deck shows them.
 */
export function marpConfig(themePath: string): string {
  return `# Marp CLI settings: decks/*.md open with guidepress's house theme and line breaks.
# Try: npx @marp-team/marp-cli decks/<id>.md   (writes decks/<id>.html beside the deck)
# guidepress itself does not read this file; \`guidepress build\` renders dist/<id>/deck.*.
themeSet:
  - ${themePath}
html: false
# Decks show images from source/images/ (relative to decks/); PDF and PPTX need local files.
allowLocalFiles: true
options:
  markdown:
    breaks: false
  math: false
  emoji:
    shortcode: false
    unicode: false
`
}

/** VS Code settings for the Marp extension: the same theme and options as marpConfig. */
export function vscodeSettings(themePath: string): string {
  const settings = {
    'markdown.marp.themes': [`./${themePath}`],
    'markdown.marp.breaks': 'off',
    'markdown.marp.html': 'off',
    'markdown.marp.mathTypesetting': 'off'
  }
  return `${JSON.stringify(settings, null, 2)}\n`
}

/** Lines a project's .gitignore needs: what builds and installs make, never committed. */
export const ignoredPaths = ['node_modules/', 'dist/', '# decks/<id>.html from bare marp-cli', 'decks/*.html']
