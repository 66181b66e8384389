// dist/index.html: every guideline with links to each of its files, plus the
// "Coverage" and "Readability" regions that the quality gates fill in. When no
// data is given those regions are rendered as clearly marked placeholders.
import { escapeHtml, FONT_STACK, fontFaceCss, htmlStart } from './assets.ts'
import { englishLabels, type Labels } from '../transforms/catalogue/labels.ts'
import type { PlainKey } from '../transforms/catalogue/en.ts'

export type OutputKind = 'deck' | 'handout' | 'summary'

export interface IndexGuideline {
  id: string
  title: string
  subtitle?: string
  version: string
  updated: string
  status: 'draft' | 'in-review' | 'approved'
  /** File names inside dist/<id>/, e.g. deck.html, deck.pdf. */
  files: string[]
  /** The handout's or summary's own title (front matter `handout-title`, `summary-title`), when it has one. */
  titles?: Partial<Record<'handout' | 'summary', string>>
}

/** One row of the coverage matrix: is a term/topic present in each output? */
export interface CoverageRow {
  id: string
  term: string
  present: Partial<Record<OutputKind, boolean>>
}

/** One readability figure for one output of one guideline. */
export interface ReadabilityRow {
  id: string
  output: OutputKind
  metric: string
  value: number
  /** Target the gate checks against, shown beside the value. */
  target?: string
  pass?: boolean
}

export interface IndexExtras {
  coverage?: CoverageRow[]
  readability?: ReadabilityRow[]
}

const KIND_LABELS: ReadonlyArray<[string, PlainKey]> = [
  ['deck', 'slides'],
  ['handout', 'handoutKind'],
  ['summary', 'summaryKind']
]
/** Format names (the same in every language but PowerPoint's, which the catalogue holds). */
const FORMAT_LABELS: Record<string, PlainKey | string> = { html: 'HTML', pdf: 'PDF', pptx: 'indexPowerPoint' }
/** Files listed with an output though not named after it. */
const COMPANIONS: Record<string, { kind: string; format: PlainKey }> = { 'presenter.pdf': { kind: 'deck', format: 'indexPresenterPdf' } }

/** One list item per output: "Slides: HTML, PDF, PowerPoint, Presenter notes (PDF)"; an output with its own title names it. */
function fileLinks(id: string, files: string[], titles: NonNullable<IndexGuideline['titles']>, labels: Labels): string {
  const known = new Set<string>()
  const items = KIND_LABELS.map(([kind, key]) => {
    const label = labels.text(key)
    const mine = files.filter((f) => f.startsWith(`${kind}.`) || COMPANIONS[f]?.kind === kind)
    mine.forEach((f) => known.add(f))
    if (mine.length === 0) return ''
    const ownTitle = kind === 'handout' || kind === 'summary' ? titles[kind] : undefined
    const named = ownTitle ? `${label} “${ownTitle}”` : label
    const links = mine.map((f) => {
      const companion = COMPANIONS[f]?.format
      const written = FORMAT_LABELS[f.slice(kind.length + 1)]
      const format = companion ? labels.text(companion) : written === 'indexPowerPoint' ? labels.text('indexPowerPoint') : (written ?? f)
      return `<a href="${escapeHtml(`${id}/${f}`)}" aria-label="${escapeHtml(`${named} ${format}`)}">${escapeHtml(format)}</a>`
    })
    const title = ownTitle ? ` <cite>${escapeHtml(ownTitle)}</cite>` : ''
    return `<li><strong>${escapeHtml(label)}:</strong>${title} ${links.join(', ')}</li>`
  })
  const other = files.filter((f) => !known.has(f)).map((f) => `<li><a href="${escapeHtml(`${id}/${f}`)}">${escapeHtml(f)}</a></li>`)
  return [...items, ...other].filter(Boolean).join('\n')
}

const STATUS_LABEL: Record<IndexGuideline['status'], PlainKey> = {
  draft: 'draftMark',
  'in-review': 'indexInReview',
  approved: 'indexApproved'
}

/** An output's name in the reader's language, for the coverage and readability tables. */
const outputLabel: Record<OutputKind, PlainKey> = { deck: 'slides', handout: 'handoutKind', summary: 'summaryKind' }

function coverageTable(rows: CoverageRow[], labels: Labels): string {
  const kinds: OutputKind[] = ['deck', 'handout', 'summary']
  const cell = (value: boolean | undefined): string =>
    value === undefined ? '<td>–</td>' : value ? `<td class="ok">${escapeHtml(labels.text('indexYes'))}</td>` : `<td class="bad">${escapeHtml(labels.text('indexMissing'))}</td>`
  return `<table>
<thead><tr>${headers(labels, 'indexGuideline', 'indexTerm')}${kinds.map((k) => `<th scope="col">${escapeHtml(labels.text(outputLabel[k]))}</th>`).join('')}</tr></thead>
<tbody>
${rows.map((r) => `<tr><td>${escapeHtml(r.id)}</td><td>${escapeHtml(r.term)}</td>${kinds.map((k) => cell(r.present[k])).join('')}</tr>`).join('\n')}
</tbody>
</table>`
}

function headers(labels: Labels, ...keys: PlainKey[]): string {
  return keys.map((key) => `<th scope="col">${escapeHtml(labels.text(key))}</th>`).join('')
}

function readabilityTable(rows: ReadabilityRow[], labels: Labels): string {
  return `<table>
<thead><tr>${headers(labels, 'indexGuideline', 'indexOutput', 'indexMetric', 'indexValue', 'indexTarget')}</tr></thead>
<tbody>
${rows
  .map(
    (r) =>
      `<tr><td>${escapeHtml(r.id)}</td><td>${escapeHtml(labels.text(outputLabel[r.output]))}</td><td>${escapeHtml(r.metric)}</td>` +
      `<td class="${r.pass === false ? 'bad' : r.pass ? 'ok' : ''}">${escapeHtml(String(r.value))}</td><td>${escapeHtml(r.target ?? '')}</td></tr>`
  )
  .join('\n')}
</tbody>
</table>`
}

function placeholder(what: string, labels: Labels): string {
  return `<p class="placeholder" data-placeholder="${escapeHtml(what)}">${escapeHtml(labels.text('indexNotComputed'))}</p>`
}

/** Who publishes the library (config `organisation`) and its brand tokens (brand.ts), for the page's head and colours. */
export interface IndexSite {
  organisation?: string | undefined
  /** The logo as a data: URL. */
  logo?: string | undefined
  /** `:root{--gp-…}` overriding the house tokens below; '' for the house look. */
  brandCss?: string
  /** The page's words, in the project's language (config `lang` and `messages`); English when not given. */
  labels?: Labels
}

/** The organisation's logo and name above the page title, when the config names one. */
function organisationHead(site: IndexSite): string {
  if (site.organisation === undefined) return ''
  const logo = site.logo ? `<img src="${escapeHtml(site.logo)}" alt="" height="48"> ` : ''
  return `<p class="organisation">${logo}${escapeHtml(site.organisation)}</p>`
}

export function renderIndex(guidelines: IndexGuideline[], extras: IndexExtras = {}, site: IndexSite = {}): string {
  const labels = site.labels ?? englishLabels
  const items = guidelines
    .map((g) => {
      const links = fileLinks(g.id, g.files, g.titles ?? {}, labels)
      const subtitle = g.subtitle ? `<p>${escapeHtml(g.subtitle)}</p>\n` : ''
      const statusClass = g.status === 'approved' ? 'status' : 'status draft'
      return `<li class="guideline" id="${escapeHtml(g.id)}">
<h3>${escapeHtml(g.title)}</h3>
${subtitle}<p class="meta">${escapeHtml(labels.text('indexMeta', { version: g.version, date: g.updated }))} · <span class="${statusClass}">${escapeHtml(labels.text(STATUS_LABEL[g.status]))}</span></p>
<ul class="files">
${links || `<li>${escapeHtml(labels.text('indexNoFiles'))}</li>`}
</ul>
</li>`
    })
    .join('\n')
  const coverage = extras.coverage?.length ? coverageTable(extras.coverage, labels) : placeholder('coverage', labels)
  const readability = extras.readability?.length ? readabilityTable(extras.readability, labels) : placeholder('readability', labels)
  const count = labels.text(labels.count('indexCountOne', 'indexCountOther', guidelines.length), { count: guidelines.length })
  return `${htmlStart(labels.lang, labels.text('indexPageTitle'))}
<style>
${fontFaceCss()}
/* The house tokens of themes/print.css; the brand's (if any) follow and win. */
:root{--gp-ink:#1a2330;--gp-muted:#4a5563;--gp-brand:#0b5870;--gp-surface:#fff;--gp-tint:#e9f3f6;--gp-rule:#c5d3da;--gp-draft-bg:#fff1c2;--gp-draft-ink:#5c3300;--gp-font:${FONT_STACK}}
${site.brandCss ?? ''}
html{font-family:var(--gp-font);color:var(--gp-ink);background:var(--gp-surface);line-height:1.5}
body{max-width:60em;margin:0 auto;padding:1.5rem 1.25rem 3rem}
h1,h2,h3{color:var(--gp-brand);line-height:1.2}
a{color:var(--gp-brand)}
.organisation{display:flex;align-items:center;gap:.5em;margin:0;font-weight:700;color:var(--gp-muted)}
ul.guidelines{list-style:none;padding:0}
li.guideline{border:1px solid var(--gp-rule);border-radius:6px;padding:0.5em 1.2em 1em;margin:0 0 1em}
.meta{color:var(--gp-muted)}
.status.draft{background:var(--gp-draft-bg);color:var(--gp-draft-ink);font-weight:700;padding:0 .3em}
ul.files{list-style:none;padding-left:0}
ul.files li+li{margin-top:.25em}
section.gate{margin-top:2.5em;border-top:2px solid var(--gp-rule)}
.placeholder{color:var(--gp-muted);font-style:italic;border:2px dashed var(--gp-rule);padding:1em}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid var(--gp-rule);padding:.25em .5em;text-align:left}
th{background:var(--gp-tint)}
td.ok{color:#1d5e2c;background:#e3f3e6}
td.bad{color:#9b1c1c;background:#fbe4e4;font-weight:700}
</style>
</head>
<body>
<header>${organisationHead(site)}<h1>${escapeHtml(labels.text('indexTitle'))}</h1><p>${escapeHtml(count)}</p></header>
<main>
<section aria-labelledby="guidelines-heading">
<h2 id="guidelines-heading">${escapeHtml(labels.text('indexGuidelines'))}</h2>
<ul class="guidelines">
${items}
</ul>
</section>
<section class="gate" id="coverage" aria-labelledby="coverage-heading">
<h2 id="coverage-heading">${escapeHtml(labels.text('indexCoverage'))}</h2>
${coverage}
</section>
<section class="gate" id="readability" aria-labelledby="readability-heading">
<h2 id="readability-heading">${escapeHtml(labels.text('indexReadability'))}</h2>
${readability}
</section>
</main>
</body>
</html>
`
}
