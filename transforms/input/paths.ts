import { constants, realpathSync } from 'node:fs'
import { lstat, open, realpath } from 'node:fs/promises'
import path from 'node:path'

/**
 * Whether `file` lies inside `dir` (not `dir` itself). Compare real paths (see `realPathOr`) when a
 * symbolic link could lead elsewhere. `..x.svg` is a name, not a way up.
 */
export function isInside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file)
  return relative !== '' && relative.split(path.sep)[0] !== '..' && !path.isAbsolute(relative)
}

/** The path with every symbolic link resolved; a path that does not exist stays as written. */
export function realPathOr(file: string): string {
  try {
    return realpathSync(file)
  } catch {
    return file
  }
}

/** `relative` (project-relative, `/` separators) as messages show it. */
const shown = (relative: string): string => `\`${relative.split(path.sep).join('/')}\``

/**
 * The first part of `relative` (a folder on the way, or the path itself) that is a symbolic link
 * leading out of the project, or to nothing, with why; undefined when every link stays inside.
 * Git commits links, so a pull request can plant one where guidepress reads or writes.
 */
export async function linkProblem(root: string, relative: string): Promise<string | undefined> {
  const realRoot = await realpath(root).catch(() => path.resolve(root))
  const parts = relative.split(/[\\/]/).filter((part) => part !== '' && part !== '.')
  for (let count = 1; count <= parts.length; count += 1) {
    const prefix = parts.slice(0, count).join('/')
    const info = await lstat(path.join(root, prefix)).catch(() => undefined)
    if (!info) return undefined // nothing more on disk: nothing to follow
    if (!info.isSymbolicLink()) continue
    const target = await realpath(path.join(root, prefix)).catch(() => undefined)
    if (target === undefined) return `Expected ${shown(prefix)} to be a file or folder; it is a link to nothing (remove it)`
    if (target !== realRoot && !isInside(realRoot, target)) {
      return `Unexpected link: ${shown(prefix)} leads outside the project (to \`${target}\`); replace the link with a real ${count === parts.length ? 'file' : 'folder'} inside the project`
    }
  }
  return undefined
}

/** A project file's bytes, or that it is not there, or why it must not be read. */
export type ProjectFile = { bytes: Buffer } | { missing: true } | { problem: string }

/**
 * Reads a project file (glossary, theme, configuration) only when it is a plain file whose real
 * place is inside the project (and inside `within`, project-relative, when given). A named pipe or
 * a device is refused without blocking: it is opened non-blocking and checked before any read
 * (a blocked read would keep even SIGTERM from ending the process).
 */
export async function readProjectFile(root: string, relative: string, within?: string): Promise<ProjectFile> {
  const file = path.join(root, relative)
  const present = await lstat(file).then(
    () => true,
    (error: NodeJS.ErrnoException) => error.code !== 'ENOENT' && error.code !== 'ENOTDIR'
  )
  if (!present) return { missing: true }
  const link = await linkProblem(root, relative)
  if (link) return { problem: link }
  const real = await realpath(file).catch(() => undefined)
  if (real === undefined) return { problem: `Expected ${shown(relative)} to be a file; it is a link to nothing (remove it)` }
  if (within !== undefined) {
    const folder = await realpath(path.join(root, within)).catch(() => path.join(root, within))
    if (!isInside(folder, real)) return { problem: `Unexpected link: ${shown(relative)} leads outside ${shown(`${within}/`)}; copy the file into ${shown(`${within}/`)} instead` }
  }
  // O_NOFOLLOW: the real path has no link at its end, so one swapped in meanwhile is refused.
  const handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW).catch(() => undefined)
  if (!handle) return { problem: `Expected ${shown(relative)} to be a readable file; check its permissions` }
  try {
    const kind = await handle.stat()
    if (!kind.isFile()) return { problem: `Expected ${shown(relative)} to be a file, not ${kind.isDirectory() ? 'a folder' : 'a special file (a named pipe or device)'}; remove it or replace it with a plain file` }
    return { bytes: await handle.readFile() }
  } finally {
    await handle.close()
  }
}

/** `readProjectFile`, for callers that report a problem by throwing (see `ProjectFileError`). */
export async function readProjectFileOrThrow(root: string, relative: string): Promise<Buffer | undefined> {
  const read = await readProjectFile(root, relative)
  if ('problem' in read) throw new ProjectFileError(relative, read.problem)
  return 'bytes' in read ? read.bytes : undefined
}

/** A project file that must not be read; `relative` is the path the message is about. */
export class ProjectFileError extends Error {
  constructor(readonly relative: string, message: string) {
    super(message)
  }
}
