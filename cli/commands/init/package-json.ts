// `guidepress init` merges its scripts and its dependency into a project's package.json: every key
// already there is kept, in its place and with its value, unless `--force` replaces a clashing script.

/** The scripts a guidepress project runs; the workflow calls `npm run --silent guidepress -- <command>`. */
export const projectScripts: Readonly<Record<string, string>> = {
  build: 'guidepress build',
  check: 'guidepress check',
  dev: 'guidepress dev',
  guidepress: 'guidepress'
}

export interface PackageJsonMerge {
  /** The new text, or undefined when nothing needs changing. */
  text: string | undefined
  /** What was added (`scripts.build`, `devDependencies.guidepress`…). */
  added: string[]
  /** What was replaced because of `--force`. */
  replaced: string[]
  /** Clashing entries kept as they were, with the value kept. */
  kept: Array<{ key: string; value: string }>
}

export class PackageJsonError extends Error {}

type Json = Record<string, unknown>

/**
 * Merges guidepress's scripts and `devDependencies.guidepress` into `existing` (a package.json's text,
 * or undefined when there is none). Keeps its indentation and final newline; throws
 * PackageJsonError for text that is not a JSON object, or a `scripts` that is not one.
 */
export function mergePackageJson(existing: string | undefined, options: { name: string; version: string; force: boolean }): PackageJsonMerge {
  const pkg = existing === undefined ? { name: options.name, version: '0.1.0', private: true } : parseObject(existing)
  const added: string[] = []
  const replaced: string[] = []
  const kept: PackageJsonMerge['kept'] = []
  const scripts = objectField(pkg, 'scripts')
  for (const [name, command] of Object.entries(projectScripts)) {
    const current = scripts[name]
    if (current === command) continue
    if (current === undefined) added.push(`scripts.${name}`)
    else if (options.force) replaced.push(`scripts.${name}`)
    else {
      kept.push({ key: `scripts.${name}`, value: String(current) })
      continue
    }
    scripts[name] = command
  }
  const declared = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'].some((field) => {
    const deps = pkg[field]
    return typeof deps === 'object' && deps !== null && 'guidepress' in deps
  })
  if (!declared) {
    objectField(pkg, 'devDependencies').guidepress = `^${options.version}`
    added.push('devDependencies.guidepress')
  }
  const changed = existing === undefined || added.length > 0 || replaced.length > 0
  return { text: changed ? serialize(pkg, existing) : undefined, added, replaced, kept }
}

function parseObject(text: string): Json {
  let value: unknown
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    throw new PackageJsonError(`package.json is not valid JSON (${error instanceof Error ? error.message : String(error)}); fix it and run \`guidepress init\` again`)
  }
  if (!isObject(value)) throw new PackageJsonError('package.json must hold a JSON object ({ … }); fix it and run `guidepress init` again')
  return value
}

/** `pkg[field]` as an object, created (at the end) when missing. */
function objectField(pkg: Json, field: string): Json {
  const value = pkg[field]
  if (value === undefined) {
    const created: Json = {}
    pkg[field] = created
    return created
  }
  if (!isObject(value)) throw new PackageJsonError(`package.json: \`${field}\` must be an object ({ … }), not ${JSON.stringify(value)}; fix it and run \`guidepress init\` again`)
  return value
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Written with the file's own indentation (two spaces for a new file) and line ending. */
function serialize(pkg: Json, existing: string | undefined): string {
  const indent = existing === undefined ? '  ' : (/^([ \t]+)"/m.exec(existing)?.[1] ?? '  ')
  const newline = existing?.includes('\r\n') ? '\r\n' : '\n'
  return `${JSON.stringify(pkg, null, indent).replace(/\n/g, newline)}${newline}`
}
