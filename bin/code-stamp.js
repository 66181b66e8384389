// The toolkit's code stamp: changes whenever a file in transforms/, render/, cli/ or themes/ is
// added, removed or edited, or package.json or the installed packages change (npm rewrites
// node_modules/.package-lock.json on every install). bin/guidepress.js names its bundle by it, and
// the build cache keys every guideline on it, so editing or upgrading guidepress rebuilds instead of
// serving outputs of the old code. Sizes and modification times only, no file is read: about 10 ms
// for ~150 files, computed once per process.
//
// Plain JavaScript because bin/guidepress.js needs it before any TypeScript can run; the bundle
// gets its own copy, so the value is kept on globalThis and both copies compute it once between them.
import { createHash } from 'node:crypto'
import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'

/** Every folder the CLI's code comes from (themes/: the styles a project without its own uses). */
export const codeFolders = ['transforms', 'render', 'cli', 'themes']

const memo = Symbol.for('guidepress.codeStamp')

/** @param {string} toolkit the folder of guidepress's package.json @returns {string} */
export function codeStamp(toolkit) {
  /** @type {Record<string, string>} */
  const known = (globalThis[memo] ??= {})
  return (known[toolkit] ??= computeStamp(toolkit))
}

/** @param {string} toolkit */
function computeStamp(toolkit) {
  const hash = createHash('sha256')
  /** @param {string} dir */
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const file = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(file)
      else {
        const { size, mtimeMs } = statSync(file)
        hash.update(`${path.relative(toolkit, file)} ${size} ${mtimeMs}\n`)
      }
    }
  }
  // A folder the toolkit lacks (a partial copy, as in tests) counts as absent rather than failing.
  for (const folder of codeFolders) {
    try {
      walk(path.join(toolkit, folder))
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'ENOENT') throw error
      hash.update(`${folder} none\n`)
    }
  }
  // The packages the code runs with: the toolkit's own node_modules (a clone) or the one it is
  // installed in (node_modules/guidepress); either may be missing.
  const lockfiles = [path.join(toolkit, 'package.json'), path.join(toolkit, 'node_modules', '.package-lock.json'), path.join(path.dirname(toolkit), '.package-lock.json')]
  for (const file of lockfiles) {
    try {
      const { size, mtimeMs } = statSync(file)
      hash.update(`${path.relative(toolkit, file)} ${size} ${mtimeMs}\n`)
    } catch {
      hash.update(`${path.relative(toolkit, file)} none\n`)
    }
  }
  return hash.digest('hex').slice(0, 16)
}
