import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { sourceDir } from '../load.ts'

/** `guidepress diff` cannot compare with the ref: git is missing, this is no repository, or the ref names no commit. */
export class GitRefError extends Error {}

const execFileAsync = promisify(execFile)

/** The project's files as they were at one commit; read-only (nothing is checked out or written). */
export interface GitSnapshot {
  commit: string
  /** A file directly in `source/` at the commit (`source/<id>.md`, the glossary); `undefined` when it did not exist. */
  read(relative: string): Promise<Uint8Array | undefined>
  /** Guideline ids in `source/` at the commit, sorted. */
  guidelineIds(): Promise<string[]>
}

/** Runs git in the project root; paths given as `./…` and those git prints are relative to it. */
async function git(root: string, args: string[]): Promise<Buffer> {
  const { stdout } = await execFileAsync('git', args, { cwd: root, encoding: 'buffer', maxBuffer: 256 * 1024 * 1024 })
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

  let listing: Promise<string[]> | undefined
  const listSource = () => {
    listing ??= git(root, ['ls-tree', '-z', '--name-only', commit, '--', `${sourceDir}/`]).then((out) => out.toString('utf8').split('\0').filter(Boolean))
    return listing
  }
  return {
    commit,
    async read(relative) {
      if (!(await listSource()).includes(relative)) return undefined
      return git(root, ['show', `${commit}:./${relative}`]).catch(() => undefined)
    },
    async guidelineIds() {
      const names = await listSource()
      return names.flatMap((name) => (name.endsWith('.md') && !name.slice(sourceDir.length + 1).includes('/') ? [name.slice(sourceDir.length + 1, -'.md'.length)] : [])).sort()
    }
  }
}
