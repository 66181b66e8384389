import { readFileSync } from 'node:fs'
import path from 'node:path'

/**
 * The folder of guidepress's own package.json. Found by walking up rather than by a fixed `..`,
 * because the CLI may run from a compiled bundle in `node_modules/.cache/` (see bin/guidepress.js)
 * as well as from these sources.
 */
export const { root: toolkitRoot, version: toolkitVersion } = findToolkit(import.meta.dirname)

function findToolkit(start: string): { root: string; version: string } {
  for (let dir = start; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string }
      if (pkg.name === 'guidepress') return { root: dir, version: pkg.version ?? '0.0.0' }
    } catch {
      // No package.json here (or not JSON): keep walking up.
    }
    if (path.dirname(dir) === dir) throw new Error(`Cannot find guidepress's package.json above ${start}`)
  }
}
