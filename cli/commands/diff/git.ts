import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { sourceDir } from '../../../transforms/input/load.ts'

/** `guidepress diff` cannot compare with the ref: git is missing, this is no repository, or the ref names no commit. */
export class GitRefError extends Error {}

/** A file listed at the ref could not be read (too large, or git failed): never taken for "not there". */
export class GitReadError extends Error {}

const execFileAsync = promisify(execFile)

/**
 * The most git output read at once. A guideline is at most 256 KiB (a larger one at the ref is read
 * and reported as too large); past this, a file is refused unread rather than held in memory.
 */
export const maxGitFileBytes = 16 * 1024 * 1024

/** The project's files as they were at one commit; read-only (nothing is checked out or written). */
export interface GitSnapshot {
  commit: string
  /** A file directly in `source/` at the commit (`source/<id>.md`, the glossary); `undefined` when it did not exist; `GitReadError` when it cannot be read. */
  read(relative: string): Promise<Uint8Array | undefined>
  /** Guideline ids in `source/` at the commit, sorted. */
  guidelineIds(): Promise<string[]>
}

/** Runs git in the project root; paths given as `./…` and those git prints are relative to it. */
async function git(root: string, args: string[]): Promise<Buffer> {
  const { stdout } = await execFileAsync('git', args, { cwd: root, encoding: 'buffer', maxBuffer: maxGitFileBytes + 64 * 1024 })
  return stdout
}

function stderrOf(error: unknown): string {
  const stderr = typeof error === 'object' && error !== null && 'stderr' in error ? error.stderr : ''
  return String(stderr ?? '').trim()
}

export async function openSnapshot(root: string, ref: string): Promise<GitSnapshot> {
  try {
    await git(root, ['rev-parse', '--show-prefix'])
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT') {
      throw new GitRefError('`guidepress diff` needs git, and no `git` command was found')
    }
    throw new GitRefError(`Expected a git repository: ${stderrOf(error).replace(/^fatal: /, '') || 'git could not read one here'}`)
  }
  // A ref that starts with `-` would be read as an option.
  const commit = ref.startsWith('-') || ref.trim() === '' ? undefined : await git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).then((out) => out.toString('utf8').trim(), () => undefined)
  if (!commit) throw new GitRefError(`Unknown git ref \`${ref}\`; expected a commit, branch or tag such as \`HEAD~1\` or \`main\``)

  // name → size in bytes (`-` for what is no file, such as a folder)
  let listing: Promise<Map<string, string>> | undefined
  const listSource = () => {
    listing ??= git(root, ['ls-tree', '-z', '-l', commit, '--', `${sourceDir}/`]).then(
      (out) => new Map(out.toString('utf8').split('\0').filter(Boolean).map((entry) => {
        const tab = entry.indexOf('\t')
        return [entry.slice(tab + 1), entry.slice(0, tab).trim().split(/\s+/)[3] ?? '-'] as const
      }))
    )
    return listing
  }
  return {
    commit,
    async read(relative) {
      const size = (await listSource()).get(relative)
      if (size === undefined) return undefined
      const where = `\`${relative}\` at \`${ref}\` (${commit.slice(0, 7)})`
      if (Number(size) > maxGitFileBytes) throw new GitReadError(`Cannot compare ${where}: it is ${(Number(size) / 1024 / 1024).toFixed(1)} MiB there, more than the ${maxGitFileBytes / 1024 / 1024} MiB guidepress reads from git`)
      return git(root, ['show', `${commit}:./${relative}`]).catch((error: unknown) => {
        const reason = stderrOf(error).replace(/^fatal: /, '') || (error instanceof Error ? error.message : String(error))
        throw new GitReadError(`Cannot compare ${where}: git could not read it (${reason.split('\n')[0]})`)
      })
    },
    async guidelineIds() {
      const names = [...(await listSource()).keys()]
      return names.flatMap((name) => (name.endsWith('.md') && !name.slice(sourceDir.length + 1).includes('/') ? [name.slice(sourceDir.length + 1, -'.md'.length)] : [])).sort()
    }
  }
}
