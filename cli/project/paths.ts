// The project's own files and folders a build reads or writes, besides the guidelines and the
// glossary (load.ts, glossary.ts). Each must stay inside the project: git commits symbolic links,
// so a pull request could plant one that makes a build read a system file into every handout, or
// write its outputs elsewhere. A named pipe or a device must be refused before anything reads it.
import { VFile } from 'vfile'
import { sourceDir } from '../../transforms/input/load.ts'
import { linkProblem, readProjectFile } from '../../transforms/input/paths.ts'
import { outputFolders } from '../../transforms/pipeline.ts'
import { reportError } from '../../transforms/messages.ts'
import { configFileNames } from '../../transforms/input/config-schema.ts'

export const themesDir = 'themes'
/** The project's theme files; each one missing is taken from guidepress's own `themes/`. */
export const themeFiles = [`${themesDir}/guidepress.css`, `${themesDir}/print.css`] as const
export const imagesDir = 'source/images'
/** Folders a build reads (besides the guidelines, each checked as it is read). */
const inputDirs = [sourceDir, imagesDir]
/** Where a build writes. */
export const outputDirs = [...Object.values(outputFolders), 'dist']
/** Everything in the project a build reads or writes (images are in source/): what the no-op fast path (fresh.ts) compares. */
export const buildFootprint = [sourceDir, themesDir, ...configFileNames, ...outputDirs]

/** One file per path that must not be used, with an error naming it and what to do. */
export async function checkProjectPaths(root: string): Promise<VFile[]> {
  const files: VFile[] = []
  const refuse = (relative: string, reason: string, ruleId: string): void => {
    const file = new VFile({ cwd: root, path: relative })
    reportError(file, reason, { line: 1, column: 1 }, ruleId)
    files.push(file)
  }
  const themes = await linkProblem(root, themesDir)
  if (themes) refuse(themesDir, themes, 'file-not-regular')
  for (const theme of themes ? [] : themeFiles) {
    const read = await readProjectFile(root, theme)
    if ('problem' in read) refuse(theme, read.problem, 'file-not-regular')
  }
  // Each folder on its own path: `source/` first, so a link there is named there, not in `source/images`.
  for (const folder of inputDirs) {
    const problem = await linkProblem(root, folder)
    if (problem) {
      refuse(folder, problem, 'file-not-regular')
      break
    }
  }
  for (const folder of outputDirs) {
    const problem = await linkProblem(root, folder)
    if (problem) refuse(folder, problem, 'output-blocked')
  }
  return files
}

