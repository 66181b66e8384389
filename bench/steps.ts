// The bench's measured steps (bench/run.ts runs them): guidepress builds, bare marp-cli, the
// raw-print limit and a fresh copy of the toolkit for the cold start. Each run is a child process
// measured by measure.ts.
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises'
import path from 'node:path'
import { measureNode, type Measured } from './measure.ts'
import { writeWorkspace, type Workspace } from './synthetic.ts'

export const toolkit = path.resolve(import.meta.dirname, '..')
const marpBin = path.join(toolkit, 'node_modules', '@marp-team', 'marp-cli', 'marp-cli.js')
const tsxLoader = import.meta.resolve('tsx/esm')

export interface Browser {
  executablePath: string
  headless: true | 'shell'
}

export type Built = Measured & { browserStarts: number | null }

/** The steps of a build run with `--timings`, as "planned 0.61 · transformed 1.30 · …" (seconds since its start). */
export const stepsOf = (run: { stdout: string }): string => /^Timings \(seconds since start\): (.*)$/m.exec(run.stdout)?.[1]?.split(', ').join(' · ') ?? ''

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`

export class Bench {
  private readonly started = performance.now()

  constructor(
    readonly scratch: string,
    readonly browser: Browser,
    readonly seed: number
  ) {}

  log(text: string): void {
    process.stderr.write(`[bench ${((performance.now() - this.started) / 1000).toFixed(0).padStart(4)} s] ${text}\n`)
  }

  elapsedMs(): number {
    return performance.now() - this.started
  }

  private check<T extends Measured>(run: T, what: string): T {
    this.log(`${what}: ${seconds(run.wallMs)} (load ${run.load1Before.toFixed(1)})${run.exitCode === 0 ? '' : ` — exit ${run.exitCode}`}`)
    if (run.exitCode !== 0) throw new Error(`${what} failed (exit ${run.exitCode}): ${run.command}\n${(run.stderr || run.stdout).slice(-3000)}`)
    return run
  }

  /** `guidepress build …` in the workspace, with the bench's browser (both sides use the same one). */
  async guidepress(ws: Workspace, args: string[], what: string, bin = path.join(toolkit, 'bin', 'guidepress.js')): Promise<Built> {
    const argv = ['build', ...args]
    const run = this.check(await measureNode(bin, argv, ws.root, { CHROME_PATH: this.browser.executablePath }), `${what} (guidepress ${argv.join(' ')})`)
    const starts = /(\d+) browser starts?/.exec(run.stdout)?.[1]
    return { ...run, browserStarts: starts === undefined ? null : Number(starts) }
  }

  /** `guidepress --version`: start-up alone (with `bin`, a fresh toolkit's first start makes its bundle). */
  async guidepressVersion(cwd: string, what: string, bin = path.join(toolkit, 'bin', 'guidepress.js')): Promise<Measured> {
    return this.check(await measureNode(bin, ['--version'], cwd), what)
  }

  async marpVersion(cwd: string): Promise<Measured> {
    return this.check(await measureNode(marpBin, ['--version'], cwd), 'bare marp --version')
  }

  /** marp-cli on every deck of the workspace, as a user would run it for the same slides. */
  async marp(ws: Workspace, format: '--pdf' | '--pptx', what: string, inputDir = path.join(ws.root, 'decks')): Promise<Measured> {
    const run = await this.marpRun(ws, format, what, inputDir)
    if (run.unfinished) throw new Error(`${what}: marp ${format} wrote ${run.written} files for ${run.decks} decks`)
    return run
  }

  /**
   * marp-cli where it may fail, as its batch PPTX does on a 2-core machine at N = 10 (puppeteer's
   * Runtime.callFunctionOn or Page.captureScreenshot times out after about 260–300 s, with 1 or 2 of
   * 10 decks written, 2026-11-30): the time until it gave up is then a lower bound of marp's time.
   */
  async marpRun(ws: Workspace, format: '--pdf' | '--pptx', what: string, inputDir = path.join(ws.root, 'decks')): Promise<Measured & { unfinished: boolean; written: number; decks: number }> {
    const out = await mkdtemp(path.join(this.scratch, 'marp-'))
    const args = ['--input-dir', inputDir, format, '--browser-path', this.browser.executablePath, '--theme-set', path.join(toolkit, 'themes', 'guidepress.css'), '--allow-local-files', '-o', out]
    const measured = await measureNode(marpBin, args, ws.root)
    const written = (await readdir(out)).filter((name) => name.endsWith(format.slice(2))).length
    const decks = (await readdir(inputDir)).length
    await rm(out, { recursive: true, force: true })
    if (measured.exitCode !== 0 && written < decks) {
      this.log(`${what} (marp ${format}): gave up after ${seconds(measured.wallMs)} with ${written} of ${decks} files written (load ${measured.load1Before.toFixed(1)}): ${measured.stderr.match(/\(([^)]*timed out)/)?.[1] ?? `exit ${measured.exitCode}`}`)
      return { ...measured, unfinished: true, written, decks }
    }
    return { ...this.check(measured, `${what} (marp ${format})`), unfinished: written < decks, written, decks }
  }

  /** The raw-print limit on the HTML files the last build wrote to the workspace's dist/ for `ids` (all by default; raw-print.ts). */
  async rawPrint(ws: Workspace, what: string, ids: readonly string[] = ws.ids): Promise<Measured & { printMs: number }> {
    const out = await mkdtemp(path.join(this.scratch, 'raw-'))
    const files = ids.flatMap((id) => ['deck', 'handout', 'summary'].map((name) => path.join(ws.root, 'dist', id, `${name}.html`)))
    const args = [this.browser.executablePath, this.browser.headless === 'shell' ? 'shell' : 'true', out, ...files]
    const run = this.check(await measureNode(path.join(toolkit, 'bench', 'raw-print.ts'), args, ws.root, {}, ['--import', tsxLoader]), `${what} (raw print: one browser, two pages, page.pdf)`)
    const printed = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as { pages?: number; ms?: number }
    if (printed.pages !== files.length) throw new Error(`raw print wrote ${printed.pages} PDFs for ${files.length} files`)
    await rm(out, { recursive: true, force: true })
    return { ...run, printMs: printed.ms ?? Number.NaN }
  }

  /** N generated guidelines, built once with --no-pdf: checks they are valid and writes decks/ for marp. */
  async prepare(count: number): Promise<{ ws: Workspace; slides: number[]; markdownBuild: Measured }> {
    const ws = await writeWorkspace(await mkdtemp(path.join(this.scratch, `ws${count}-`)), count, this.seed)
    this.log(`N=${count}: ${ws.ids.length} guidelines, ${(ws.bytes / count / 1024).toFixed(1)} KB each on average, in ${ws.root}`)
    const markdownBuild = await this.guidepress(ws, ['--force', '--no-pdf'], `N=${count}: Markdown build (validates the synthetic guidelines)`)
    const slides = await Promise.all(ws.ids.map(async (id) => (await readFile(path.join(ws.root, 'decks', `${id}.md`), 'utf8')).split(/^---$/m).length - 2))
    if (slides.some((n) => n < 12 || n > 20)) this.log(`warning: decks have ${Math.min(...slides)}–${Math.max(...slides)} slides, outside 12–20`)
    return { ws, slides, markdownBuild }
  }

  /** A fresh copy of `ws`'s sources only: no outputs, no build cache (what a fresh clone has before its first build). */
  async freshCopy(ws: Workspace, name: string): Promise<Workspace> {
    const root = await mkdtemp(path.join(this.scratch, `${name}-`))
    await cp(path.join(ws.root, 'source'), path.join(root, 'source'), { recursive: true })
    return { ...ws, root }
  }

  /**
   * A copy of the toolkit with an empty bundle cache, its node_modules a folder of links to the
   * real packages (as test/cli/bundle.test.ts makes): a fresh clone after `npm ci`, without the network.
   */
  async freshToolkit(): Promise<string> {
    const copy = await mkdtemp(path.join(this.scratch, 'toolkit-'))
    for (const entry of ['bin', 'transforms', 'render', 'cli', 'themes', 'package.json']) await cp(path.join(toolkit, entry), path.join(copy, entry), { recursive: true })
    await mkdir(path.join(copy, 'node_modules'))
    for (const name of await readdir(path.join(toolkit, 'node_modules'))) {
      if (name !== '.cache') await symlink(path.join(toolkit, 'node_modules', name), path.join(copy, 'node_modules', name))
    }
    return copy
  }
}

export interface Timing {
  medianMs: number
  runsMs: number[]
}

/** The run of median wall time (the lower middle one of an even number). */
export function medianRun<T extends { wallMs: number }>(runs: readonly T[]): T {
  const sorted = [...runs].sort((x, y) => x.wallMs - y.wallMs)
  const middle = sorted[Math.floor((sorted.length - 1) / 2)]
  if (!middle) throw new Error('medianRun of no runs')
  return middle
}

export const median = (runsMs: number[]): Timing => ({ medianMs: [...runsMs].sort((x, y) => x - y)[Math.floor((runsMs.length - 1) / 2)] ?? Number.NaN, runsMs })

/**
 * Median wall times of two workloads. In process ones are warmed up first (at least 3 runs and
 * 3 s, so the JIT has settled); then the runs alternate so both see the same machine load.
 */
export async function compare(a: () => Promise<unknown>, b: () => Promise<unknown>, reps: number, warm = true): Promise<[Timing, Timing]> {
  if (warm) {
    for (const run of [a, b]) {
      const until = performance.now() + 3000
      for (let i = 0; i < 3 || performance.now() < until; i++) await run()
    }
  }
  const times: [number[], number[]] = [[], []]
  for (let i = 0; i < reps; i++) {
    for (const [index, run] of [a, b].entries()) {
      const t = performance.now()
      await run()
      times[index]?.push(performance.now() - t)
    }
  }
  return [median(times[0]), median(times[1])]
}
