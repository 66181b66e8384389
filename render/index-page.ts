// dist/index.html: every guideline with links to each of its files, plus the
// "Coverage" and "Readability" regions that the quality gates fill in. When no
// data is given those regions are rendered as clearly marked placeholders.
import { escapeHtml, FONT_STACK, fontFaceCss, htmlStart } from './assets.ts'

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

const KIND_LABELS: ReadonlyArray<[string, string]> = [
  ['deck', 'Slides'],
  ['handout', 'Patient handout'],
  ['summary', 'Clinician summary']
]
const FORMAT_LABELS: Record<string, string> = { html: 'HTML', pdf: 'PDF', pptx: 'PowerPoint' }
/** Files listed with an output though not named after it. */
const COMPANIONS: Record<string, { kind: string; format: string }> = { 'presenter.pdf': { kind: 'deck', format: 'Presenter notes (PDF)' } }

/** One list item per output: "Slides: HTML, PDF, PowerPoint, Presenter notes (PDF)"; an output with its own title names it. */
function fileLinks(id: string, files: string[], titles: IndexGuideline['titles'] = {}): string {
  const known = new Set<string>()
  const items = KIND_LABELS.map(([kind, label]) => {
    const mine = files.filter((f) => f.startsWith(`${kind}.`) || COMPANIONS[f]?.kind === kind)
    mine.forEach((f) => known.add(f))
    if (mine.length === 0) return ''
    const ownTitle = kind === 'handout' || kind === 'summary' ? titles[kind] : undefined
    const named = ownTitle ? `${label} “${ownTitle}”` : label
    const links = mine.map((f) => {
      const format = COMPANIONS[f]?.format ?? FORMAT_LABELS[f.slice(kind.length + 1)] ?? f
      return `<a href="${escapeHtml(`${id}/${f}`)}" aria-label="${escapeHtml(`${named} ${format}`)}">${escapeHtml(format)}</a>`
    })
    const title = ownTitle ? ` <cite>${escapeHtml(ownTitle)}</cite>` : ''
    return `<li><strong>${label}:</strong>${title} ${links.join(', ')}</li>`
  })
  const other = files.filter((f) => !known.has(f)).map((f) => `<li><a href="${escapeHtml(`${id}/${f}`)}">${escapeHtml(f)}</a></li>`)
  return [...items, ...other].filter(Boolean).join('\n')
}

const STATUS_LABEL: Record<IndexGuideline['status'], string> = {
  draft: 'Draft – not clinically approved',
  'in-review': 'In review – not clinically approved',
  approved: 'Approved'
}

function coverageTable(rows: CoverageRow[]): string {
  const kinds: OutputKind[] = ['deck', 'handout', 'summary']
  const cell = (value: boolean | undefined): string =>
    value === undefined ? '<td>–</td>' : value ? '<td class="ok">yes</td>' : '<td class="bad">missing</td>'
  return `<table>
<thead><tr><th scope="col">Guideline</th><th scope="col">Term</th>${kinds.map((k) => `<th scope="col">${k}</th>`).join('')}</tr></thead>
<tbody>
${rows.map((r) => `<tr><td>${escapeHtml(r.id)}</td><td>${escapeHtml(r.term)}</td>${kinds.map((k) => cell(r.present[k])).join('')}</tr>`).join('\n')}
</tbody>
</table>`
}

function readabilityTable(rows: ReadabilityRow[]): string {
  return `<table>
<thead><tr><th scope="col">Guideline</th><th scope="col">Output</th><th scope="col">Metric</th><th scope="col">Value</th><th scope="col">Target</th></tr></thead>
<tbody>
${rows
  .map(
    (r) =>
      `<tr><td>${escapeHtml(r.id)}</td><td>${r.output}</td><td>${escapeHtml(r.metric)}</td>` +
      `<td class="${r.pass === false ? 'bad' : r.pass ? 'ok' : ''}">${escapeHtml(String(r.value))}</td><td>${escapeHtml(r.target ?? '')}</td></tr>`
  )
  .join('\n')}
</tbody>
</table>`
}

function placeholder(what: string): string {
  return `<p class="placeholder" data-placeholder="${escapeHtml(what)}">Not computed in this build. The quality gates fill this section.</p>`
}

/** Who publishes the library (config `organisation`) and its brand tokens (brand.ts), for the page's head and colours. */
export interface IndexSite {
  organisation?: string | undefined
  /** The logo as a data: URL. */
  logo?: string | undefined
  /** `:root{--gp-…}` overriding the house tokens below; '' for the house look. */
  brandCss?: string
}

/** The organisation's logo and name above the page title, when the config names one. */
function organisationHead(site: IndexSite): string {
  if (site.organisation === undefined) return ''
  const logo = site.logo ? `<img src="${escapeHtml(site.logo)}" alt="" height="48"> ` : ''
  return `<p class="organisation">${logo}${escapeHtml(site.organisation)}</p>`
}

export function renderIndex(guidelines: IndexGuideline[], extras: IndexExtras = {}, site: IndexSite = {}): string {
  const items = guidelines
    .map((g) => {
      const links = fileLinks(g.id, g.files, g.titles)
      const subtitle = g.subtitle ? `<p>${escapeHtml(g.subtitle)}</p>\n` : ''
      const statusClass = g.status === 'approved' ? 'status' : 'status draft'
      return `<li class="guideline" id="${escapeHtml(g.id)}">
<h3>${escapeHtml(g.title)}</h3>
${subtitle}<p class="meta">Version ${escapeHtml(g.version)} · updated ${escapeHtml(g.updated)} · <span class="${statusClass}">${escapeHtml(STATUS_LABEL[g.status])}</span></p>
<ul class="files">
${links || '<li>No rendered files.</li>'}
</ul>
</li>`
    })
    .join('\n')
  const coverage = extras.coverage?.length ? coverageTable(extras.coverage) : placeholder('coverage')
  const readability = extras.readability?.length ? readabilityTable(extras.readability) : placeholder('readability')
  return `${htmlStart('en', 'guidepress – all guidelines')}
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
<header>${organisationHead(site)}<h1>Clinical guidelines</h1><p>${guidelines.length} guideline${guidelines.length === 1 ? '' : 's'}, built by guidepress.</p></header>
<main>
<section aria-labelledby="guidelines-heading">
<h2 id="guidelines-heading">Guidelines</h2>
<ul class="guidelines">
${items}
</ul>
</section>
<section class="gate" id="coverage" aria-labelledby="coverage-heading">
<h2 id="coverage-heading">Coverage</h2>
${coverage}
</section>
<section class="gate" id="readability" aria-labelledby="readability-heading">
<h2 id="readability-heading">Readability</h2>
${readability}
</section>
</main>
</body>
</html>
`
}
