// `npm run bench`: guidepress against the physical limit and against what a user would otherwise
// run (issue 19), side by side on generated guidelines (synthetic.ts), one row per target.
//
//   npm run bench                 everything below at N = 2, 10 and 100 (~14 min on the 2-core reference machine, quiet:
//                                 the N = 100 part ~4.5 min, the cold/warm pair ~1.5 min, the other N = 10 rows ~5 min,
//                                 marp --pptx at N = 10 up to 5 min before it gives up)
//   npm run bench -- --quick      smoke run: N = 2 and 3, nothing at scale, 3 repetitions (~4 min quiet; 14.5 min
//                                 at a load average of 20, 2026-11-30)
//   --seed <n>  other synthetic content;  --keep  keep the temp workspaces (printed)
//
// Pairs: PDF-only build vs the raw-print limit (raw-print.ts: one browser, two pages, page.pdf of
// the same deck/handout/summary HTML the build wrote; three alternating runs each, median runs compared) and vs `marp --pdf`; full build (PPTX too)
// vs `marp --pdf` + `marp --pptx` at N = 2 and 10; nothing changed vs bare `marp --version` (median
// of alternating runs) and vs the full build; one edited guideline vs (1.5 / N) × full, checking
// only it and dist/index.html were rewritten, with the floor under it (a fresh browser printing
// that guideline's HTML, raw-print.ts on its files alone), and the same edit in a running `guidepress dev --pdf`
// (dev-edit.ts: warm process and browser) vs the PDF-only build; a cold first build (fresh toolkit copy, empty bundle
// cache, fresh workspace) vs a warm one, and where the difference goes; the transform stage vs
// remark parse + stringify (in process, both reading the files), and its parse alone vs the same; `guidepress dev` from a save to
// the DOM change (dev-latency.ts in a child process of its own, median of 10); the N = 100 PDF-only build vs N = 10; peak memory.
//
// Each run is a child process (measure.ts: wall time, node peak RSS, browser peak PSS). Both sides
// use the same browser: CHROME_PATH, else the one guidepress finds (render/browser.ts), passed to
// marp as --browser-path and to guidepress as CHROME_PATH. marp gets `--theme-set themes/guidepress.css`
// and `--allow-local-files`, what a user needs for the same slides. Full guidepress builds get
// `--force`, so the build cache never shortens them. Writes bench/results.json (not committed:
// figures from a shared, loaded machine mislead; the run's own table says what the machine was doing).
import { rmSync } from 'node:fs'
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises'
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import { unified } from 'unified'
import { VFile } from 'vfile'
import { transformAll } from '../cli/commands/build.ts'
import { readFrontMatter } from '../transforms/input/front-matter.ts'
import { parseGuideline } from '../transforms/parse/parse.ts'
import { findBrowser } from '../render/browser.ts'
import { measureWarmEdits } from './dev-edit.ts'
import { measureDevLatencyInChild } from './dev-latency.ts'
import { mb, Report, strip, timed } from './report.ts'
import { Bench, compare, median, medianRun, seconds, stepsOf, toolkit, type Built } from './steps.ts'
import { editGuideline, guidelineId, writeWorkspace } from './synthetic.ts'

const { values } = parseArgs({ options: { quick: { type: 'boolean' }, seed: { type: 'string', default: '1' }, keep: { type: 'boolean' } } })
const quick = values.quick ?? false
const small = quick ? 3 : 10
const large = quick ? undefined : 100
const reps = quick ? 3 : 7
const found = process.env.CHROME_PATH?.trim() ? { executablePath: process.env.CHROME_PATH.trim(), headless: true as const } : await findBrowser()
const browser = { executablePath: found.executablePath, headless: found.headless }
const loadAtStart = loadavg()
const scratch = await mkdtemp(path.join(tmpdir(), 'guidepress-bench-'))
// Workspaces and marp outputs go away at exit, also after a failure (unless --keep).
process.on('exit', () => (values.keep ? undefined : rmSync(scratch, { recursive: true, force: true })))
const bench = new Bench(scratch, browser, Number(values.seed))
if ((loadAtStart[0] ?? 0) > availableParallelism()) bench.log(`warning: load average ${loadAtStart.map((x) => x.toFixed(1)).join(' ')} on ${availableParallelism()} cores: other work will slow both sides unevenly`)
const report = new Report()
const ratio = (a: { wallMs: number }, b: { wallMs: number }): number => a.wallMs / b.wallMs

// ---- N = 2: the full build against marp-cli ------------------------------------------------------
const two = await bench.prepare(2)
// Warm-up (not measured): loads Chromium and marp once so neither side pays a cold start.
await bench.marp(two.ws, '--pdf', 'warm-up')
const twoMarpPdf = await bench.marp(two.ws, '--pdf', 'N=2')
const twoMarpPptx = await bench.marp(two.ws, '--pptx', 'N=2')
const twoFull = await bench.guidepress(two.ws, ['--force'], 'N=2: full build')

// ---- N = small: every other pair -----------------------------------------------------------------
const main = await bench.prepare(small)
const marpPdf = await bench.marp(main.ws, '--pdf', `N=${small}`)
const marpPptx = await bench.marpRun(main.ws, '--pptx', `N=${small}`)
// The PDF-only build and the raw-print limit alternate, three runs each, and the median runs are
// compared: one run of each gave 1.17 and 1.55 on two days for code that was no slower.
const pdfOnlyRuns: Built[] = []
const rawRuns: Array<Awaited<ReturnType<Bench['rawPrint']>>> = []
for (let i = 0; i < (quick ? 1 : 3); i++) {
  pdfOnlyRuns.push(await bench.guidepress(main.ws, ['--force', '--no-pptx', '--timings'], `N=${small}: PDF-only build`))
  rawRuns.push(await bench.rawPrint(main.ws, `N=${small}`))
}
const pdfOnly = medianRun(pdfOnlyRuns)
const raw = medianRun(rawRuns)
const full = await bench.guidepress(main.ws, ['--force'], `N=${small}: full build`)
const noops: Built[] = []
const versions: Awaited<ReturnType<Bench['marpVersion']>>[] = []
for (let i = 0; i < reps; i++) {
  noops.push(await bench.guidepress(main.ws, [], `N=${small}: nothing changed`))
  versions.push(await bench.marpVersion(main.ws.root))
}
const noopTime = median(noops.map((run) => run.wallMs))
const versionTime = median(versions.map((run) => run.wallMs))

// One guideline edited: only it and dist/index.html may be rewritten.
const editedId = guidelineId(Math.floor(small / 2))
const editedFile = path.join(main.ws.root, 'source', `${editedId}.md`)
const mtimes = async (): Promise<Map<string, number>> =>
  new Map(await Promise.all(['index.html', ...main.ws.ids.map((id) => `${id}/handout.html`)].map(async (file) => [file, (await stat(path.join(main.ws.root, 'dist', file))).mtimeMs] as const)))
const before = await mtimes()
const editNote = 'Ask us about this at your next visit.'
await writeFile(editedFile, editGuideline(await readFile(editedFile, 'utf8'), editNote))
const edited = await bench.guidepress(main.ws, ['--timings'], `N=${small}: one guideline edited`)
const after = await mtimes()
// The floor under that build: a fresh browser printing only the edited guideline's HTML, as the
// build must at least do (no node start, no presenter.pdf, no PPTX, no close). Median of 3.
const editFloorRuns: Array<Awaited<ReturnType<Bench['rawPrint']>>> = []
for (let i = 0; i < (quick ? 1 : 3); i++) editFloorRuns.push(await bench.rawPrint(main.ws, `${editedId}: cold floor`, [editedId]))
const editFloorMs = median(editFloorRuns.map((run) => run.printMs))
const rewritten = [...after].filter(([file, time]) => before.get(file) !== time).map(([file]) => file).sort()
const onlyEdited = rewritten.join(' ') === `${editedId}/handout.html index.html`
if (!(await readFile(path.join(main.ws.root, 'handouts', `${editedId}.md`), 'utf8')).includes(editNote)) throw new Error(`the build after the edit did not update handouts/${editedId}.md`)
// The same edit where an author makes it over and over: in a running `guidepress dev --pdf`.
const devEditLoad = loadavg()[0] ?? 0
const devEdits = await measureWarmEdits({ toolkit, root: main.ws.root, id: editedId, browserPath: browser.executablePath, rounds: 3 })

// ---- Cold vs warm: a fresh toolkit (empty bundle cache) and fresh workspaces ---------------------
const freshToolkit = await bench.freshToolkit()
const freshBin = path.join(freshToolkit, 'bin', 'guidepress.js')
const cold = await bench.guidepress(await bench.freshCopy(main.ws, 'cold'), [], `N=${small}: cold first build (fresh toolkit, no caches)`, freshBin)
const warm = await bench.guidepress(await bench.freshCopy(main.ws, 'warm'), [], `N=${small}: warm first build (same toolkit, fresh workspace)`, freshBin)
// Where the cold run's extra time goes: the bundle a first start makes (a second fresh toolkit's
// first --version against its second), and the rest (files not yet in the OS cache, JIT).
const bundleToolkit = path.join(await bench.freshToolkit(), 'bin', 'guidepress.js')
const firstStart = await bench.guidepressVersion(main.ws.root, 'fresh toolkit: first start (makes the bundle)', bundleToolkit)
const secondStart = await bench.guidepressVersion(main.ws.root, 'fresh toolkit: second start', bundleToolkit)
const bundleMs = firstStart.wallMs - secondStart.wallMs

// ---- Transform stage vs remark, in process, both reading the same files ------------------------------
const transformWs = await writeWorkspace(await mkdtemp(path.join(scratch, 'transform-')), small, Number(values.seed))
const sourceFiles = transformWs.ids.map((id) => path.join(transformWs.root, 'source', `${id}.md`))
const transformBytes = transformWs.bytes
const remark = unified().use(remarkParse).use(remarkStringify)
const transformLoad = loadavg()[0] ?? 0
let transformOk = true
const [transformTime, remarkTime] = await compare(
  async () => {
    const result = await transformAll({ root: transformWs.root })
    transformOk &&= result.ok && result.results.length === small
  },
  async () => {
    for (const file of sourceFiles) String(remark.processSync(await readFile(file, 'utf8')))
  },
  quick ? 3 : 9
)
if (!transformOk) throw new Error('transformAll reported errors on the synthetic guidelines')
// Where that time goes: the transform's parse alone (front matter, then Markdown with GFM,
// directives and heading ids), against the same remark round trip, alternated as above.
const [parseTime, remarkAgain] = await compare(
  async () => {
    for (const [index, file] of sourceFiles.entries()) {
      const vfile = new VFile({ path: file, value: await readFile(file, 'utf8') })
      readFrontMatter(vfile, transformWs.ids[index] ?? '', '2026-01-01')
      parseGuideline(vfile)
    }
  },
  async () => {
    for (const file of sourceFiles) String(remark.processSync(await readFile(file, 'utf8')))
  },
  quick ? 3 : 9
)
const mbPerS = (ms: number): number => transformBytes / 1e6 / (ms / 1000)

// ---- guidepress dev: save → DOM change on the flagship -----------------------------------------------
bench.log('guidepress dev: edit → DOM change on the flagship')
const devLoad = loadavg()[0] ?? 0
const dev = await measureDevLatencyInChild(browser.executablePath, quick ? 3 : 10)
bench.log(`guidepress dev: ${dev.roundsMs.map((ms) => ms.toFixed(0)).join(' ')} ms`)

// ---- N = large: PDF-only scaling -------------------------------------------------------------------
const scale = large === undefined ? undefined : await (async () => {
  const prepared = await bench.prepare(large)
  const marpLarge = await bench.marp(prepared.ws, '--pdf', `N=${large}`)
  const pdfLarge = await bench.guidepress(prepared.ws, ['--force', '--no-pptx'], `N=${large}: PDF-only build`)
  return { ...prepared, marpPdf: marpLarge, pdfOnly: pdfLarge }
})()

// ---- Report -----------------------------------------------------------------------------------------
report.ratio(
  `PDF-only build (--no-pptx) vs the raw-print limit (N=${small}, median of ${pdfOnlyRuns.length} alternating)`,
  timed(pdfOnly, `; runs ${pdfOnlyRuns.map((run) => seconds(run.wallMs)).join(', ')}; steps (s): ${stepsOf(pdfOnly)}`),
  `${seconds(raw.wallMs)} (printing ${seconds(raw.printMs)}; runs ${rawRuns.map((run) => seconds(run.wallMs)).join(', ')})`,
  ratio(pdfOnly, raw),
  { max: 1.5 }
)
// The issue asks for this ratio to be reported, with no target: marp prints the decks alone.
report.figure(`PDF-only build vs marp --pdf (N=${small}; marp prints the decks alone)`, timed(pdfOnly).text, seconds(marpPdf.wallMs), ratio(pdfOnly, marpPdf))
for (const [n, ours, mPdf, mPptx] of [[2, twoFull, twoMarpPdf, twoMarpPptx], [small, full, marpPdf, marpPptx]] as const) {
  const both = mPdf.wallMs + mPptx.wallMs
  // marp's PPTX gave up part-way: its time so far is a lower bound, so the ratio is an upper bound.
  const gaveUp = 'unfinished' in mPptx && mPptx.unfinished ? `; marp --pptx gave up at ${seconds(mPptx.wallMs)} with ${mPptx.written} of ${mPptx.decks} decks, so the ratio is at most this` : ''
  report.ratio(`full build, PPTX too, vs marp --pdf + --pptx (N=${n})`, timed(ours), `${seconds(both)} (${seconds(mPdf.wallMs)} + ${seconds(mPptx.wallMs)}${gaveUp})`, ours.wallMs / both, { max: 0.7 })
}
const noopBrowsers = Math.max(...noops.map((run) => Math.max(run.browserStarts ?? 0, run.browsersSeen)))
report.ratio(`nothing changed vs bare marp --version (N=${small}, median of ${reps})`, { text: seconds(noopTime.medianMs), load: noops[0]?.load1Before ?? 0 }, seconds(versionTime.medianMs), noopTime.medianMs / versionTime.medianMs, { max: 1.5 })
report.ratio(`nothing changed vs full build (N=${small})`, { text: `${seconds(noopTime.medianMs)}, ${noopBrowsers} browser starts`, load: noops[0]?.load1Before ?? 0 }, seconds(full.wallMs), noopTime.medianMs / full.wallMs, { max: 0.05 }, { met: noopBrowsers === 0, target: '≤ 0.05, 0 browser starts' })
report.ratio(`one guideline edited vs full build (N=${small})`, timed(edited, `; rewrote ${rewritten.join(', ')}; steps (s): ${stepsOf(edited)}`), seconds(full.wallMs), ratio(edited, full), { max: Number((1.5 / small).toFixed(3)) }, { met: onlyEdited, target: `≤ ${(1.5 / small).toFixed(2)} (1.5/N); only it and index.html` })
report.figure(
  `floor of that edit: a fresh browser launching and printing the edited guideline's deck, handout and summary HTML (raw, median of ${editFloorRuns.length}) vs full build; above ${(1.5 / small).toFixed(2)}, the row above cannot be met by a build that starts its browser`,
  `${seconds(editFloorMs.medianMs)} (runs ${editFloorRuns.map((run) => seconds(run.printMs)).join(', ')})`,
  seconds(full.wallMs),
  editFloorMs.medianMs / full.wallMs
)
report.ratio(
  `one guideline edited in a running guidepress dev --pdf vs PDF-only build (N=${small}, median of ${devEdits.roundsMs.length}; dev makes no PPTX)`,
  { text: `${seconds(devEdits.medianMs)} (rounds ${devEdits.roundsMs.map(seconds).join(', ')}; the first edit, uncounted: ${seconds(devEdits.firstMs)})`, load: devEditLoad },
  seconds(pdfOnly.wallMs),
  devEdits.medianMs / pdfOnly.wallMs,
  { max: Number((1.5 / small).toFixed(3)) }
)
report.ratio(`cold first build vs warm (N=${small}; bundle ${seconds(bundleMs)}, rest ${seconds(cold.wallMs - warm.wallMs - bundleMs)})`, timed(cold), seconds(warm.wallMs), ratio(cold, warm), { max: 1.3 })
report.ratio(`transform stage vs remark parse + stringify (N=${small}, MB/s, both read the files)`, { text: mbPerS(transformTime.medianMs).toFixed(2), load: transformLoad }, mbPerS(remarkTime.medianMs).toFixed(2), remarkTime.medianMs / transformTime.medianMs, { min: 0.5 })
report.figure(
  `the transform's parse alone (front matter, Markdown with GFM and directives) vs remark parse + stringify (N=${small}, MB/s): the rest of the transform (three outputs shaped, checked and written) has what is left of the 0.5 budget`,
  mbPerS(parseTime.medianMs).toFixed(2),
  mbPerS(remarkAgain.medianMs).toFixed(2),
  remarkAgain.medianMs / parseTime.medianMs
)
const devCpu = median(dev.cpuMs.filter((ms): ms is number => ms !== null)).medianMs
report.ratio(`guidepress dev: save → DOM change, flagship (median of ${dev.roundsMs.length})`, { text: `${seconds(dev.medianMs)} (dev process CPU ${seconds(devCpu)})`, load: devLoad }, '0.3 s', dev.medianMs / 300, { max: 1 }, { target: '≤ 0.3 s' })
if (scale) {
  report.ratio(`PDF-only build N=${large} / N=${small}`, timed(scale.pdfOnly), seconds(pdfOnly.wallMs), ratio(scale.pdfOnly, pdfOnly), { max: 11 })
  report.figure(`PDF-only build vs marp --pdf (N=${large}; marp prints the decks alone)`, timed(scale.pdfOnly).text, seconds(scale.marpPdf.wallMs), ratio(scale.pdfOnly, scale.marpPdf))
}
const runs = [twoFull, pdfOnly, full, ...(scale ? [scale.pdfOnly] : [])]
const marpRuns = [twoMarpPdf, twoMarpPptx, marpPdf, marpPptx, ...(scale ? [scale.marpPdf] : [])]
const nodePeak = Math.max(...runs.map((run) => run.nodeMaxRssKb ?? 0))
const marpNodePeak = Math.max(...marpRuns.map((run) => run.nodeMaxRssKb ?? 0))
report.figure('peak RSS of the node process (largest build; marp: largest run)', mb(nodePeak), mb(marpNodePeak), marpNodePeak ? nodePeak / marpNodePeak : null)
const browserPeak = Math.max(...runs.map((run) => run.browserPeakPssKb))
const marpBrowserPeak = Math.max(...marpRuns.map((run) => run.browserPeakPssKb))
report.figure('peak browser memory, PSS of all Chromium processes', mb(browserPeak), mb(marpBrowserPeak), marpBrowserPeak ? browserPeak / marpBrowserPeak : null)

const totalMs = bench.elapsedMs()
const results = {
  date: new Date().toISOString(),
  options: { quick, seed: Number(values.seed), small, large: large ?? null, reps },
  machine: { cpus: availableParallelism(), cpu: cpus()[0]?.model ?? '?', node: process.version, platform: `${process.platform} ${process.arch}` },
  browser,
  totalMs,
  loadAverage: { start: loadAtStart, end: loadavg() },
  n2: { marpPdf: strip(twoMarpPdf), marpPptx: strip(twoMarpPptx), guidepressFull: strip(twoFull) },
  [`n${small}`]: {
    sourceBytes: main.ws.bytes,
    slides: main.slides,
    markdownBuild: strip(main.markdownBuild),
    marpPdf: strip(marpPdf),
    marpPptx: strip(marpPptx),
    rawPrint: { ...strip(raw), printMs: raw.printMs, runsMs: rawRuns.map((run) => run.wallMs) },
    guidepressPdfOnly: { ...strip(pdfOnly), runsMs: pdfOnlyRuns.map((run) => run.wallMs) },
    guidepressFull: strip(full),
    guidepressNoop: { median: noopTime, runs: noops.map(strip) },
    marpVersion: { median: versionTime, runs: versions.map(strip) },
    guidepressOneEdited: { ...strip(edited), edited: editedId, rewritten },
    oneEditFloor: { median: editFloorMs, runs: editFloorRuns.map((run) => ({ ...strip(run), printMs: run.printMs })) },
    devPdfEdits: devEdits,
    cold: { cold: strip(cold), warm: strip(warm), firstStart: strip(firstStart), secondStart: strip(secondStart), bundleMs },
    transform: { bytes: transformBytes, guidepress: transformTime, remark: remarkTime, guidepressMBps: mbPerS(transformTime.medianMs), remarkMBps: mbPerS(remarkTime.medianMs), parseAlone: parseTime, remarkBesideParse: remarkAgain }
  },
  dev,
  ...(scale && large ? { [`n${large}`]: { sourceBytes: scale.ws.bytes, slides: scale.slides, markdownBuild: strip(scale.markdownBuild), marpPdf: strip(scale.marpPdf), guidepressPdfOnly: strip(scale.pdfOnly) } } : {}),
  rows: report.rows
}
await writeFile(path.join(toolkit, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`)
if (values.keep) bench.log(`workspaces kept in ${scratch}`)

process.stdout.write(`\n${report.table()}\n\n`)
process.stdout.write(
  `Chromium: ${browser.executablePath} · ${availableParallelism()} cores · node ${process.version} · load average ${loadAtStart.map((x) => x.toFixed(1)).join(' ')} at the start, ${loadavg().map((x) => x.toFixed(1)).join(' ')} at the end · bench took ${seconds(totalMs)} · raw numbers in bench/results.json\n`
)
