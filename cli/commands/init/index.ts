// `guidepress init [--force]`: makes the folder it runs in (empty, or an existing repository) a
// guidepress project. Every file is checked before the first is written: a link leading out of the
// project or a folder where a file belongs stops init with nothing written. An existing file is
// never replaced without --force (each one skipped is listed); package.json and .gitignore are
// merged instead, so nothing in them is lost.
import { existsSync } from 'node:fs'
import { lstat, mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import pc from 'picocolors'
import { linkProblem } from '../../../transforms/input/paths.ts'
import { toolkitRoot, toolkitVersion } from '../../../transforms/input/toolkit.ts'
import { glossaryPath } from '../../../transforms/input/glossary.ts'
import { sourceDir } from '../../../transforms/input/load.ts'
import { exitCodes, type CliIo } from '../../io.ts'
import { buildCommandIn, starterGuideline } from '../new.ts'
import { mergePackageJson, PackageJsonError } from './package-json.ts'
import { ignoredPaths, installedThemePath, marpConfig, starterConfig, starterGlossary, vscodeSettings } from './templates.ts'

export const starterId = 'example-guideline'

/** The workflow files a project gets, copied from guidepress's own (shipped in the package). */
export const workflowFiles = ['.github/workflows/guidepress.yml', '.github/workflows/guidepress-comment.yml', '.github/scripts/comment-body.mjs'] as const

interface Planned {
  file: string
  /** The whole new text; for merged files, what the merge made (undefined: nothing to change). */
  text: string | undefined
  /** Replaced or skipped when it exists (false for the merged package.json and .gitignore). */
  whole: boolean
  note?: string
}

export async function runInit(options: { force: boolean }, io: CliIo): Promise<number> {
  const root = io.cwd
  const today = io.today ?? new Date().toISOString().slice(0, 10)
  const themeInProject = existsSync(path.join(root, 'themes', 'guidepress.css'))
  const themePath = themeInProject ? 'themes/guidepress.css' : installedThemePath
  const hasGuidelines = await guidelinesIn(root)

  const planned: Planned[] = [
    { file: 'guidepress.config.yaml', text: starterConfig, whole: true },
    { file: glossaryPath, text: starterGlossary, whole: true },
    { file: '.marprc.yml', text: marpConfig(themePath), whole: true },
    { file: '.vscode/settings.json', text: vscodeSettings(themePath), whole: true }
  ]
  if (!hasGuidelines) planned.splice(1, 0, { file: `${sourceDir}/${starterId}.md`, text: starterGuideline(starterId, today), whole: true })
  for (const file of workflowFiles) planned.push({ file, text: await readFile(path.join(toolkitRoot, file), 'utf8'), whole: true })

  const problems: string[] = []
  for (const file of ['package.json', '.gitignore', ...planned.map((entry) => entry.file)]) {
    const problem = (await linkProblem(root, file)) ?? (await notAFile(root, file))
    if (problem) problems.push(`${file}: ${problem}`)
  }
  let merge
  try {
    merge = mergePackageJson(await readIfThere(root, 'package.json'), { name: packageName(root), version: toolkitVersion, force: options.force })
  } catch (error) {
    if (!(error instanceof PackageJsonError)) throw error
    problems.push(error.message)
  }
  if (problems.length > 0 || merge === undefined) {
    io.stderr(`${problems.map((problem) => `${pc.red('guidepress:')} ${problem}`).join('\n')}\nNothing was written.`)
    return exitCodes.contentErrors
  }

  planned.unshift({ file: 'package.json', text: merge.text, whole: false }, { file: '.gitignore', text: mergedIgnore(await readIfThere(root, '.gitignore')), whole: false })
  const skipped: string[] = []
  for (const entry of planned) {
    const exists = existsSync(path.join(root, entry.file))
    if (entry.text === undefined) continue
    if (entry.whole && exists && !options.force) {
      skipped.push(entry.file)
      continue
    }
    await writeAtomically(path.join(root, entry.file), entry.text)
    const detail = entry.file === 'package.json' ? ` (${[...merge.added.map((key) => `added ${key}`), ...merge.replaced.map((key) => `replaced ${key}`)].join(', ')})` : ''
    io.stdout(`${pc.green(exists ? (entry.whole ? 'replaced' : 'updated') : 'wrote')} ${entry.file}${detail}`)
  }
  if (hasGuidelines) io.stdout(`${pc.yellow('skipped')} ${sourceDir}/${starterId}.md (${sourceDir}/ has guidelines already)`)
  for (const file of skipped) io.stdout(`${pc.yellow('skipped')} ${file} (it exists; \`guidepress init --force\` replaces it)`)
  for (const { key, value } of merge.kept) io.stdout(`${pc.yellow('kept')} ${key} ("${value}"); \`guidepress init --force\` replaces it, or run guidepress with \`npx guidepress\``)
  const install = existsSync(path.join(root, 'node_modules', 'guidepress', 'package.json')) ? '' : '`npm install`, then '
  io.stdout(`${pc.green('✔')} guidepress project ready: run ${install}\`${await buildCommandIn(root)}\``)
  return exitCodes.ok
}

/** Whether source/ already holds a guideline (then no starter is added beside it). */
async function guidelinesIn(root: string): Promise<boolean> {
  const names = await readdir(path.join(root, sourceDir)).catch(() => [])
  return names.some((name) => name.endsWith('.md'))
}

/** Why `file` cannot be written as a file (a folder or a pipe is there), or undefined. */
async function notAFile(root: string, file: string): Promise<string | undefined> {
  const info = await lstat(path.join(root, file)).catch(() => undefined)
  if (info === undefined || info.isFile() || info.isSymbolicLink()) return undefined
  return `Expected a file; ${info.isDirectory() ? 'a folder' : 'something that is not a file (a pipe or device)'} is there. Move it away and run \`guidepress init\` again`
}

async function readIfThere(root: string, file: string): Promise<string | undefined> {
  return readFile(path.join(root, file), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined
    throw error
  })
}

/** The .gitignore with each line guidepress needs added at its end; undefined when all are there. */
function mergedIgnore(existing: string | undefined): string | undefined {
  const present = new Set((existing ?? '').split(/\r?\n/).map((line) => line.trim()))
  const missing = ignoredPaths.filter((line) => !present.has(line))
  if (missing.every((line) => line.startsWith('#'))) return undefined
  const start = existing === undefined || existing === '' || existing.endsWith('\n') ? (existing ?? '') : `${existing}\n`
  return `${start}${missing.join('\n')}\n`
}

/** A package name for a new package.json: the folder's name in npm's lowercase, hyphenated form. */
function packageName(root: string): string {
  const name = path.basename(path.resolve(root)).toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[._-]+|-+$/g, '')
  return name === '' ? 'guidelines' : name.slice(0, 214)
}

/** Written beside the target and renamed into place: a file is either old or whole, never half. */
async function writeAtomically(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true })
  const staging = `${file}.${process.pid}.tmp`
  await writeFile(staging, text, { flag: 'wx' })
  await rename(staging, file)
}
