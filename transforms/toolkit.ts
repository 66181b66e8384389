import { readFileSync } from 'node:fs'
import path from 'node:path'

/**
 * The folder of guidepress's own package.json. Found by walking up rather than by a fixed `..`,
 * because the CLI may run from a compiled bundle in `node_modules/.cache/` (see bin/guidepress.js)
 * as well as from these sources.
 */
export const toolkitRoot = findToolkitRoot(import.meta.dirname)

function findToolkitRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string }
      if (pkg.name === 'guidepress') return dir
    } catch {
      // No package.json here (or not JSON): keep walking up.
    }
    if (path.dirname(dir) === dir) throw new Error(`Cannot find guidepress's package.json above ${start}`)
  }
}
