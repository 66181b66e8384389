import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

export interface OutputFile {
  /** Path relative to the project root, with `/` separators. */
  path: string
  text: string
}

export interface WriteResult {
  written: string[]
  unchanged: string[]
}

/**
 * Writes every output or none: each goes to a temp file beside its target first, and only when
 * all are staged are they renamed into place (a rename is atomic on one file system).
 * Files whose bytes would not change are left alone, so their times stay put.
 */
export async function writeOutputs(root: string, outputs: OutputFile[]): Promise<WriteResult> {
  const changed: OutputFile[] = []
  const unchanged: string[] = []
  for (const output of outputs) {
    const current = await readFile(path.join(root, output.path), 'utf8').catch(() => undefined)
    if (current === output.text) unchanged.push(output.path)
    else changed.push(output)
  }
  const staged: Array<{ temp: string; target: string }> = []
  try {
    for (const output of changed) {
      const target = path.join(root, output.path)
      const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`)
      await mkdir(path.dirname(target), { recursive: true })
      staged.push({ temp, target })
      await writeFile(temp, output.text, 'utf8')
    }
    for (const { temp, target } of staged) await rename(temp, target)
  } finally {
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true })))
  }
  return { written: changed.map((output) => output.path), unchanged }
}
