// Runs one command as a child process and measures it: wall time (performance.now() around the
// whole child), the node process's own peak RSS, and the browser's peak memory.
//
// Node peak RSS: the child node is started with `--import` of a tiny hook that writes
// process.resourceUsage().maxRSS (getrusage(RUSAGE_SELF), so node alone, not its browser) to a file
// on exit. When GNU time is installed (/usr/bin/time; `apt-get install -y time`), the command also
// runs under `time -v` and its "Maximum resident set size" is kept as a cross-check; note that it is
// the largest single process the node process reaped, which can be the browser's main process.
//
// Browser memory: every 250 ms /proc is walked (what `ps` reads) for the child's descendants whose
// command name looks like Chromium; their VmRSS and Pss (smaps_rollup) are summed, and the peak sums
// are kept. RSS sums count pages shared between Chromium's processes more than once; PSS splits
// them fairly, so PSS is the figure reported and RSS is kept in results.json. The distinct browser
// main processes (a Chromium whose parent is not a Chromium) are counted too: a build that starts
// no browser is seen starting none, whatever it prints.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readdir, readFile, rm } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import path from 'node:path'

export interface Measured {
  command: string
  exitCode: number | null
  wallMs: number
  /** 1-minute load average when the run started: other work on the machine skews a run. */
  load1Before: number
  nodeMaxRssKb: number | null
  timeMaxRssKb: number | null
  browserPeakPssKb: number
  browserPeakRssKb: number
  browsersSeen: number
  stdout: string
  stderr: string
}

const gnuTime = '/usr/bin/time'
const hook = 'data:text/javascript,' + encodeURIComponent(
  'import { writeFileSync } from "node:fs"; const f = process.env.BENCH_RSS_FILE;' +
    ' if (f) process.on("exit", () => writeFileSync(f, String(process.resourceUsage().maxRSS)))'
)

let counter = 0

/** Runs `node [...nodeArgs] <script> ...args` in `cwd` and measures it. */
export async function measureNode(script: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}, nodeArgs: string[] = []): Promise<Measured> {
  const tag = `${process.pid}-${++counter}`
  const rssFile = path.join(tmpdir(), `guidepress-bench-rss-${tag}`)
  const timeFile = path.join(tmpdir(), `guidepress-bench-time-${tag}`)
  const argv0 = ['--import', hook, ...nodeArgs, script, ...args]
  const useTime = existsSync(gnuTime)
  const [file, argv] = useTime ? [gnuTime, ['-v', '-o', timeFile, process.execPath, ...argv0]] : [process.execPath, argv0]
  const stdout: Buffer[] = []
  const stderr: Buffer[] = []
  const load1Before = loadavg()[0] ?? 0
  const started = performance.now()
  const child = spawn(file, argv, { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env, BENCH_RSS_FILE: rssFile }, stdio: ['ignore', 'pipe', 'pipe'] })
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
  const sampler = new BrowserSampler(child.pid ?? -1)
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => resolve(code))
  })
  const wallMs = performance.now() - started
  await sampler.stop()
  const nodeMaxRssKb = await readNumber(rssFile)
  const timeReport = useTime ? await readFile(timeFile, 'utf8').catch(() => '') : ''
  const timeMaxRss = /Maximum resident set size \(kbytes\): (\d+)/.exec(timeReport)?.[1]
  await Promise.all([rm(rssFile, { force: true }), rm(timeFile, { force: true })])
  return {
    command: ['node', path.relative(cwd, script) || script, ...args].join(' '),
    exitCode,
    wallMs,
    load1Before,
    nodeMaxRssKb,
    timeMaxRssKb: timeMaxRss === undefined ? null : Number(timeMaxRss),
    browserPeakPssKb: sampler.peakPssKb,
    browserPeakRssKb: sampler.peakRssKb,
    browsersSeen: sampler.browsers.size,
    stdout: Buffer.concat(stdout).toString('utf8'),
    stderr: Buffer.concat(stderr).toString('utf8')
  }
}

async function readNumber(file: string): Promise<number | null> {
  const text = await readFile(file, 'utf8').catch(() => '')
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : null
}

interface ProcInfo {
  pid: number
  ppid: number
  comm: string
}

const chromium = /chrom|headless/i

class BrowserSampler {
  peakPssKb = 0
  peakRssKb = 0
  readonly browsers = new Set<number>()
  private running = true
  private readonly done: Promise<void>

  constructor(private readonly root: number) {
    this.done = this.loop()
  }

  async stop(): Promise<void> {
    this.running = false
    await this.done
  }

  private async loop(): Promise<void> {
    while (this.running) {
      await this.sample().catch(() => undefined)
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }

  private async sample(): Promise<void> {
    const table = await processTable()
    const children = new Map<number, ProcInfo[]>()
    for (const info of table.values()) children.set(info.ppid, [...(children.get(info.ppid) ?? []), info])
    const browserProcs: ProcInfo[] = []
    const queue = [this.root]
    for (let pid = queue.pop(); pid !== undefined; pid = queue.pop()) {
      for (const child of children.get(pid) ?? []) {
        queue.push(child.pid)
        if (chromium.test(child.comm)) browserProcs.push(child)
      }
    }
    let rss = 0
    let pss = 0
    for (const proc of browserProcs) {
      if (!chromium.test(table.get(proc.ppid)?.comm ?? '')) this.browsers.add(proc.pid)
      const [status, rollup] = await Promise.all([
        readFile(`/proc/${proc.pid}/status`, 'utf8').catch(() => ''),
        readFile(`/proc/${proc.pid}/smaps_rollup`, 'utf8').catch(() => '')
      ])
      rss += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
      pss += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0)
    }
    this.peakRssKb = Math.max(this.peakRssKb, rss)
    this.peakPssKb = Math.max(this.peakPssKb, pss)
  }
}

async function processTable(): Promise<Map<number, ProcInfo>> {
  const table = new Map<number, ProcInfo>()
  const names = (await readdir('/proc')).filter((name) => /^\d+$/.test(name))
  await Promise.all(
    names.map(async (name) => {
      const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => '')
      const close = stat.lastIndexOf(')')
      if (close < 0) return
      const comm = stat.slice(stat.indexOf('(') + 1, close)
      const ppid = Number(stat.slice(close + 2).split(' ')[1])
      table.set(Number(name), { pid: Number(name), ppid, comm })
    })
  )
  return table
}
