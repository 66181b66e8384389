#!/usr/bin/env node
// The CLI is TypeScript. Each start runs a bundle that esbuild compiles from transforms/, render/ and cli/ into
// node_modules/.cache/guidepress/<stamp>/ (bin/code-stamp.js), remade whenever a source file changes (about 0.2 s), so
// there is no build step to forget. Loading one bundle instead of compiling each file through tsx's
// loader hooks saves about a second a start, which is most of a no-op build. If the bundle cannot
// be made (a read-only install, say), tsx runs the sources directly.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { codeStamp } from './code-stamp.js'

const toolkit = path.join(import.meta.dirname, '..')
const cacheDir = path.join(toolkit, 'node_modules', '.cache', 'guidepress')

async function compiledEntry() {
  const outdir = path.join(cacheDir, codeStamp(toolkit))
  const entry = path.join(outdir, 'cli.js')
  if (existsFile(entry)) return entry
  const { build } = await import('esbuild')
  // Built beside the final folder and renamed into place, so two starts at once never see half a bundle.
  const staging = `${outdir}.${process.pid}.tmp`
  await build({
    entryPoints: { cli: path.join(toolkit, 'cli', 'main.ts') },
    outdir: staging,
    bundle: true,
    splitting: true, // the renderer stays a separate chunk, loaded only when a build renders
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent'
  })
  try {
    renameSync(staging, outdir)
  } catch {
    rmSync(staging, { recursive: true, force: true }) // another start finished first: use its bundle
  }
  removeOldBundles(path.basename(outdir))
  return entry
}

/** Bundles of earlier sources, a day old or more (a long dev session may still be running one). */
function removeOldBundles(current) {
  for (const name of readdirSync(cacheDir)) {
    const folder = path.join(cacheDir, name)
    if (name !== current && Date.now() - statSync(folder).mtimeMs > 24 * 3600 * 1000) rmSync(folder, { recursive: true, force: true })
  }
}

function existsFile(file) {
  try {
    return statSync(file).isFile()
  } catch {
    return false
  }
}

let cli
try {
  mkdirSync(cacheDir, { recursive: true })
  cli = await import(pathToFileURL(await compiledEntry()).href)
} catch {
  const { register } = await import('tsx/esm/api')
  register()
  cli = await import('../cli/main.ts')
}
process.exitCode = await cli.main(process.argv.slice(2))
