import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { createRequire } from 'node:module'
import path from 'node:path'
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser'
import { Ajv, type ValidateFunction } from 'ajv'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const workflowsDir = path.join(import.meta.dirname, '..', '.github', 'workflows')
const require = createRequire(import.meta.url)

/** SchemaStore's GitHub workflow schema, from the `schemastore` package (never downloaded). */
async function schemaValidator(): Promise<ValidateFunction> {
  const schema = JSON.parse(await readFile(require.resolve('schemastore/schemas/json/github-workflow.json'), 'utf8')) as object
  // The schema uses `format` values such as `uri` only as hints; validate structure, not formats.
  return new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(schema)
}

/** GitHub's own parser (what the Actions service and editor use): schema, expressions, job graph. */
async function githubParserErrors(content: string, name = 'guidepress.yml'): Promise<string[]> {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter())
  const errors = parsed.context.errors.getErrors().map((error) => error.message)
  if (parsed.value && errors.length === 0) {
    const template = await convertWorkflowTemplate(parsed.context, parsed.value)
    errors.push(...(template.errors ?? []).map((error) => error.Message))
  }
  return errors
}

const validYaml = await readFile(path.join(workflowsDir, 'guidepress.yml'), 'utf8')
const commentYaml = await readFile(path.join(workflowsDir, 'guidepress-comment.yml'), 'utf8')

interface Step { name?: string; id?: string; uses?: string; run?: string; if?: string; with?: Record<string, unknown>; env?: Record<string, string> }
interface Job { needs?: string | string[]; if?: string; strategy?: { matrix?: Record<string, unknown> }; steps: Step[] }
interface Workflow { on: Record<string, unknown>; permissions?: Record<string, string>; jobs: Record<string, Job> }

const workflow = parse(validYaml) as Workflow
const commenter = parse(commentYaml) as Workflow
const allSteps = [...Object.values(workflow.jobs), ...Object.values(commenter.jobs)].flatMap((job) => job.steps)

describe.each([
  { file: 'guidepress.yml', yaml: validYaml },
  { file: 'guidepress-comment.yml', yaml: commentYaml }
])('.github/workflows/$file', ({ file, yaml }) => {
  it('is valid against the GitHub workflow JSON schema', async () => {
    const validate = await schemaValidator()
    expect(validate(parse(yaml)), JSON.stringify(validate.errors, null, 2)).toBe(true)
  })

  it('is accepted by GitHub’s workflow parser', async () => {
    expect(await githubParserErrors(yaml, file)).toEqual([])
  })
})

describe('.github/workflows/guidepress.yml', () => {
  it('on pull requests: install, build (sharded, cached), upload dist/, check, report and diff, hand the comment on', () => {
    expect(Object.keys(workflow.on)).toContain('pull_request')
    const build = workflow.jobs.build
    const report = workflow.jobs.report
    expect(build && report).toBeTruthy()
    const at = (steps: Step[], match: (step: Step) => boolean): number => steps.findIndex(match)
    const buildSteps = build?.steps ?? []
    const buildOrder = [
      at(buildSteps, (step) => step.uses?.startsWith('actions/checkout@') ?? false),
      at(buildSteps, (step) => /^npm ci\b/.test(step.run ?? '')),
      at(buildSteps, (step) => step.uses?.startsWith('actions/cache@') ?? false),
      at(buildSteps, (step) => /npm run build -- --shard \$\{\{ matrix\.shard \}\}\/\$\{\{ strategy\.job-total \}\}/.test(step.run ?? '')),
      at(buildSteps, (step) => step.uses?.startsWith('actions/upload-artifact@') === true && step.with?.path === 'dist/')
    ]
    expect(buildOrder.every((index) => index >= 0), JSON.stringify(buildOrder)).toBe(true)
    expect(buildOrder).toEqual([...buildOrder].sort((a, b) => a - b))
    const reportSteps = report?.steps ?? []
    const reportOrder = [
      at(reportSteps, (step) => step.uses?.startsWith('actions/checkout@') ?? false),
      at(reportSteps, (step) => /^npm ci\b/.test(step.run ?? '')),
      at(reportSteps, (step) => /npm run check/.test(step.run ?? '')),
      at(reportSteps, (step) => step.uses?.startsWith('actions/download-artifact@') === true && step.with?.['merge-multiple'] === true),
      at(reportSteps, (step) => /guidepress -- report/.test(step.run ?? '') && /guidepress -- diff "origin\//.test(step.run ?? '')),
      at(reportSteps, (step) => step.uses?.startsWith('actions/upload-artifact@') === true && step.with?.name === 'guidepress-report'),
      at(reportSteps, (step) => /comment-body\.mjs guidepress-report\.md "\$REPORT_URL"/.test(step.run ?? '')),
      at(reportSteps, (step) => step.uses?.startsWith('actions/upload-artifact@') === true && step.with?.name === 'guidepress-comment')
    ]
    expect(reportOrder.every((index) => index >= 0), JSON.stringify(reportOrder)).toBe(true)
    expect(reportOrder).toEqual([...reportOrder].sort((a, b) => a - b))
    // diff compares with the base branch, which a shallow clone lacks.
    expect(reportSteps[reportOrder[0] ?? 0]?.with?.['fetch-depth']).toBe(0)
    // The full report's link is the uploaded artifact's own URL.
    const full = reportSteps.find((step) => step.with?.name === 'guidepress-report')
    expect(reportSteps.find((step) => /comment-body\.mjs/.test(step.run ?? ''))?.env?.REPORT_URL).toBe(`\${{ steps.${full?.id}.outputs.artifact-url }}`)
    // The pull request's code runs with a read-only token: it never comments itself.
    expect(workflow.permissions).toEqual({ contents: 'read' })
    expect(validYaml).not.toContain('gh pr comment')
  })

  it('keeps the build cache between runs: dist/ (with its cache file) per shard layout, restored by prefix', () => {
    const cache = workflow.jobs.build?.steps.find((step) => step.uses?.startsWith('actions/cache@'))
    expect(String(cache?.with?.path)).toContain('dist/')
    expect(String(cache?.with?.key)).toMatch(/matrix\.shard.*strategy\.job-total.*hashFiles\('package-lock\.json'\).*github\.sha/)
    expect(String(cache?.with?.['restore-keys'])).toBe(`${String(cache?.with?.key).replace('${{ github.sha }}', '')}\n`)
  })

  it('builds in a shard matrix', () => {
    expect(workflow.jobs.build?.strategy?.matrix?.shard).toEqual([1])
    expect(workflow.jobs.report?.needs).toBe('build')
  })
})

describe('.github/workflows/guidepress-comment.yml', () => {
  it('runs after guidepress.yml (workflow_run, so forks get a comment) and may write only comments', () => {
    expect(commenter.on).toEqual({ workflow_run: { workflows: ['guidepress'], types: ['completed'] } })
    expect(commenter.permissions).toEqual({ actions: 'read', 'pull-requests': 'write' })
    // It never runs the pull request's code: no checkout, no install.
    const steps = commenter.jobs.comment?.steps ?? []
    expect(steps.some((step) => step.uses?.startsWith('actions/checkout@') || /npm|node /.test(step.run ?? ''))).toBe(false)
    expect(steps[0]?.with).toMatchObject({ name: 'guidepress-comment', 'run-id': '${{ github.event.workflow_run.id }}' })
  })

  it('updates the one comment found by its marker in place, never `--edit-last`', () => {
    const post = commenter.jobs.comment?.steps.find((step) => /gh api/.test(step.run ?? ''))
    expect(post?.env?.MARKER).toBe('<!-- guidepress-review -->')
    expect(post?.run).toContain('startswith(env.MARKER)')
    expect(post?.run).toMatch(/--method PATCH "repos\/\$REPO\/issues\/comments\/\$id"/)
    expect(post?.run).toMatch(/--method POST "repos\/\$REPO\/issues\/\$pr\/comments"/)
    // The number comes from the pull request's run: only digits, and only for the commit it built.
    expect(post?.run).toContain("*[!0-9]*")
    expect(post?.run).toContain('.head.sha)" != "$HEAD_SHA"')
    expect(commentYaml).not.toContain('--edit-last')
  })
})

describe('every workflow', () => {
  it('uses Node 22 or 24 and current action majors', () => {
    const current: Record<string, number> = { 'actions/checkout': 6, 'actions/setup-node': 6, 'actions/cache': 5, 'actions/upload-artifact': 6, 'actions/download-artifact': 7 }
    for (const step of allSteps) {
      if (!step.uses) continue
      const [action, version] = step.uses.split('@')
      expect(Object.keys(current), step.uses).toContain(action)
      expect(Number(/^v(\d+)$/.exec(version ?? '')?.[1]), step.uses).toBeGreaterThanOrEqual(current[action ?? ''] ?? Infinity)
    }
    const nodes = allSteps.filter((step) => step.uses?.startsWith('actions/setup-node@')).map((step) => step.with?.['node-version'])
    expect(nodes.length).toBeGreaterThan(0)
    for (const node of nodes) expect([22, 24]).toContain(node)
  })
})

describe('.github/scripts/comment-body.mjs', () => {
  const script = path.join(import.meta.dirname, '..', '.github', 'scripts', 'comment-body.mjs')
  const runScript = promisify(execFile)
  const url = 'https://github.com/org/repo/actions/runs/1/artifacts/2'

  async function body(report: string): Promise<string> {
    const dir = await mkdtemp(path.join(process.env.GUIDEPRESS_TEST_TMP ?? tmpdir(), 'guidepress-comment-'))
    await writeFile(path.join(dir, 'report.md'), report)
    return (await runScript(process.execPath, [script, path.join(dir, 'report.md'), url], { maxBuffer: 16 * 1024 * 1024 })).stdout
  }

  it('keeps a report that fits whole, starting with the marker, and links the full report', async () => {
    const report = '## guidepress report\n\n| topic | deck |\n| --- | --- |\n| a | ✔ |\n'
    const out = await body(report)
    expect(out.startsWith('<!-- guidepress-review -->\n## guidepress report')).toBe(true)
    expect(out).toContain('| a | ✔ |')
    expect(out).toContain(`(${url})`)
  })

  it('caps an oversized report below GitHub’s 65,536 characters at a line, closing a cut code block', async () => {
    // A generated change report of about 1.2 MB: many sections, long sentences, an open fence.
    const lines = ['## Changes since main', '```diff']
    for (let index = 0; index < 20_000; index += 1) lines.push(`- line ${index}: It is treatable, but ~~usually~~ **in most cases** it cannot be cured — ümlaut ✔ ${'x'.repeat(index % 40)}`)
    lines.push('```', 'THE END')
    const report = lines.join('\n')
    expect(report.length).toBeGreaterThan(1_000_000)
    const out = await body(report)
    expect(out.length).toBeLessThan(65_536)
    expect(out.length).toBeGreaterThan(60_000) // uses the room it has
    expect(out.startsWith('<!-- guidepress-review -->\n## Changes since main')).toBe(true)
    expect(out).not.toContain('THE END')
    expect(out).toContain(`has ${report.length.toLocaleString('en')} characters`)
    expect(out).toContain(`Read the full report in [the \`guidepress-report\` artifact](${url})`)
    // Whole lines only, and the diff block is closed before the notice.
    const shown = out.split('\n---\n')[0] ?? ''
    expect(shown.trimEnd().endsWith('```')).toBe(true)
    for (const line of shown.split('\n').slice(3, -1)) expect(lines).toContain(line)
  })

  it('cuts a single line longer than a comment by characters', async () => {
    const out = await body('x'.repeat(200_000))
    expect(out.length).toBeLessThan(65_536)
    expect(out).toContain('is cut short')
  })
})

// Bad cases: both validators must be able to fail, or the tests above prove nothing.
describe('the validators', () => {
  const broken: Array<{ name: string; yaml: string }> = [
    { name: 'a misspelt trigger key', yaml: validYaml.replace('  pull_request:\n', '  pull_requests:\n') },
    { name: 'a job without runs-on', yaml: validYaml.replace('    runs-on: ubuntu-latest\n', '') },
    { name: 'a misspelt job key', yaml: validYaml.replace('    timeout-minutes: 30\n', '    timeout-minute: 30\n') },
    { name: 'an unknown permission', yaml: commentYaml.replace('  pull-requests: write', '  pull-request: write') }
  ]

  it.each(broken)('the schema refuses $name', async ({ yaml }) => {
    expect(yaml).not.toBe(validYaml)
    expect(yaml).not.toBe(commentYaml)
    const validate = await schemaValidator()
    expect(validate(parse(yaml))).toBe(false)
  })

  it.each(broken)('GitHub’s parser refuses $name', async ({ yaml }) => {
    expect(await githubParserErrors(yaml)).not.toEqual([])
  })

  // What only GitHub's parser knows: expressions, and steps that are neither an action nor a script.
  it.each([
    { name: 'a broken expression', yaml: validYaml.replace('${{ !cancelled() }}', '${{ !cancelled( }}') },
    { name: 'a step with both uses and run', yaml: validYaml.replace('      - name: Install\n        run:', '      - name: Install\n        uses: actions/setup-node@v6\n        run:') }
  ])('GitHub’s parser refuses $name', async ({ yaml }) => {
    expect(yaml).not.toBe(validYaml)
    expect(await githubParserErrors(yaml)).not.toEqual([])
  })
})
