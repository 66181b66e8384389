import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { VFile } from 'vfile'
import { transformAll, type BuildOptions, type TransformResult } from './build.ts'
import { outputFolders } from './pipeline.ts'
import { reportError } from './report.ts'
import { sourceMapsOf, sourcePlaceOf, type SourceMap } from './source-map.ts'

/**
 * Validates everything and compares each committed output with a fresh build. A stale or
 * orphaned output gets an `output-stale` error at its first differing line.
 */
export async function checkOutputs(options: BuildOptions): Promise<TransformResult & { stale: VFile[] }> {
  const transformed = await transformAll(options)
  if (!transformed.ok) return { ...transformed, stale: [] }
  const expected = new Map(transformed.results.flatMap((result) => result.outputs).map((output) => [output.path, output.text]))
  const stale: VFile[] = []
  let maps: Map<string, SourceMap> | undefined
  for (const [relative, text] of expected) {
    const committed = await readFile(path.join(options.root, relative), 'utf8').catch(() => undefined)
    if (committed === text) continue
    const file = new VFile({ cwd: options.root, path: relative })
    const line = committed === undefined ? 1 : firstDifferentLine(committed, text)
    // Made only when something is stale: say which source line the differing output line comes from.
    maps ??= new Map(transformed.results.flatMap(sourceMapsOf).map(({ map }) => [map.output, map]))
    const map = maps.get(relative)
    const origin = committed === undefined || !map ? undefined : sourcePlaceOf(map, line)
    const from = origin?.line ? `, made from ${origin.file}:${origin.line}` : ''
    const reason = committed === undefined ? 'Expected this output to exist' : `Expected this output to match a fresh build (first difference at line ${line}${from})`
    reportError(file, `${reason}; run \`npm run build\` and commit the result`, { line, column: 1 }, 'output-stale')
    stale.push(file)
  }
  for (const folder of Object.values(outputFolders)) {
    const names = await readdir(path.join(options.root, folder)).catch(() => [])
    for (const name of names.filter((each) => each.endsWith('.md')).sort()) {
      const relative = `${folder}/${name}`
      if (expected.has(relative)) continue
      const file = new VFile({ cwd: options.root, path: relative })
      reportError(file, `Unexpected output with no guideline that builds it; delete it, or restore \`source/${name}\``, { line: 1, column: 1 }, 'output-stale')
      stale.push(file)
    }
  }
  return { ...transformed, files: [...transformed.files, ...stale], stale, ok: stale.length === 0 }
}

function firstDifferentLine(a: string, b: string): number {
  const left = a.split('\n')
  const right = b.split('\n')
  const index = left.findIndex((line, at) => line !== right[at])
  return (index === -1 ? left.length : index) + 1
}
