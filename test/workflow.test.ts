import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser'
import { Ajv, type ValidateFunction } from 'ajv'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const workflowPath = path.join(import.meta.dirname, '..', '.github', 'workflows', 'guidepress.yml')
const require = createRequire(import.meta.url)

/** SchemaStore's GitHub workflow schema, from the `schemastore` package (never downloaded). */
async function schemaValidator(): Promise<ValidateFunction> {
  const schema = JSON.parse(await readFile(require.resolve('schemastore/schemas/json/github-workflow.json'), 'utf8')) as object
  // The schema uses `format` values such as `uri` only as hints; validate structure, not formats.
  return new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(schema)
}

/** GitHub's own parser (what the Actions service and editor use): schema, expressions, job graph. */
async function githubParserErrors(content: string): Promise<string[]> {
  const parsed = parseWorkflow({ name: 'guidepress.yml', content }, new NoOperationTraceWriter())
  const errors = parsed.context.errors.getErrors().map((error) => error.message)
  if (parsed.value && errors.length === 0) {
    const template = await convertWorkflowTemplate(parsed.context, parsed.value)
    errors.push(...(template.errors ?? []).map((error) => error.Message))
  }
  return errors
}

const validYaml = await readFile(workflowPath, 'utf8')

describe('.github/workflows/guidepress.yml', () => {
  it('is valid against the GitHub workflow JSON schema', async () => {
    const validate = await schemaValidator()
    expect(validate(parse(validYaml)), JSON.stringify(validate.errors, null, 2)).toBe(true)
  })

  it('is accepted by GitHub’s workflow parser', async () => {
    expect(await githubParserErrors(validYaml)).toEqual([])
  })

  it('runs on pull requests: install, check, build, upload dist/, comment with report and diff', () => {
    const workflow = parse(validYaml) as {
      on: Record<string, unknown>
      jobs: Record<string, { steps: Array<{ uses?: string; run?: string; with?: Record<string, unknown> }> }>
    }
    expect(Object.keys(workflow.on)).toContain('pull_request')
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps)
    const order = (match: (step: (typeof steps)[number]) => boolean): number => steps.findIndex(match)
    const checkout = order((step) => step.uses?.startsWith('actions/checkout@') ?? false)
    const install = order((step) => /^npm ci\b/.test(step.run ?? ''))
    const check = order((step) => /npm run check|guidepress(?:\.js)? check/.test(step.run ?? ''))
    const build = order((step) => /npm run build|guidepress(?:\.js)? build/.test(step.run ?? ''))
    const upload = order((step) => step.uses?.startsWith('actions/upload-artifact@') === true && step.with?.path === 'dist/')
    const comment = order((step) => /guidepress\.js report/.test(step.run ?? '') && /guidepress\.js diff "origin\//.test(step.run ?? ''))
    const post = order((step) => /gh pr comment/.test(step.run ?? ''))
    expect([checkout, install, check, build, upload, comment, post].every((index) => index >= 0)).toBe(true)
    expect([checkout, install, check, build, upload, comment, post]).toEqual([...[checkout, install, check, build, upload, comment, post]].sort((a, b) => a - b))
    // diff compares with the base branch, which a shallow clone lacks.
    expect(steps[checkout]?.with?.['fetch-depth']).toBe(0)
  })

  // Bad cases: both validators must be able to fail, or the tests above prove nothing.
  const broken: Array<{ name: string; yaml: string }> = [
    { name: 'a misspelt trigger key', yaml: validYaml.replace('  pull_request:\n', '  pull_requests:\n') },
    { name: 'a job without runs-on', yaml: validYaml.replace('    runs-on: ubuntu-latest\n', '') },
    { name: 'a misspelt job key', yaml: validYaml.replace('    timeout-minutes: 30\n', '    timeout-minute: 30\n') },
    { name: 'an unknown permission', yaml: validYaml.replace('  pull-requests: write', '  pull-request: write') }
  ]

  it.each(broken)('the schema refuses $name', async ({ yaml }) => {
    expect(yaml).not.toBe(validYaml)
    const validate = await schemaValidator()
    expect(validate(parse(yaml))).toBe(false)
  })

  it.each(broken)('GitHub’s parser refuses $name', async ({ yaml }) => {
    expect(await githubParserErrors(yaml)).not.toEqual([])
  })

  // What only GitHub's parser knows: expressions, and steps that are neither an action nor a script.
  it.each([
    { name: 'a broken expression', yaml: validYaml.replace('${{ !cancelled() }}', '${{ !cancelled( }}') },
    { name: 'a step with both uses and run', yaml: validYaml.replace('      - name: Install\n        run:', '      - name: Install\n        uses: actions/setup-node@v4\n        run:') }
  ])('GitHub’s parser refuses $name', async ({ yaml }) => {
    expect(yaml).not.toBe(validYaml)
    expect(await githubParserErrors(yaml)).not.toEqual([])
  })
})
