// One guideline edited in a running `guidepress dev --pdf`: the bench's one-edit row again, but in
// the session an author keeps open while editing, whose process and browser stay warm between
// saves (render/browser/kept.ts). Each round makes the same kind of edit as that row and times
// from the write to the dev server's line for the build, which it prints once every output
// (PDFs included) is in place. Round 0 starts the browser and is not counted.
import { spawn } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { lines } from './dev-latency.ts'
import { editGuideline } from './synthetic.ts'

export interface WarmEdits {
  /** Each counted round's time from the write to the build's line, in ms. */
  roundsMs: number[]
  medianMs: number
  /** Round 0: the first build of the session that prints, which starts its browser. */
  firstMs: number
}

export async function measureWarmEdits(options: { toolkit: string; root: string; id: string; browserPath: string; rounds: number }): Promise<WarmEdits> {
  const file = path.join(options.root, 'source', `${options.id}.md`)
  const dev = spawn(process.execPath, [path.join(options.toolkit, 'bin', 'guidepress.js'), 'dev', '--pdf', '--port', '0'], {
    cwd: options.root,
    env: { ...process.env, CHROME_PATH: options.browserPath, NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  try {
    const output = lines(dev)
    // The session's first build: nothing to do when the workspace was just built.
    await output.waitFor(/rebuilt|nothing to rebuild|build failed/, 300_000)
    const times: number[] = []
    for (let round = 0; round <= options.rounds; round++) {
      const text = editGuideline(await readFile(file, 'utf8'), `Ask us again at visit ${201 + round}.`)
      const started = performance.now()
      await writeFile(file, text)
      const line = await output.waitFor(/rebuilt|build failed/, 120_000)
      times.push(performance.now() - started)
      if (!line.includes(`rebuilt ${options.id} `)) throw new Error(`guidepress dev --pdf, edit ${round}: ${line}`)
    }
    const counted = times.slice(1)
    const sorted = [...counted].sort((a, b) => a - b)
    return { roundsMs: counted, medianMs: sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN, firstMs: times[0] ?? Number.NaN }
  } finally {
    dev.kill('SIGTERM')
    await new Promise((resolve) => dev.once('exit', resolve))
  }
}
