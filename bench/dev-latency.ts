// The `guidepress dev` edit loop, as an author sees it: from saving source/<id>.md to the change
// showing in the open page. A `guidepress dev` child serves a copy of the flagship; a headless
// browser (puppeteer-core, the same browser as the rest of the bench) shows its handout; each round
// appends a sentence with a new number to the first paragraph of the guideline's first `:::handout`
// block and waits until the page's text has it (the page reloads itself on the server's event).
// The time runs from just before the file is written to the moment the page's DOM has the sentence.
//
//   npx tsx bench/dev-latency.ts [--rounds 10]     prints the times and the median
//   … --browser <path>  the browser to show the page in (default: the one guidepress finds)
//   … --json <file>     also writes the result (DevLatency) there: bench/run.ts runs this file as a
//                       child of its own, so nothing of the bench's process (its heap from the rows
//                       before) weighs on the rounds
//   … --profile <dir>   also writes the dev process's CPU profile (node --cpu-prof) to <dir>, and
//                       `rounds.json` there: each counted round's window on the profile's clock
//                       (microseconds), from the write to the end of its build
import { spawn, type ChildProcess } from 'node:child_process'
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import puppeteer from 'puppeteer-core'

export interface DevLatency {
  /** Each round's time from the write to the DOM change, in ms (the warm-up round not included). */
  roundsMs: number[]
  medianMs: number
  /**
   * CPU time the dev process spent in each round (user + system, from /proc; null elsewhere): on a
   * loaded machine the wall time mostly measures waiting for a core, this what the round needed.
   */
  cpuMs: Array<number | null>
  /** The same until the round's build has ended (the rest of the build runs after the page shows the edit). */
  buildCpuMs: Array<number | null>
  guideline: string
}

/** The text with `sentence` appended to the first paragraph of its first `:::handout` block. */
export function withHandoutSentence(text: string, sentence: string): string {
  const edited = text.replace(/^:::handout\n(?!!\[)(.+)$/m, (block, paragraph: string) => block.replace(paragraph, `${paragraph} ${sentence}`))
  if (edited === text) throw new Error('no `:::handout` block starting with a paragraph to edit')
  return edited
}

export async function measureDevLatency(options: { toolkit: string; sourceDir: string; guideline: string; browserPath: string; rounds: number; profileDir?: string }): Promise<DevLatency> {
  const root = await mkdtemp(path.join(tmpdir(), 'guidepress-bench-dev-'))
  await cp(options.sourceDir, path.join(root, 'source'), { recursive: true })
  const file = path.join(root, 'source', `${options.guideline}.md`)
  const original = await readFile(file, 'utf8')
  if (options.profileDir) await mkdir(options.profileDir, { recursive: true })
  const profile = options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(options.profileDir)}`] : []
  const dev = spawn(process.execPath, [...profile, path.join(options.toolkit, 'bin', 'guidepress.js'), 'dev', '--port', '0'], {
    cwd: root,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const browser = await puppeteer.launch({ executablePath: options.browserPath, headless: true, args: ['--no-sandbox'] })
  try {
    const output = lines(dev)
    const url = /Serving dist\/ at (\S+)/.exec(await output.waitFor(/Serving dist\/ at \S+/, 60_000))?.[1] ?? ''
    // The first build (all of it: the copy has no dist/ yet).
    await output.waitFor(/rebuilt|nothing to rebuild|build failed/, 300_000)
    const page = await browser.newPage()
    await page.goto(`${url}${options.guideline}/handout.html`, { waitUntil: 'load' })
    const roundsMs: number[] = []
    const cpuMs: Array<number | null> = []
    const buildCpuMs: Array<number | null> = []
    // The profile's timestamps are the monotonic clock's, in microseconds, as is hrtime here.
    const windows: Array<{ startUs: number; shownUs: number; builtUs: number }> = []
    const monotonicUs = (): number => Number(process.hrtime.bigint() / 1000n)
    // Round 0 warms up (the first rebuild loads what the first build did not need); it is not counted.
    for (let round = 0; round <= options.rounds; round++) {
      const sentence = `Ask about it on visit ${101 + round}.`
      const shown = page.waitForFunction((text: string) => document.body?.innerText.includes(text) ?? false, { polling: 'raf', timeout: 60_000 }, sentence)
      const cpuBefore = await processCpuMs(dev.pid)
      const started = performance.now()
      const startUs = monotonicUs()
      await writeFile(file, withHandoutSentence(original, sentence))
      await shown
      const took = performance.now() - started
      const shownUs = monotonicUs()
      const cpuAfter = await processCpuMs(dev.pid)
      if (round > 0) {
        roundsMs.push(took)
        cpuMs.push(cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore)
      }
      // Let the server settle (its build ends after the page has what it needs) before the next save.
      await output.waitFor(/rebuilt|build failed/, 60_000)
      const cpuBuilt = await processCpuMs(dev.pid)
      if (round > 0) {
        windows.push({ startUs, shownUs, builtUs: monotonicUs() })
        buildCpuMs.push(cpuBefore === null || cpuBuilt === null ? null : cpuBuilt - cpuBefore)
      }
    }
    if (options.profileDir) await writeFile(path.join(options.profileDir, 'rounds.json'), JSON.stringify(windows))
    const sorted = [...roundsMs].sort((a, b) => a - b)
    return { roundsMs, medianMs: sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN, cpuMs, buildCpuMs, guideline: options.guideline }
  } finally {
    await browser.close()
    dev.kill('SIGTERM')
    await new Promise((resolve) => dev.once('exit', resolve))
    await rm(root, { recursive: true, force: true })
  }
}

/**
 * measureDevLatency on the flagship, run as a child process of its own (this file's command line),
 * with `rounds` counted rounds: what the bench reports, free of its own process's state.
 */
export async function measureDevLatencyInChild(browserPath: string, rounds: number): Promise<DevLatency> {
  const dir = await mkdtemp(path.join(tmpdir(), 'guidepress-bench-dev-result-'))
  const json = path.join(dir, 'dev.json')
  try {
    const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx/esm'), fileURLToPath(import.meta.url), '--rounds', String(rounds), '--browser', browserPath, '--json', json], { stdio: ['ignore', 'ignore', 'inherit'] })
    const code = await new Promise<number | null>((resolve, reject) => child.once('error', reject).once('exit', resolve))
    if (code !== 0) throw new Error(`bench/dev-latency.ts exited with ${code}`)
    return JSON.parse(await readFile(json, 'utf8')) as DevLatency
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** User + system CPU time of a process so far (Linux /proc; fields 14 and 15 are in clock ticks, 100 a second). */
async function processCpuMs(pid: number | undefined): Promise<number | null> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined)
  const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ')
  if (!fields) return null
  return (Number(fields[11]) + Number(fields[12])) * 10
}

/** The child's output, line by line, with a way to wait for the next line that matches. */
export function lines(child: ChildProcess): { waitFor(pattern: RegExp, timeoutMs: number): Promise<string> } {
  const seen: string[] = []
  let wake: () => void = () => undefined
  let buffered = ''
  const take = (chunk: Buffer): void => {
    buffered += chunk.toString('utf8')
    const parts = buffered.split('\n')
    buffered = parts.pop() ?? ''
    seen.push(...parts)
    wake()
  }
  child.stdout?.on('data', take)
  child.stderr?.on('data', take)
  let next = 0
  return {
    async waitFor(pattern, timeoutMs) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        for (; next < seen.length; next++) {
          const line = seen[next] ?? ''
          if (pattern.test(line)) {
            next += 1
            return line
          }
        }
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`guidepress dev: no line matching ${pattern} (last lines: ${seen.slice(-5).join(' | ')})`)
        await new Promise<void>((resolve) => {
          wake = resolve
          setTimeout(resolve, 200)
        })
      }
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { rounds: { type: 'string', default: '10' }, profile: { type: 'string' }, browser: { type: 'string' }, json: { type: 'string' } } })
  const toolkit = path.resolve(import.meta.dirname, '..')
  const { findBrowser } = await import('../render/browser.ts')
  const result = await measureDevLatency({
    toolkit,
    sourceDir: path.join(toolkit, 'source'),
    guideline: 'metastatic-breast-cancer',
    browserPath: values.browser ?? (await findBrowser()).executablePath,
    rounds: Number(values.rounds),
    ...(values.profile ? { profileDir: values.profile } : {})
  })
  if (values.json) await writeFile(values.json, JSON.stringify(result))
  const median = (values: Array<number | null>): string => {
    const known = values.flatMap((value) => (value === null ? [] : [value])).sort((a, b) => a - b)
    return known.length === 0 ? 'n/a' : `${known[Math.floor((known.length - 1) / 2)]}`
  }
  process.stdout.write(
    `${result.roundsMs.map((ms) => ms.toFixed(0)).join(' ')} ms; median ${result.medianMs.toFixed(0)} ms; ` +
      `dev process CPU to the page ${result.cpuMs.join(' ')} ms (median ${median(result.cpuMs)}), to the build's end ${result.buildCpuMs.join(' ')} ms (median ${median(result.buildCpuMs)})\n`
  )
}
