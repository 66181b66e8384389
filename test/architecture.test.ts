// The layout is a contract: transforms/ turns a source into Markdown and nothing else, render/ and cli/
// build on it, no module imports itself round a loop, and no module grows past 300 lines.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const toolkit = path.join(import.meta.dirname, '..')
const folders = ['transforms', 'render', 'cli']

interface Module {
  /** Path relative to the toolkit, with `/` separators. */
  file: string
  code: string
  /** Every module specifier it imports, statically or dynamically, types included. */
  specifiers: string[]
}

function modulesUnder(folder: string): Module[] {
  const modules: Module[] = []
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(file)
      else if (entry.name.endsWith('.ts')) {
        const code = readFileSync(file, 'utf8')
        const specifiers = [...code.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*'([^']+)'|(?:^|\n)\s*import\s*'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/g)].map(
          (match) => match[1] ?? match[2] ?? match[3] ?? ''
        )
        modules.push({ file: path.relative(toolkit, file).split(path.sep).join('/'), code, specifiers })
      }
    }
  }
  walk(path.join(toolkit, folder))
  return modules
}

const modules = folders.flatMap(modulesUnder)

/** The toolkit-relative file a relative specifier names, or undefined for a package. */
function resolved(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined
  return path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier))
}

/** Each import cycle once, as the files round the loop. */
export function importCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = []
  const done = new Set<string>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const visit = (file: string): void => {
    stack.push(file)
    onStack.add(file)
    for (const next of graph.get(file) ?? []) {
      if (onStack.has(next)) cycles.push([...stack.slice(stack.indexOf(next)), next])
      else if (!done.has(next)) visit(next)
    }
    stack.pop()
    onStack.delete(file)
    done.add(file)
  }
  for (const file of [...graph.keys()].sort()) if (!done.has(file)) visit(file)
  return cycles
}

describe('the module graph of transforms/, render/ and cli/', () => {
  it('finds the modules and their imports (or every check below would pass on nothing)', () => {
    expect(modules.length).toBeGreaterThan(80)
    expect(modules.find((module) => module.file === 'cli/main.ts')?.specifiers).toContain('../transforms/input/load.ts')
  })

  it('has no import cycles', () => {
    const graph = new Map(modules.map((module) => [module.file, module.specifiers.flatMap((specifier) => resolved(module.file, specifier) ?? [])]))
    // bin/code-stamp.js is plain JavaScript (bin/guidepress.js needs it before TypeScript runs) and imports nothing of ours.
    for (const targets of graph.values()) for (const target of targets) expect(graph.has(target) || target === 'bin/code-stamp.js', target).toBe(true)
    expect(importCycles(graph)).toEqual([])
  })

  it('finds a cycle when there is one (the check above can fail)', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']]
    ])
    expect(importCycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']])
  })

  it('has no module over 300 lines', () => {
    const long = modules.filter((module) => module.code.split('\n').length > 300).map((module) => module.file)
    expect(long).toEqual([])
  })

  it('loads pdf-lib and puppeteer-core only through their one home (render/pdf-lib.ts, render/browser.ts)', () => {
    // (This file is left out: its own cases below spell such imports.)
    const testModules = [...modulesUnder('test'), ...modulesUnder('bench')].filter((module) => module.file !== 'test/architecture.test.ts')
    const problems = [...modules, ...testModules].flatMap((module) => libraryCodeImports(module))
    expect(problems).toEqual([])
  })

  it('finds a module taking pdf-lib, puppeteer-core or marp-core from the package itself (the check above can fail)', () => {
    const module = (code: string): Module => ({ file: 'render/x.ts', code, specifiers: [] })
    expect(libraryCodeImports(module("import { PDFDocument } from 'pdf-lib'"))).toEqual(['render/x.ts takes pdf-lib from the package'])
    expect(libraryCodeImports(module("import puppeteer from 'puppeteer-core'"))).toEqual(['render/x.ts takes puppeteer-core from the package'])
    expect(libraryCodeImports(module("const lib = await import('pdf-lib')"))).toEqual(['render/x.ts takes pdf-lib from the package'])
    expect(libraryCodeImports(module("import { Marp } from '@marp-team/marp-core'"))).toEqual(['render/x.ts takes @marp-team/marp-core from the package'])
    expect(libraryCodeImports(module("import type { PDFDocument } from 'pdf-lib'\nimport type { Page } from 'puppeteer-core'"))).toEqual([])
  })

  it('keeps transforms/ pure: no browser, server, child process, terminal, lock or file writes', () => {
    const forbiddenPackages = /^(node:)?(child_process|http|https|http2|net|process|readline|tty|worker_threads)$|^(puppeteer-core|@sparticuz\/chromium|chokidar|picocolors|vfile-reporter|pdf-lib|pptxgenjs|@marp-team\/)/
    const writes = /\b(writeFile|writeFileSync|appendFile|appendFileSync|mkdir|mkdirSync|rename|renameSync|rm|rmSync|rmdir|unlink|unlinkSync|createWriteStream|copyFile|cp|cpSync)\b/
    const problems: string[] = []
    for (const module of modules.filter((module) => module.file.startsWith('transforms/'))) {
      for (const specifier of module.specifiers) {
        const target = resolved(module.file, specifier)
        if (target !== undefined && !target.startsWith('transforms/')) problems.push(`${module.file} imports ${target}`)
        if (target === undefined && forbiddenPackages.test(specifier)) problems.push(`${module.file} imports ${specifier}`)
      }
      for (const match of module.code.matchAll(/import\s*\{([^}]*)\}\s*from\s*'(?:node:)?fs(?:\/promises)?'/g)) {
        if (writes.test(match[1] ?? '')) problems.push(`${module.file} imports a file write from fs: ${match[1]?.trim()}`)
      }
      if (/\bprocess\.(exit|on|once|kill|stdout|stderr|stdin|argv|env|cwd|chdir|pid)\b/.test(module.code)) problems.push(`${module.file} uses process`)
    }
    expect(problems).toEqual([])
  })
})

/**
 * A module that takes pdf-lib's, puppeteer-core's or marp-core's code (not only its types) from the
 * package: render/pdf-lib.ts loads pdf-lib's one-file build, and objects of two copies fail each
 * other's `instanceof`; render/browser.ts loads puppeteer-core's CommonJS build; marp-core loaded
 * before render/deck/marp-core.ts would bring MathJax in after all. The bench's own
 * processes drive a browser of their own and may.
 */
function libraryCodeImports(module: Module): string[] {
  const homes: Record<string, string> = { 'pdf-lib': 'render/pdf-lib.ts', 'puppeteer-core': 'render/browser.ts', '@marp-team/marp-core': 'render/deck/marp-core.ts' }
  const problems: string[] = []
  for (const [library, home] of Object.entries(homes)) {
    if (module.file === home || (library === 'puppeteer-core' && module.file.startsWith('bench/'))) continue
    const quoted = `'${library}'`
    const codeImport = new RegExp(`(?:^|\\n)\\s*import\\s+(?!type\\b)[^'"]*from\\s*${quoted}|\\bimport\\(\\s*${quoted}\\s*\\)`)
    if (codeImport.test(module.code)) problems.push(`${module.file} takes ${library} from the package`)
  }
  return problems
}
