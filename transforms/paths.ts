import { realpathSync } from 'node:fs'
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
