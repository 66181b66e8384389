import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { VFile } from 'vfile'
import { main, type CliIo } from '../cli/main.ts'
import { transformGuideline, type GuidelineResult } from '../transforms/pipeline.ts'
import type { Glossary } from '../transforms/types.ts'
import type { Bibliography } from '../transforms/input/references.ts'

export const fixedToday = '2026-11-27'

/** A project folder in this test run's temp folder holding the given files (paths relative to it). */
export async function makeWorkspace(files: Record<string, string | Buffer>): Promise<string> {
  const root = await mkdtemp(path.join(process.env.GUIDEPRESS_TEST_TMP ?? tmpdir(), 'guidepress-test-'))
  await mkdir(path.join(root, 'source'), { recursive: true })
  for (const [relative, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, relative)), { recursive: true })
    await writeFile(path.join(root, relative), content)
  }
  return root
}

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

/** Terminal output without colour codes (CI=true turns colours on), so assertions read plain text. */
export const plain = (text: string): string => text.replace(/\u001b\[[0-9;]*m/g, '')

/** Runs the CLI in-process against a workspace and captures what it prints. */
export async function runCli(root: string, ...argv: string[]): Promise<CliRun> {
  return runCliWith(root, {}, ...argv)
}

/** `runCli` with other io settings (a lock wait, a stop signal…). */
export async function runCliWith(root: string, io: Partial<CliIo>, ...argv: string[]): Promise<CliRun> {
  const out: string[] = []
  const err: string[] = []
  const code = await main(argv, { cwd: root, today: fixedToday, stdout: (text) => out.push(text), stderr: (text) => err.push(text), ...io })
  return { code, stdout: plain(out.join('\n')), stderr: plain(err.join('\n')) }
}

export async function readText(root: string, relative: string): Promise<string> {
  return readFile(path.join(root, relative), 'utf8')
}

/** The front matter of `guideline()`; `extra` lines go after its title. */
export function defaultFrontMatter(extra = ''): string {
  return `title: Bone health
${extra === '' ? '' : `${extra}\n`}version: 1.0.0
updated: 2026-01-15
status: draft
topics:
  - id: bone-care
    title: Caring for bones
    terms: [bone]`
}

/** A minimal valid guideline; `body` and `frontMatter` lines replace the defaults. */
export function guideline(options: { frontMatter?: string; body?: string } = {}): string {
  const frontMatter = options.frontMatter ?? defaultFrontMatter()
  const body =
    options.body ??
    `## Caring for bones {#bone-care}

Strong bone matters.
`
  return `---\n${frontMatter}\n---\n\n${body}`
}

/** Runs the per-guideline pipeline on a source text held in memory (images resolve against `sourceDir`). */
export function transformText(text: string, options: { id?: string; glossary?: Glossary; sourceDir?: string; bibliography?: Bibliography } = {}): { file: VFile; result: GuidelineResult | undefined } {
  const file = new VFile({ path: `source/${options.id ?? 'bone-health'}.md`, value: text })
  const result = transformGuideline(file, {
    sourceDir: options.sourceDir ?? path.join(import.meta.dirname, 'fixtures'),
    glossary: options.glossary ?? new Map(),
    today: fixedToday,
    ...(options.bibliography ? { bibliography: options.bibliography } : {})
  })
  return { file, result }
}

/** The messages of a file as `ruleId@line:column`, for compact assertions. */
export function messagesOf(file: VFile): string[] {
  return file.messages.map((message) => `${message.ruleId}@${message.line}:${message.column}`)
}
