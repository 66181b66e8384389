import pc from 'picocolors'
import { reporter } from 'vfile-reporter'
import { exitCodes, type CliIo } from '../../io.ts'
import { computeDiff } from './compute.ts'
import { ProjectFileError } from '../../../transforms/input/paths.ts'
import { GitReadError, GitRefError } from './git.ts'
import { diffMarkdown } from './markdown.ts'
import { escapeControls, jsonWithoutControls } from '../../terminal.ts'

const diffUsage = 'Usage: guidepress diff <git-ref> [--json]'

/**
 * `guidepress diff <git-ref> [--json]`: prints how each changed guideline's outputs differ from
 * those at the ref. Exit 0 when printed (changes or not), 1 when the working tree's side does not
 * build (its errors printed as `build` prints them) or a file at the ref cannot be read, 2 for a missing, bad or unknown ref.
 */
export async function runDiff(args: string[], json: boolean, io: CliIo): Promise<number> {
  const [ref, ...extra] = args
  if (ref === undefined || extra.length > 0) return usageError('`guidepress diff` takes one git ref, such as `guidepress diff main`', io)
  let outcome: Awaited<ReturnType<typeof computeDiff>>
  try {
    outcome = await computeDiff({ root: io.cwd, ref, today: io.today })
  } catch (error) {
    if (error instanceof GitRefError) return usageError(error.message, io)
    if (error instanceof GitReadError || error instanceof ProjectFileError) {
      io.stderr(`${pc.red('guidepress:')} ${error.message}`)
      return exitCodes.contentErrors
    }
    throw error
  }
  if (!outcome.ok) {
    const report = reporter(outcome.files, { quiet: true })
    if (report !== '') io.stderr(report)
    io.stderr(pc.red('No diff: the working tree does not build; fix the errors above.'))
    return exitCodes.contentErrors
  }
  // For a pull-request comment or a script: no escape sequence at all (the CLI's own filter keeps colours).
  io.stdout(json ? jsonWithoutControls(JSON.stringify(outcome.report, null, 2)) : escapeControls(diffMarkdown(outcome.report).trimEnd()))
  return exitCodes.ok
}

function usageError(message: string, io: CliIo): number {
  io.stderr(`${pc.red('guidepress:')} ${message}\n\n${diffUsage}`)
  return exitCodes.usage
}
