import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { VFile } from 'vfile'
import { transformAll, type BuildOptions, type TransformResult } from './build.ts'
import { readProjectFile } from '../../transforms/input/paths.ts'
import { outputFolders, type GuidelineResult } from '../../transforms/pipeline.ts'
import { reportError } from '../../transforms/messages.ts'
import { sourceMapsOf, sourcePlaceOf, type SourcePlace } from '../../transforms/serialize/source-map.ts'

/**
 * Validates everything and compares each committed output with a fresh build. A stale or
 * orphaned output gets an `output-stale` error at its first differing line.
 */
export async function checkOutputs(options: BuildOptions): Promise<TransformResult & { stale: VFile[] }> {
  const transformed = await transformAll(options)
  if (!transformed.ok) return { ...transformed, stale: [] }
  const expected = new Map(transformed.results.flatMap((result) => result.outputs).map((output) => [output.path, output.text]))
  const stale: VFile[] = []
  for (const [relative, text] of expected) {
    // Read safely: a committed output that is a named pipe must not hang the check (paths.ts).
    const read = await readProjectFile(options.root, relative)
    const committed = 'bytes' in read ? read.bytes.toString('utf8') : undefined
    if (committed === text) continue
    const file = new VFile({ cwd: options.root, path: relative })
    const line = committed === undefined ? 1 : firstDifferentLine(committed, text)
    // Only for a stale output: which source line its first differing line was made from.
    const origin = committed === undefined ? undefined : sourcePlaceOfOutput(transformed.results, relative, line)
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

function sourcePlaceOfOutput(results: GuidelineResult[], output: string, line: number): SourcePlace | undefined {
  const owner = results.find((result) => result.outputs.some((each) => each.path === output))
  const map = owner && sourceMapsOf(owner).find((each) => each.map.output === output)?.map
  return map && sourcePlaceOf(map, line)
}

function firstDifferentLine(a: string, b: string): number {
  const left = a.split('\n')
  const right = b.split('\n')
  const index = left.findIndex((line, at) => line !== right[at])
  return (index === -1 ? left.length : index) + 1
}
