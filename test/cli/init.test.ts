// `guidepress init`: a working project in an empty folder, a merge (never a loss) in an existing
// one, nothing replaced without --force, and nothing written through a link leading out.
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { mergePackageJson, PackageJsonError } from '../../cli/commands/init/package-json.ts'
import { labelsFor } from '../../transforms/catalogue/labels.ts'
import { loadConfig } from '../../transforms/input/config.ts'
import { makeWorkspace, readText, runCli } from '../helpers.ts'

/** The Markdown outputs a build wrote, as project paths. */
async function outputFiles(root: string): Promise<string[]> {
  const found: string[] = []
  for (const folder of ['decks', 'handouts', 'summaries']) {
    for (const name of await readdir(path.join(root, folder)).catch(() => [])) found.push(`${folder}/${name}`)
  }
  return found.sort()
}

const written = ['package.json', '.gitignore', 'guidepress.config.yaml', 'source/example-guideline.md', 'source/glossary.yml', '.marprc.yml', '.vscode/settings.json', '.github/workflows/guidepress.yml', '.github/workflows/guidepress-comment.yml', '.github/scripts/comment-body.mjs']

describe('guidepress init', () => {
  it('makes an empty folder a project whose starter builds and checks clean', async () => {
    const root = await mkdtemp(path.join(process.env.GUIDEPRESS_TEST_TMP ?? tmpdir(), 'guidepress-init-'))
    const run = await runCli(root, 'init')
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    for (const file of written) expect(existsSync(path.join(root, file)), file).toBe(true)
    const pkg = JSON.parse(await readText(root, 'package.json')) as { scripts: Record<string, string>; devDependencies: Record<string, string> }
    expect(pkg.scripts).toMatchObject({ build: 'guidepress build', check: 'guidepress check', dev: 'guidepress dev' })
    expect(pkg.devDependencies.guidepress).toMatch(/^\^\d+\.\d+\.\d+/)
    // The config is YAML in the agreed shape; the Marp settings name the installed house theme.
    expect(parse(await readText(root, 'guidepress.config.yaml'))).toMatchObject({ lang: 'en-GB', paper: 'A4', outputs: ['deck', 'handout', 'summary'] })
    expect(parse(await readText(root, '.marprc.yml'))).toMatchObject({ themeSet: ['node_modules/guidepress/themes/guidepress.css'], options: { markdown: { breaks: false } } })
    expect(JSON.parse(await readText(root, '.vscode/settings.json'))).toMatchObject({ 'markdown.marp.themes': ['./node_modules/guidepress/themes/guidepress.css'], 'markdown.marp.breaks': 'off' })
    expect(run.stdout).toContain('run `npm install`, then `npm run build`')
    const build = await runCli(root, 'build', '--no-pdf')
    expect(build.stderr).toBe('')
    expect(build.code).toBe(0)
    expect(await outputFiles(root)).toEqual(['decks/example-guideline.md', 'handouts/example-guideline.md', 'summaries/example-guideline.md'])
    expect((await runCli(root, 'check')).code).toBe(0)
  })

  it('shows how to give labels for another language, in a shape the config accepts', async () => {
    const root = await mkdtemp(path.join(process.env.GUIDEPRESS_TEST_TMP ?? tmpdir(), 'guidepress-init-'))
    expect((await runCli(root, 'init')).code).toBe(0)
    const config = await readText(root, 'guidepress.config.yaml')
    expect(config).toMatch(/^# messages:$/m)
    // Uncommented as a team would, it loads clean and its labels reach the outputs' words.
    await writeFile(path.join(root, 'guidepress.config.yaml'), config.replace(/^# (messages:|  it:)/gm, '$1'))
    const loaded = await loadConfig(root)
    expect(loaded.file?.messages ?? []).toEqual([])
    expect(labelsFor('it', loaded.config.messages).text('agenda')).toBe('Programma')
  })

  it('merges into an existing project without losing anything, and lists what it skipped', async () => {
    const pkg = { name: 'clinic-site', version: '3.2.1', scripts: { build: 'vite build', test: 'vitest' }, dependencies: { vite: '^7.0.0' } }
    const root = await makeWorkspace({
      'package.json': `${JSON.stringify(pkg, null, 4)}\n`,
      '.gitignore': 'coverage/\ndist/',
      '.vscode/settings.json': '{ "editor.tabSize": 4 }\n',
      'source/bone-health.md': 'mine'
    })
    const run = await runCli(root, 'init')
    expect(run.code).toBe(0)
    const merged = JSON.parse(await readText(root, 'package.json')) as typeof pkg & { devDependencies: Record<string, string> }
    expect(merged).toMatchObject({ ...pkg, scripts: { build: 'vite build', test: 'vitest', check: 'guidepress check', dev: 'guidepress dev' } })
    expect(merged.devDependencies.guidepress).toBeDefined()
    expect(await readText(root, 'package.json')).toMatch(/^\{\n {4}"name"/) // its own indentation
    expect(run.stdout).toContain('kept scripts.build ("vite build")')
    expect(run.stdout).toContain('skipped .vscode/settings.json (it exists; `guidepress init --force` replaces it)')
    expect(run.stdout).toContain('skipped source/example-guideline.md (source/ has guidelines already)')
    // A build script that is not guidepress's is never suggested.
    expect(run.stdout).toContain('`npx guidepress build`')
    expect(await readText(root, '.vscode/settings.json')).toBe('{ "editor.tabSize": 4 }\n')
    expect(await readText(root, 'source/bone-health.md')).toBe('mine')
    expect(existsSync(path.join(root, 'source/example-guideline.md'))).toBe(false)
    expect(await readText(root, '.gitignore')).toBe('coverage/\ndist/\nnode_modules/\n# decks/<id>.html from bare marp-cli\ndecks/*.html\n')

    const forced = await runCli(root, 'init', '--force')
    expect(forced.code).toBe(0)
    expect(JSON.parse(await readText(root, 'package.json'))).toMatchObject({ scripts: { build: 'guidepress build', test: 'vitest' } })
    expect(JSON.parse(await readText(root, '.vscode/settings.json'))).toHaveProperty('markdown.marp.breaks', 'off')
    expect(forced.stdout).toContain('replaced .vscode/settings.json')
  })

  it('writes nothing when a file it would write is reached through a link leading out', async () => {
    const outside = await makeWorkspace({})
    const root = await makeWorkspace({})
    await symlink(outside, path.join(root, '.github'))
    const run = await runCli(root, 'init')
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('.github/workflows/guidepress.yml: Unexpected link: `.github` leads outside the project')
    expect(run.stderr).toContain('Nothing was written.')
    expect(existsSync(path.join(outside, 'workflows'))).toBe(false)
    expect(existsSync(path.join(root, 'package.json'))).toBe(false)
  })

  it('refuses a package.json that is not JSON, and a folder where a file belongs', async () => {
    const root = await makeWorkspace({ 'package.json': '{ "name": ' })
    await mkdir(path.join(root, '.marprc.yml'))
    const run = await runCli(root, 'init')
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('package.json is not valid JSON')
    expect(run.stderr).toContain('.marprc.yml: Expected a file; a folder is there')
    expect(await readFile(path.join(root, 'package.json'), 'utf8')).toBe('{ "name": ')
    expect(existsSync(path.join(root, 'guidepress.config.yaml'))).toBe(false)
  })

  it('takes no arguments', async () => {
    const root = await makeWorkspace({})
    expect((await runCli(root, 'init', 'somewhere')).code).toBe(2)
    expect((await runCli(root, 'check', '--force')).code).toBe(2)
  })
})

describe('mergePackageJson', () => {
  it('adds nothing to a package.json that has it all, and keeps CRLF line ends', () => {
    const full = '{\r\n  "scripts": { "build": "guidepress build", "check": "guidepress check", "dev": "guidepress dev", "guidepress": "guidepress" },\r\n  "dependencies": { "guidepress": "^0.1.0" }\r\n}\r\n'
    expect(mergePackageJson(full, { name: 'x', version: '0.1.0', force: false }).text).toBeUndefined()
    const merged = mergePackageJson('{\r\n  "name": "x"\r\n}\r\n', { name: 'x', version: '0.1.0', force: false }).text ?? ''
    expect(merged.split('\r\n').length).toBeGreaterThan(5)
    expect(merged.replace(/\r\n/g, '')).not.toContain('\n')
  })

  it('refuses scripts that are not an object instead of replacing them', () => {
    expect(() => mergePackageJson('{ "scripts": ["build"] }', { name: 'x', version: '0.1.0', force: true })).toThrow(PackageJsonError)
  })
})

describe('guidepress new', () => {
  it('suggests `npm run build` only where the build script runs guidepress', async () => {
    const own = await makeWorkspace({ 'package.json': JSON.stringify({ scripts: { build: 'guidepress build' } }) })
    expect((await runCli(own, 'new', 'bone-health')).stdout).toContain('then run `npm run build`')
    const other = await makeWorkspace({ 'package.json': JSON.stringify({ scripts: { build: 'vite build' } }) })
    expect((await runCli(other, 'new', 'bone-health')).stdout).toContain('then run `npx guidepress build`')
    const bare = await makeWorkspace({})
    await writeFile(path.join(bare, 'README.md'), '')
    expect((await runCli(bare, 'new', 'bone-health')).stdout).toContain('then run `npx guidepress build`')
  })
})
