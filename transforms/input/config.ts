// Reads `guidepress.config.yaml` (or `.json`) at the project root: optional, checked with the care
// of front matter, every problem a located message on the config file. The schema is config-schema.ts.
import { VFile } from 'vfile'
import { isMap, LineCounter, parseDocument, visit, type Document } from 'yaml'
import type { Point } from 'unist'
import { z } from 'zod'
import { configFileNames, configSchema, defaultConfig, type ConfigFile, type ProjectConfig } from './config-schema.ts'
import { checkConfigValues } from './config-values.ts'
import { readProjectFile } from './paths.ts'
import { hasErrors, reportError } from '../messages.ts'
import { firstErrorPerLine, yamlErrorReason } from './yaml-errors.ts'
import { asWritten, placeInDocument } from './yaml-places.ts'

/** Far above any real configuration (a few hundred bytes); past it the file is refused unread. */
const maxConfigBytes = 64 * 1024

export interface LoadedConfig {
  /** The config file with its messages; absent when the project has none. */
  file: VFile | undefined
  /** The configuration to build with; the defaults when there is no file (or it has errors: nothing is built then). */
  config: ProjectConfig
}

/** Reads and checks the project's config file, if it has one. */
export async function loadConfig(root: string): Promise<LoadedConfig> {
  const [yamlName, jsonName] = configFileNames
  const [yamlRead, jsonRead] = await Promise.all([readProjectFile(root, yamlName), readProjectFile(root, jsonName)])
  if (!('missing' in yamlRead) && !('missing' in jsonRead)) {
    const file = new VFile({ cwd: root, path: jsonName, value: '' })
    reportError(file, `Unexpected second config file: \`${yamlName}\` is there too; keep one of them`, { line: 1, column: 1 }, 'config-two-files')
    return { file, config: defaultConfig }
  }
  const [name, read] = 'missing' in yamlRead ? [jsonName, jsonRead] : [yamlName, yamlRead]
  if ('missing' in read) return { file: undefined, config: defaultConfig }
  const file = new VFile({ cwd: root, path: name, value: '' })
  if ('problem' in read) {
    reportError(file, read.problem, { line: 1, column: 1 }, 'file-not-regular')
    return { file, config: defaultConfig }
  }
  if (read.bytes.length > maxConfigBytes) {
    reportError(file, `Expected a config file of at most ${maxConfigBytes / 1024} KiB, not ${Math.ceil(read.bytes.length / 1024)} KiB`, { line: 1, column: 1 }, 'file-too-large')
    return { file, config: defaultConfig }
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(read.bytes).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  } catch {
    reportError(file, 'Expected UTF-8 text; save the file as UTF-8', { line: 1, column: 1 }, 'file-not-utf8')
    return { file, config: defaultConfig }
  }
  file.value = text
  const data = name === jsonName ? readJson(file, text) : readYaml(file, text)
  if (!data) return { file, config: defaultConfig }
  const { document, toPoint } = data
  const parsed = configSchema.safeParse(document.toJS())
  if (!parsed.success) {
    for (const issue of parsed.error.issues) reportSchemaIssue(file, document, issue, toPoint, text)
    return { file, config: defaultConfig }
  }
  await checkConfigValues(file, root, parsed.data, (path) => placeInDocument(document, path, toPoint))
  return { file, config: hasErrors(file) ? defaultConfig : withDefaults(parsed.data) }
}

interface ParsedConfig {
  document: Document
  toPoint: (offset: number) => Point
}

function parse(text: string): ParsedConfig {
  const lineCounter = new LineCounter()
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, schema: 'core', prettyErrors: false })
  const toPoint = (offset: number): Point => {
    const { line, col } = lineCounter.linePos(offset)
    return { line, column: col }
  }
  return { document, toPoint }
}

function readYaml(file: VFile, text: string): ParsedConfig | undefined {
  const parsed = parse(text)
  const { document, toPoint } = parsed
  for (const error of firstErrorPerLine(document.errors, (offset) => toPoint(offset).line)) {
    reportError(file, yamlErrorReason(error, text), toPoint(error.pos[0]), 'config-invalid-syntax')
  }
  if (document.errors.length > 0) return undefined
  // A tab anywhere (even where YAML allows one) reads as spaces in one editor and not in another.
  const tab = text.indexOf('\t')
  if (tab !== -1) {
    reportError(file, 'Unexpected tab; write the config with spaces only: replace the tab with spaces', toPoint(tab), 'config-invalid-syntax')
    return undefined
  }
  let alias: number | undefined
  visit(document, {
    Alias(_key, node) {
      alias = node.range?.[0] ?? 0
      return visit.BREAK
    }
  })
  if (alias !== undefined) {
    reportError(file, 'Unexpected `*alias`: write the value out in full, so each setting reads where it stands', toPoint(alias), 'config-invalid-syntax')
    return undefined
  }
  return isMapping(file, parsed) ? parsed : undefined
}

function readJson(file: VFile, text: string): ParsedConfig | undefined {
  const parsed = parse(text)
  // JSON is YAML, and YAML's reader places its errors; it also names the second of two equal keys,
  // which JSON.parse keeps without a word.
  for (const error of firstErrorPerLine(parsed.document.errors, (offset) => parsed.toPoint(offset).line)) {
    reportError(file, yamlErrorReason(error, text), parsed.toPoint(error.pos[0]), 'config-invalid-syntax')
  }
  if (parsed.document.errors.length > 0) return undefined
  try {
    JSON.parse(text)
  } catch (error) {
    // YAML that is not JSON (a comment, a trailing comma, a bare word): where JSON.parse stopped, when it says.
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? ''
    const offset = Number(/at position (\d+)/.exec(reason)?.[1] ?? 0)
    const what = reason.includes(' at position ') ? reason.replace(/ in JSON at position \d+.*$/, '') : 'not valid JSON'
    reportError(file, `Unexpected JSON: ${what}; check the commas, quotes and brackets (JSON has no comments)`, parsed.toPoint(Math.min(offset, text.length)), 'config-invalid-syntax')
    return undefined
  }
  return isMapping(file, parsed) ? parsed : undefined
}

function isMapping(file: VFile, { document }: ParsedConfig): boolean {
  // A file of comments only is a config that sets nothing.
  if (document.contents === null || isMap(document.contents)) return true
  reportError(file, 'Expected the config to be `setting: value` lines (see docs/authoring.md, "The project config")', { line: 1, column: 1 }, 'config-invalid-syntax')
  return false
}

function reportSchemaIssue(file: VFile, document: Document, issue: z.core.$ZodIssue, toPoint: (offset: number) => Point, text: string): void {
  const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol')
  if (issue.code === 'unrecognized_keys') {
    for (const key of issue.keys) {
      const keyPath = [...path, key]
      const reason = path[0] === 'messages'
        ? `Unexpected label \`${String(key)}\` in \`${path.join('.')}\`; guidepress writes no label of that name: correct it or remove it (the names are the keys of transforms/catalogue/en.ts, see docs/authoring.md#messages-missing)`
        : `Unexpected setting \`${keyPath.join('.')}\`; remove it or use one of: ${settingsAt(path).join(', ')}`
      reportError(file, reason, placeInDocument(document, keyPath, toPoint, true), 'config-unknown-field')
    }
    return
  }
  if (issue.code === 'invalid_key') {
    // A key that is not what the map takes (`messages: { "no tag": … }`): its own message, at the key.
    const reason = issue.issues[0]?.message ?? issue.message
    reportError(file, `${reason}, not \`${String(path.at(-1))}\``, placeInDocument(document, path, toPoint, true), 'config-invalid-value')
    return
  }
  const field = path.join('.')
  if (document.getIn(path) === undefined && !document.hasIn(path)) {
    reportError(file, `Expected \`${field}\`: ${issue.message}`, placeInDocument(document, path, toPoint), 'config-invalid-value')
    return
  }
  const written = asWritten(document, path, text)
  // `primary: #1f4e79` unquoted is a comment: YAML reads no value at all.
  const not = written === '' ? ', not an empty value (in YAML an unquoted `#` starts a comment: put such values in quotes)' : `, not \`${written}\``
  reportError(file, `${issue.message} for \`${field}\`${not}`, placeInDocument(document, path, toPoint), 'config-invalid-value')
}

/** The settings the schema allows at `path` (a list's items are objects alike). */
function settingsAt(path: Array<string | number>): string[] {
  let node: z.ZodType | undefined = configSchema
  for (const key of path) {
    while (node instanceof z.ZodOptional) node = node.unwrap() as z.ZodType
    if (node instanceof z.ZodObject) node = (node.shape as Record<string, z.ZodType>)[String(key)]
    else if (node instanceof z.ZodArray) node = node.element as z.ZodType
  }
  while (node instanceof z.ZodOptional) node = node.unwrap() as z.ZodType
  return node instanceof z.ZodObject ? Object.keys(node.shape) : []
}

function withDefaults(data: ConfigFile): ProjectConfig {
  return {
    organisation: data.organisation ? { name: data.organisation.name, logo: data.organisation.logo } : undefined,
    contacts: { emergency: data.contacts?.emergency, helplines: data.contacts?.helplines ?? [] },
    brand: { colours: data.brand?.colours ?? {}, font: data.brand?.font },
    lang: data.lang ?? defaultConfig.lang,
    outputs: data.outputs ?? defaultConfig.outputs,
    paper: data.paper ?? defaultConfig.paper,
    formats: data.formats ?? defaultConfig.formats,
    messages: data.messages ?? {}
  }
}
