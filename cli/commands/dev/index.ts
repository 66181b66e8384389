// `guidepress dev`: serve dist/ with live reload and rebuild on every save.
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import pc from 'picocolors'
import { exitCodes, stopSignals, type CliIo, type StopSignal } from '../../io.ts'
import { cleanUpLimitMs } from '../../project/interrupt.ts'
import { lockWaitMessage } from '../../project/lock.ts'
import { KeptBrowser } from '../../../render/browser/kept.ts'
import { watchAncestors } from './parent.ts'
import { rebuild, type RebuildResult } from './rebuild.ts'
import { PortUnavailableError, startDevServer, type DevServer, type DevState } from './server.ts'
import { renderEarlyPages, type EarlyPages } from './early-pages.ts'
import { changedSince, settledChanges, stampFiles } from './settle.ts'
import { RebuildQueue, watchSources, type SourceWatcher } from './watch.ts'

export const defaultDevPort = 4173

export interface DevOptions {
  /** The port to try first (the next free one is taken when it is busy); 0 for any free port. */
  port: number
  /** Also render PDFs on each build (slower). */
  pdf: boolean
}

/**
 * Builds, serves `dist/` and rebuilds on each change until stopped. Resolves with the exit code
 * once the watcher, the server and every open page's connection are closed.
 */
export async function runDev(options: DevOptions, io: CliIo): Promise<number> {
  const root = io.cwd
  // A fresh id per server: a page served by an earlier run reloads when it reconnects to this one.
  const bootId = randomBytes(4).toString('hex')
  let generation = 0
  let state: DevState = { generation: `${bootId}-0`, problems: [] }
  // The pages of a build under way, served before it commits (dist/-relative path → page).
  let preview: ReadonlyMap<string, string> = new Map()
  const publish = (problems: DevState['problems']): void => {
    generation += 1
    state = { generation: `${bootId}-${generation}`, problems }
    server.announce()
  }

  // Set while a build has shown the open pages and still renders the rest (see `pending` of the server).
  let rest: Promise<void> | undefined

  let server: DevServer
  try {
    server = await startDevServer({ distDir: path.join(root, 'dist'), port: options.port, state: () => state, preview: () => preview, pending: () => rest })
  } catch (error) {
    if (!(error instanceof PortUnavailableError)) throw error
    io.stderr(`${pc.red('guidepress:')} ${error.message}`)
    return 1
  }
  if (options.port !== 0 && server.port !== options.port) io.stdout(`Port ${options.port} is in use, so serving on port ${server.port} instead.`)
  io.stdout(`Serving dist/ at ${pc.cyan(server.url)} (reachable from this computer only)`)
  io.stdout(options.pdf ? 'Each build renders PDFs too (--pdf).' : 'Quick builds: Markdown and HTML, no PDFs (add --pdf for them).')

  // With PDFs, one browser serves every build: starting one per save would take longer than the printing.
  const browser = options.pdf ? KeptBrowser.forProject(root) : undefined
  const queue = new RebuildQueue(async (changes) => {
    // What the saved files were as the build set out to read them (see settle.ts).
    const stamps = await stampFiles(root, changes)
    let previewed = false
    let restRendered: () => void = () => undefined
    const open = server.openPages()
    // Shows pages at once; the rest of the build (the other pages, source maps, moving files into
    // place) waits until the open ones have reloaded, so it does not compete with them for the processor.
    const show = async (shown: ReadonlyMap<string, string>): Promise<void> => {
      preview = new Map([...preview, ...shown])
      previewed = true
      // Until the rest is rendered, a page not shown yet waits rather than coming from the last build.
      rest = new Promise<void>((resolve) => (restRendered = resolve))
      publish([])
      const reloading = new Set([...shown.keys()].filter((page) => open.has(page)))
      if (reloading.size > 0) await server.reloaded(state.generation, reloading, reloadWaitMs)
    }
    // A save of a guideline with pages open: those pages first, from only the outputs they show.
    // (A PDF build's handout page waits for its PDF's page numbers, so with --pdf the build shows it.)
    const none: EarlyPages = { pages: new Map(), prepared: new Map() }
    const { pages: early, prepared } = options.pdf ? none : await renderEarlyPages(root, changes, open, io.today).catch(() => none)
    if (early.size > 0 && (await changedSince(root, stamps)).length === 0) await show(early)
    // Set when a page of the build is not what the early pages showed: the build's end then shows it.
    let earlyDiffers = false
    const result = await rebuild({
      root,
      pdf: options.pdf,
      ...(browser ? { browser } : {}),
      today: io.today,
      lockWaitMs: io.lockWaitMs,
      onLockWait: (pid) => io.stderr(lockWaitMessage(pid)),
      // What the early pages read and checked is not read again (where the source is still the same).
      prepared,
      // Without early pages, the build renders the open pages first and hands them over before the rest.
      ...(previewed ? {} : { firstPages: new Set([...open].map((page) => path.posix.join('dist', page))) }),
      onRendered: async (pages) => {
        if (pages.size === 0) return
        const shown = new Map([...pages].map(([file, html]) => [path.posix.relative('dist', file), html]))
        earlyDiffers ||= [...early].some(([page, html]) => shown.has(page) && shown.get(page) !== html)
        preview = new Map([...preview, ...shown])
        restRendered()
        if (!previewed) await show(shown)
      }
    }).finally(() => {
      // Built and moved into place, or failed: either way dist/ is what to serve now.
      restRendered()
      rest = undefined
      preview = new Map()
    })
    // A file changed after the build read it: build again, also when the watcher folded that
    // change into the one before (it passes on one change of a file in 50 ms). A failure seen
    // while a file was still being written is not shown at all.
    const rewritten = result.ok ? await changedSince(root, stamps) : await settledChanges(root, stamps)
    for (const change of rewritten) queue.notify(change)
    if (!result.ok && rewritten.length > 0) return printSuperseded(rewritten, io)
    printRebuild(result, changes, io)
    if (previewed && result.ok && result.removed.length === 0 && !earlyDiffers) return // the pages shown are this build's
    const sameProblems = JSON.stringify(result.problems) === JSON.stringify(state.problems)
    if (!previewed && result.built.length === 0 && result.removed.length === 0 && sameProblems) return
    publish(result.problems)
  })

  // Loaded now, not on the first save: the renderer brings Marp and a PDF reader (seconds to load).
  void import('../../../render/stage.ts').catch(() => undefined)
  const stop = whenStopped(io.signal, io)
  let watcher: SourceWatcher | undefined
  try {
    watcher = await watchSources(
      root,
      (file) => queue.notify(file),
      (error) => io.stderr(`${pc.yellow('warning')} watching files: ${error.message}`)
    )
    io.stdout('Watching source/ and themes/ for changes; press Ctrl-C to stop.')
    queue.notify(startReason)
    const code = await stop.code
    if (code !== 0) {
      // A build in progress exits through its own interrupt handling (build.ts: nothing half
      // written, at most 5 s); one still waiting for another build's lock has written nothing and
      // must not keep the process alive for minutes.
      setTimeout(() => process.exit(code), interruptGraceMs).unref()
    }
    return code
  } finally {
    await watcher?.close()
    await queue.stop()
    await browser?.close()
    await server.close()
    stop.dispose()
    io.stdout('Stopped the dev server.')
  }
}

const startReason = '(start)'
/** How long the rest of a build waits for the open pages to reload (a page in a hidden tab may take its time). */
const reloadWaitMs = 1000
/** Longer than an interrupted build's own clean-up limit, so the build's handling ends first. */
const interruptGraceMs = cleanUpLimitMs + 1000

function printRebuild(result: RebuildResult, changes: string[], io: CliIo): void {
  if (result.report !== '') io.stderr(result.report)
  for (const warning of result.warnings) io.stderr(`${pc.yellow('warning')} ${warning}`)
  const time = new Date().toLocaleTimeString('en-GB', { hour12: false })
  const took = `${result.seconds.toFixed(2)} s`
  const cause = changes.includes(startReason) ? 'start' : listed(changes)
  if (!result.ok) {
    const where = result.failedFiles.length > 0 ? ` in ${listed(result.failedFiles)}` : ''
    const count = `${result.problems.length} error${result.problems.length === 1 ? '' : 's'}`
    io.stderr(`${pc.red('✖')} ${time} build failed after ${took} (${cause}): ${count}${where}; still serving the last good build`)
    return
  }
  const unchanged = result.unchanged.length > 0 ? `; ${result.unchanged.length} unchanged` : ''
  if (result.removed.length > 0) io.stdout(`${pc.yellow('removed')} ${listed(result.removed)}`)
  if (result.built.length === 0) io.stdout(`${pc.dim('·')} ${time} nothing to rebuild (${cause}${unchanged}), ${took}`)
  else io.stdout(`${pc.green('✔')} ${time} rebuilt ${result.built.join(', ')} in ${took} (${cause}${unchanged})`)
}

function printSuperseded(rewritten: string[], io: CliIo): void {
  const time = new Date().toLocaleTimeString('en-GB', { hour12: false })
  io.stdout(`${pc.dim('·')} ${time} ${listed(rewritten)} changed while it was read; building again`)
}

/** Up to three names, then how many more. */
function listed(names: string[]): string {
  const shown = names.slice(0, 3).join(', ')
  return names.length > 3 ? `${shown} and ${names.length - 3} more` : shown
}

/**
 * Resolves with the exit code once the server should stop: 0 when `signal` aborts, 130 or 143 on
 * SIGINT or SIGTERM. Later signals are left to a running build's own handling, which never stops
 * it halfway through moving its files into place.
 */
function whenStopped(signal: AbortSignal | undefined, io: CliIo): { code: Promise<number>; dispose(): void } {
  let onSignal: (name: StopSignal) => void = () => undefined
  let stopWatching: () => void = () => undefined
  const code = new Promise<number>((resolve) => {
    onSignal = (name) => resolve(exitCodes[name])
    if (signal?.aborted) resolve(exitCodes.ok)
    signal?.addEventListener('abort', () => resolve(exitCodes.ok), { once: true })
    stopWatching = watchAncestors(() => {
      io.stderr('The process that started guidepress dev has ended; stopping.')
      resolve(exitCodes.parentGone)
    })
  })
  for (const name of stopSignals) process.on(name, onSignal)
  return {
    code,
    dispose: () => {
      stopWatching()
      for (const name of stopSignals) process.off(name, onSignal)
    }
  }
}
