// Outputs guidepress made that nothing makes any more. A build removes them (through its staging,
// so all or nothing), so `decks/`, `handouts/`, `summaries/` and `dist/` describe the library as it is.
// Only files guidepress itself makes are touched: `<folder>/<id>.md` for a kebab-case id, and the
// file names of `distFileNames` in `dist/<id>/`; anything else (notes, links, folders) stays.
import { lstat, readdir } from 'node:fs/promises'
import path from 'node:path'
import { guidelineIdPattern } from '../../transforms/input/load.ts'
import { distFileNames } from '../../transforms/serialize/outputs.ts'
import { outputFolders } from '../../transforms/pipeline.ts'

const markdownFolders = Object.values(outputFolders)

async function isPlainFile(root: string, relative: string): Promise<boolean> {
  return lstat(path.join(root, relative)).then((info) => info.isFile(), () => false)
}

async function namesIn(root: string, folder: string): Promise<string[]> {
  // A folder that is a link is left alone (the build refuses one that leads out of the project).
  const info = await lstat(path.join(root, folder)).catch(() => undefined)
  if (!info?.isDirectory()) return []
  return (await readdir(path.join(root, folder)).catch(() => [])).sort()
}

/** The files a guideline's outputs may be: its three Markdown outputs and its `dist/<id>/` files. */
async function filesOf(root: string, id: string): Promise<string[]> {
  const candidates = [...markdownFolders.map((folder) => `${folder}/${id}.md`), ...distFileNames.map((name) => `dist/${id}/${name}`)]
  const present = await Promise.all(candidates.map((relative) => isPlainFile(root, relative)))
  return candidates.filter((_, index) => present[index])
}

/**
 * What guidepress made for guidelines no longer in `source/`: the files to remove, and the
 * `dist/<id>/` folders to remove when they are empty afterwards.
 */
export async function outputsOfDeletedGuidelines(root: string, known: readonly string[]): Promise<{ files: string[]; folders: string[] }> {
  const ids = new Set<string>()
  for (const folder of markdownFolders) {
    for (const name of await namesIn(root, folder)) if (name.endsWith('.md')) ids.add(name.slice(0, -'.md'.length))
  }
  for (const name of await namesIn(root, 'dist')) ids.add(name)
  const gone = [...ids].filter((id) => guidelineIdPattern.test(id) && !known.includes(id)).sort()
  const files = (await Promise.all(gone.map((id) => filesOf(root, id)))).flat()
  return { files, folders: gone.map((id) => `dist/${id}`) }
}

/**
 * Files guidepress made for a guideline before that this build did not make again: an output
 * dropped from its `outputs:`, or the PDFs and PPTX of an earlier full build after a quick one
 * (they would show the old text beside the new HTML).
 */
export async function outputsNoLongerMade(root: string, id: string, made: ReadonlySet<string>): Promise<string[]> {
  return (await filesOf(root, id)).filter((relative) => !made.has(relative))
}
