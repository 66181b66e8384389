// The CLI's entry. It imports only what every command needs; each command's own modules (the
// pipeline, the renderer, the watcher) load when that command runs, so `--version`, `--help` and a
// build with nothing to do start in a fraction of the time.
import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import pc from 'picocolors'
import type { VFile } from 'vfile'
import { UnknownGuidelineError } from './commands/unknown-guideline.ts'
import { BuildInProgressError, lockWaitMessage } from './project/lock.ts'
import { freshGuidelines, freshKey } from './project/fresh.ts'
import { RenderError } from '../render/errors.ts'
import { exitCodes, type CliIo } from './io.ts'
import { escapeControls } from './terminal.ts'
import { toolkitRoot, toolkitVersion } from '../transforms/input/toolkit.ts'
import { codeStamp } from '../bin/code-stamp.js'

export type { CliIo } from './io.ts'

const usage = `Usage: guidepress <command> [options]

Commands:
  build [ids…]   Build the deck, handout and summary of every guideline (or only these ids)
  check          Validate every guideline and fail when a committed output is stale
  dev            Serve dist/ with live reload, rebuilding on every change to source/ or themes/
  diff <git-ref> Show how each changed guideline's outputs differ from the ref (--json for JSON)
  init           Make this folder a guidepress project (scripts, starter, config, workflow, editor settings)
  new <id>       Write a starter guideline to source/<id>.md
  report         Print the coverage matrix and readability and slide figures as Markdown

Build options:
  --no-pdf       Markdown and HTML only (no browser): the quick build
  --no-pptx      Skip the PowerPoint deck, the slowest output
  --pdf-notes    Also put the speaker notes in deck.pdf, as note annotations (off: they show as icons when projecting)
  --force        Rebuild every guideline, even those unchanged since their last build
  --shard i/n    Build only shard i of n (a stable share of the guidelines), for CI matrices
  --timings      Also say when each step of the build ended, in seconds since guidepress started

Init options:
  --force        Replace files init would otherwise skip because they exist

Dev options:
  --port N       Serve on port N, or the next free one (default 4173; 0 for any free port)
  --pdf          Render PDFs on each rebuild too (slower; the default is the quick build)

Options:
  -h, --help     Show this help
  -v, --version  Show the version`

class UsageError extends Error {}

const defaultIo: CliIo = {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`)
}

/** Runs one command and returns its exit code: 0 ok, 1 content errors, 2 usage errors. Never throws. */
export async function main(argv: string[], given: CliIo = defaultIo): Promise<number> {
  const io = withSafeOutput(given)
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        'no-pdf': { type: 'boolean' },
        'no-pptx': { type: 'boolean' },
        'pdf-notes': { type: 'boolean' },
        force: { type: 'boolean' },
        shard: { type: 'string' },
        timings: { type: 'boolean' },
        json: { type: 'boolean' },
        port: { type: 'string' },
        pdf: { type: 'boolean' }
      }
    })
    const [command, ...rest] = positionals
    if (command !== 'build' && (values['no-pdf'] || values['no-pptx'] || values['pdf-notes'] || values.shard !== undefined || values.timings)) {
      throw new UsageError('`--no-pdf`, `--no-pptx`, `--pdf-notes`, `--shard` and `--timings` go with `guidepress build`')
    }
    if (command !== 'build' && command !== 'init' && values.force) throw new UsageError('`--force` goes with `guidepress build` or `guidepress init`')
    if (command !== 'diff' && values.json) throw new UsageError('`--json` goes with `guidepress diff`')
    if (command !== 'dev' && (values.port !== undefined || values.pdf)) throw new UsageError('`--port` and `--pdf` go with `guidepress dev`')
    if (values.version) return printVersion(io)
    if (values.help || command === undefined || command === 'help') {
      io.stdout(usage)
      return command === undefined && !values.help ? exitCodes.usage : exitCodes.ok
    }
    switch (command) {
      case 'build':
        return await runBuild(rest, { pdf: !values['no-pdf'], pptx: !values['no-pptx'], pdfNotes: values['pdf-notes'] ?? false, force: values.force ?? false, shard: parseShard(values.shard), timings: values.timings ?? false }, io)
      case 'check':
        if (rest.length > 0) throw new UsageError('`guidepress check` takes no arguments')
        return await runCheck(io)
      case 'dev': {
        if (rest.length > 0) throw new UsageError('`guidepress dev` takes no arguments')
        // Loaded only for `dev`: the watcher and server are of no use to other commands.
        const { defaultDevPort, runDev } = await import('./commands/dev/index.ts')
        return await runDev({ port: parsePort(values.port, defaultDevPort), pdf: values.pdf ?? false }, io)
      }
      case 'diff':
        return await (await import('./commands/diff/command.ts')).runDiff(rest, values.json ?? false, io)
      case 'init':
        if (rest.length > 0) throw new UsageError('`guidepress init` takes no arguments (it sets up the folder it runs in)')
        return await (await import('./commands/init/index.ts')).runInit({ force: values.force ?? false }, io)
      case 'new':
        return await runNew(rest, io)
      case 'report':
        if (rest.length > 0) throw new UsageError('`guidepress report` takes no arguments')
        return await runReport(io)
      default:
        throw new UsageError(`Unknown command \`${command}\``)
    }
  } catch (error) {
    if (error instanceof RenderError) {
      // A render that failed for a reason in the project (a stalled image, a bad theme): the message names it.
      io.stderr(`${pc.red('guidepress:')} ${error.message}\nNothing was written.`)
      return exitCodes.contentErrors
    }
    if (error instanceof BuildInProgressError) {
      io.stderr(`${pc.red('guidepress:')} ${error.message}`)
      return exitCodes.contentErrors
    }
    if (error instanceof UsageError || error instanceof UnknownGuidelineError || isParseArgsError(error)) {
      io.stderr(`${pc.red('guidepress:')} ${(error as Error).message}\n\n${usage}`)
      return exitCodes.usage
    }
    // An author should never see a stack trace; say what failed and where to report it.
    io.stderr(`${pc.red('guidepress: internal error:')} ${error instanceof Error ? error.message : String(error)}\nPlease report this with the command you ran.`)
    return exitCodes.contentErrors
  }
}

interface BuildChoice {
  pdf: boolean
  pptx: boolean
  pdfNotes: boolean
  force: boolean
  shard: { index: number; count: number } | undefined
  timings: boolean
}

function parseShard(value: string | undefined): BuildChoice['shard'] {
  if (value === undefined) return undefined
  const match = /^(\d+)\/(\d+)$/.exec(value)
  const index = Number(match?.[1])
  const count = Number(match?.[2])
  if (!match || count < 1 || index < 1 || index > count) throw new UsageError(`Expected \`--shard i/n\` with 1 ≤ i ≤ n, such as \`--shard 2/4\`, not \`${value}\``)
  return { index, count }
}

function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback
  const port = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN
  if (!(port >= 0 && port <= 65535)) throw new UsageError(`Expected \`--port N\` with 0 ≤ N ≤ 65535, not \`${value}\``)
  return port
}

async function runBuild(ids: string[], choice: BuildChoice, io: CliIo): Promise<number> {
  const started = performance.now()
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1)
  if (ids.length === 0 && choice.shard === undefined && !choice.force) {
    // The fast path: the project is exactly as a build with these options left it (fresh.ts).
    const current = await freshGuidelines(io.cwd, freshKey(choice, codeStamp(toolkitRoot)))
    if (current !== undefined) {
      if (current.warnings.length > 0) {
        const { restoredWarnings } = await import('../transforms/restored-warnings.ts')
        await printMessages(current.warnings.map((each) => restoredWarnings(io.cwd, each.path, each.warnings)), io)
      }
      return nothingToBuild(current.guidelines, seconds(), io)
    }
  }
  const { buildProject } = await import('./commands/build.ts')
  // Seconds since the process started (performance.now() counts from there), so start-up shows too.
  const phases: string[] = []
  const outcome = await buildProject({
    ...(choice.timings ? { onPhase: (phase: string) => phases.push(`${phase} ${(performance.now() / 1000).toFixed(2)}`) } : {}),
    root: io.cwd,
    ids,
    today: io.today,
    ...choice,
    lockWaitMs: io.lockWaitMs,
    onLockWait: (pid) => io.stderr(lockWaitMessage(pid)),
    onFile: (file) => io.stdout(`${pc.green('wrote')} ${file}`),
    onRemove: (file) => io.stdout(`${pc.yellow('removed')} ${file}`)
  })
  const { transformed, write, rendered } = outcome
  // PDF coverage errors land on these same files.
  await printMessages([...transformed.files, ...(outcome.replayed ?? [])], io)
  if (choice.timings) io.stdout(`Timings (seconds since start): ${phases.join(', ')}, done ${(performance.now() / 1000).toFixed(2)}`)
  if (!transformed.ok) {
    io.stderr(pc.red('Nothing was written: fix the errors above and build again.'))
    return exitCodes.contentErrors
  }
  if (!outcome.committed) {
    io.stderr(pc.red('Nothing was written: a built file is missing topic terms (above).'))
    return exitCodes.contentErrors
  }
  if (outcome.browserError) {
    io.stderr(`${pc.red('guidepress:')} ${outcome.browserError.message}\nThe Markdown outputs and HTML files were written; the PDF and PPTX files were not.`)
    return exitCodes.contentErrors
  }
  const removed = outcome.removed?.length ?? 0
  const removals = removed > 0 ? `${removed} file${removed === 1 ? '' : 's'} of guidelines no longer in source/ (or outputs no longer made) removed` : ''
  if (transformed.results.length === 0 && removed > 0) {
    io.stdout(`${pc.green('✔')} ${removals[0]?.toUpperCase()}${removals.slice(1)}; ${outcome.unchanged.length} guideline${outcome.unchanged.length === 1 ? '' : 's'} unchanged`)
    return exitCodes.ok
  }
  if (transformed.results.length === 0) return nothingToBuild(outcome.unchanged.length, seconds(), io)
  const markdown = `${write?.written.length ?? 0} Markdown file${write?.written.length === 1 ? '' : 's'} written (${write?.unchanged.length ?? 0} unchanged)`
  const starts = rendered?.report.browserStarts ?? 0
  const guidelines = `${transformed.results.length} guideline${transformed.results.length === 1 ? '' : 's'}${outcome.unchanged.length > 0 ? ` (${outcome.unchanged.length} unchanged since the last build)` : ''}`
  io.stdout(`${pc.green('✔')} Built ${guidelines}: ${markdown}, ${(rendered?.report.files.length ?? 0) + (outcome.sourceMaps?.length ?? 0)} files in dist/, ${starts} browser start${starts === 1 ? '' : 's'}${removals ? `, ${removals}` : ''}, in ${seconds()} s`)
  return exitCodes.ok
}

function nothingToBuild(count: number, seconds: string, io: CliIo): number {
  io.stdout(`${pc.green('✔')} Nothing to build: ${count} guideline${count === 1 ? '' : 's'} unchanged since the last build (0 browser starts, ${seconds} s); use --force to rebuild`)
  return exitCodes.ok
}


async function runCheck(io: CliIo): Promise<number> {
  const { checkOutputs } = await import('./commands/check.ts')
  const result = await checkOutputs({ root: io.cwd, today: io.today })
  await printMessages(result.files, io)
  if (!result.ok) return exitCodes.contentErrors
  io.stdout(`${pc.green('✔')} ${result.results.length} guideline${result.results.length === 1 ? '' : 's'} valid; every committed output matches a fresh build`)
  return exitCodes.ok
}

async function runReport(io: CliIo): Promise<number> {
  const [{ transformAll }, { reportMarkdown }, { builtPdfCoverage }] = await Promise.all([import('./commands/build.ts'), import('./commands/report.ts'), import('../render/stage.ts')])
  const result = await transformAll({ root: io.cwd, today: io.today })
  await printMessages(result.files, io)
  // For a pull-request comment: no colours of ours, so no escape sequence at all.
  io.stdout(escapeControls(reportMarkdown(result.results, await builtPdfCoverage(io.cwd, result.results)).trimEnd()))
  return result.ok ? exitCodes.ok : exitCodes.contentErrors
}

async function runNew(args: string[], io: CliIo): Promise<number> {
  const [id, ...extra] = args
  if (id === undefined || extra.length > 0) throw new UsageError('`guidepress new` takes one id, such as `guidepress new bone-health`')
  const [{ buildCommandIn, newIdProblem, starterGuideline }, { listGuidelineIds, sourceDir }] = await Promise.all([import('./commands/new.ts'), import('../transforms/input/load.ts')])
  const problem = newIdProblem(id)
  if (problem) throw new UsageError(problem)
  if ((await listGuidelineIds(io.cwd)).includes(id) || existsSync(path.join(io.cwd, sourceDir, `${id}.md`))) {
    throw new UsageError(`\`${sourceDir}/${id}.md\` exists already; choose another id`)
  }
  const today = io.today ?? new Date().toISOString().slice(0, 10)
  await mkdir(path.join(io.cwd, sourceDir), { recursive: true })
  await writeFile(path.join(io.cwd, sourceDir, `${id}.md`), starterGuideline(id, today), { flag: 'wx' })
  io.stdout(`${pc.green('wrote')} ${sourceDir}/${id}.md; edit it, then run \`${await buildCommandIn(io.cwd)}\``)
  return exitCodes.ok
}

/**
 * Everything the CLI (and `dev`, which prints through it) writes goes through here: control
 * characters from sources, file names or errors are shown escaped, only guidepress's own colours pass.
 */
function withSafeOutput(io: CliIo): CliIo {
  return { ...io, stdout: (text) => io.stdout(escapeControls(text, { keepColours: true })), stderr: (text) => io.stderr(escapeControls(text, { keepColours: true })) }
}

async function printMessages(files: VFile[], io: CliIo): Promise<void> {
  const { reporter } = await import('vfile-reporter')
  const report = reporter(files, { quiet: true })
  if (report !== '') io.stderr(report)
}

function printVersion(io: CliIo): number {
  io.stdout(toolkitVersion)
  return exitCodes.ok
}

function isParseArgsError(error: unknown): boolean {
  return error instanceof TypeError && 'code' in error && typeof error.code === 'string' && error.code.startsWith('ERR_PARSE_ARGS')
}
