// A guideline in a language guidepress has no catalogue for (`it`) reads English labels and says
// so once, at its `lang`; the project config's `messages` supplies labels, checked like every setting.
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { english } from '../../transforms/catalogue/en.ts'
import { messageKeys } from '../../transforms/catalogue/labels.ts'
import { guideline, makeWorkspace, readText, runCli } from '../helpers.ts'

const italian = guideline({
  frontMatter: 'title: Salute delle ossa\nversion: 1.0.0\nupdated: 2026-01-15\nstatus: draft\nlang: it\ntopics:\n  - id: bone-care\n    title: Ossa forti\n    terms: [ossa]',
  body: '## Ossa forti {#bone-care}\n\n- Le ossa forti contano.\n\n:::recommendation{strength="strong" certainty="high"}\nOffrite un esame delle ossa.\n:::\n'
})

async function buildItalian(config?: string) {
  const root = await makeWorkspace({ 'source/ossa.md': italian, ...(config === undefined ? {} : { 'guidepress.config.yaml': config }) })
  const run = await runCli(root, 'build', '--no-pdf')
  return { root, run, warnings: run.stderr.split('\n').filter((line) => line.includes('messages-missing')) }
}

describe('a warning of a guideline not rebuilt', () => {
  it('is said again, by the quick "nothing to build" and by a build of another guideline', async () => {
    const root = await makeWorkspace({ 'source/ossa.md': italian, 'source/bone-health.md': guideline() })
    const first = await runCli(root, 'build', '--no-pdf')
    const warning = first.stderr.split('\n').find((line) => line.includes('messages-missing'))
    expect(warning).toMatch(/^6:7 +warning Expected guidepress's labels in Italian/)
    // Nothing changed: the fast path says it again, placed and worded as first reported.
    const again = await runCli(root, 'build', '--no-pdf')
    expect(again.stdout).toMatch(/Nothing to build/)
    expect(again.stderr).toContain('source/ossa.md')
    expect(again.stderr.split('\n')).toContain(warning)
    // Another guideline edited: ossa is not rebuilt, and its warning still shows.
    await writeFile(path.join(root, 'source/bone-health.md'), guideline().replace('Strong bone matters.', 'Strong bone matters most.'))
    const other = await runCli(root, 'build', '--no-pdf')
    expect(other.stdout).toContain('Built 1 guideline (1 unchanged since the last build)')
    expect(other.stderr.split('\n')).toContain(warning)
    // A record tampered with says nothing it cannot vouch for (no path out of the project, no malformed entry).
    const record = JSON.parse(await readText(root, 'dist/.guidepress-fresh.json')) as { warnings: Array<{ path: string; warnings: unknown[] }> }
    record.warnings.push({ path: '../outside.md', warnings: [{ reason: 'planted', line: 1, column: 1, ruleId: 'x' }] }, { path: 'source/ossa.md', warnings: [{ reason: 7 }] })
    await writeFile(path.join(root, 'dist/.guidepress-fresh.json'), `${JSON.stringify(record)}\n`)
    const tampered = await runCli(root, 'build', '--no-pdf')
    expect(tampered.stdout).toMatch(/Nothing to build/)
    expect(tampered.stderr).not.toContain('planted')
    expect(tampered.stderr.split('\n')).toContain(warning)
  }, 60_000)
})

describe('a language without a catalogue', () => {
  it('gets English labels and one warning at its `lang`, naming the language and the fix', async () => {
    const { root, run, warnings } = await buildItalian()
    expect(run.code, run.stderr).toBe(0)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/^6:7 +warning Expected guidepress's labels in Italian \(`it`\): it has them for en, de, fr, es only, so all its \d+ labels .* read English; add them under `messages: \{ it: \{ … \} \}` in guidepress.config.yaml/)
    expect(run.stderr).toContain('source/ossa.md')
    const deck = await readText(root, 'decks/ossa.md')
    expect(deck).toContain('## Agenda')
    expect(deck).toContain('**●● Strong recommendation** · ⊕⊕⊕⊕ High certainty')
  }, 60_000)

  it('takes the labels the config gives, and warns only about the rest', async () => {
    const { root, run, warnings } = await buildItalian('messages:\n  it:\n    agenda: Programma\n    strengthStrong: Raccomandazione forte\n    keyMessages: Messaggi chiave\n')
    expect(run.code, run.stderr).toBe(0)
    expect(warnings).toHaveLength(1)
    const named = /config does not give \(([^)]*)\)/.exec(warnings[0] ?? '')?.[1]?.split(', ') ?? []
    expect(named).toEqual(messageKeys.filter((key) => !['agenda', 'strengthStrong', 'keyMessages'].includes(key)))
    const deck = await readText(root, 'decks/ossa.md')
    expect(deck).toContain('## Programma')
    expect(deck).toContain('## Messaggi chiave')
    expect(deck).toContain('**●● Raccomandazione forte**')
    expect(deck).not.toContain('## Agenda')
  }, 60_000)

  it('gives no warning when the config gives every label', async () => {
    const all = messageKeys.map((key) => `    ${key}: "${english[key].replace(/^/, 'IT ')}"`).join('\n')
    const { root, run, warnings } = await buildItalian(`messages:\n  it:\n${all}\n`)
    expect(run.code, run.stderr).toBe(0)
    expect(warnings).toEqual([])
    expect(await readText(root, 'decks/ossa.md')).toContain('## IT Agenda')
  }, 60_000)
})

describe('the config’s `messages`', () => {
  it.each([
    ['a label guidepress does not write', 'messages:\n  it:\n    agendaa: Programma\n', '3:5 error Unexpected label `agendaa` in `messages.it`; guidepress writes no label of that name'],
    ['a label that is not text', 'messages:\n  it:\n    agenda: [Programma]\n', '3:13 error Expected the label as text for `messages.it.agenda`'],
    ['a label without a placeholder it needs', 'messages:\n  it:\n    slideOf: "Diapositiva {n}"\n', '3:14 error Expected `{total}` in the label `slideOf`'],
    ['a placeholder guidepress does not fill', 'messages:\n  it:\n    agenda: "Programma {n}"\n', '3:13 error Unexpected `{n}` in the label `agenda`'],
    ['a language that is not a tag', 'messages:\n  italiano!: { agenda: Programma }\n', '2:3 error Expected a BCP 47 language tag such as `it` or `de-AT` as the key under `messages`, not `italiano!`'],
    ['markup in a label', 'messages:\n  it:\n    agenda: "<b>Programma</b>"\n', '3:13 error Expected the label as plain text on one line']
  ])('refuses %s, at its place, and writes nothing', async (_case, config, expected) => {
    const { root, run } = await buildItalian(config)
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('guidepress.config.yaml')
    expect(run.stderr).toContain(expected)
    await expect(readText(root, 'decks/ossa.md')).rejects.toThrow()
  }, 60_000)
})
