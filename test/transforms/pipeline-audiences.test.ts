// `transformGuideline` asked for some audiences only (what `guidepress dev` shows first): each
// output it makes is the one the whole transform makes, figures and all.
import path from 'node:path'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../transforms/input/config.ts'
import { loadGlossary } from '../../transforms/input/glossary.ts'
import { readGuidelineSource, guidelineFile } from '../../transforms/input/load.ts'
import { loadReferences } from '../../transforms/input/references.ts'
import { transformGuideline, type GuidelineResult, type PipelineContext } from '../../transforms/pipeline.ts'
import type { Audience } from '../../transforms/types.ts'
import { fixedToday } from '../helpers.ts'

const toolkit = path.join(import.meta.dirname, '../..')

describe('transforming some audiences only', () => {
  it('makes each asked-for output of the flagship exactly as the whole transform does, and no other', async () => {
    const [{ config }, { glossary }, { bibliography }] = await Promise.all([loadConfig(toolkit), loadGlossary(toolkit), loadReferences(toolkit)])
    const context = { sourceDir: path.join(toolkit, 'source'), glossary, bibliography, today: fixedToday, config }
    const source = await readGuidelineSource(toolkit, 'metastatic-breast-cancer')
    const transform = (audiences?: Audience[]): { file: VFile; result: GuidelineResult | undefined } => {
      const file = guidelineFile(toolkit, 'metastatic-breast-cancer', source)
      return { file, result: transformGuideline(file, context, audiences) }
    }
    const whole = transform()
    expect(whole.result?.outputs).toHaveLength(3)
    for (const audiences of [['handout'], ['summary'], ['deck'], ['summary', 'handout']] satisfies Audience[][]) {
      const some = transform(audiences)
      const made = some.result?.outputs ?? []
      expect(made.map((output) => output.path).sort(), audiences.join()).toEqual(audiences.map((audience) => `${audience === 'deck' ? 'decks' : audience === 'handout' ? 'handouts' : 'summaries'}/metastatic-breast-cancer.md`).sort())
      for (const output of made) expect(output.text, output.path).toBe(whole.result?.outputs.find((each) => each.path === output.path)?.text)
      for (const audience of audiences) expect(some.result?.readability[audience], audience).toEqual(whole.result?.readability[audience])
      expect(some.result?.coverage).toEqual(whole.result?.coverage.filter((cell) => (audiences as string[]).includes(cell.output)))
    }
  }, 60_000)

  it('starts from a prepared guideline of the same source and inputs (read, parsed and checked once), with the same outputs and messages, and from nothing else', async () => {
    const [{ config }, { glossary }, { bibliography }] = await Promise.all([loadConfig(toolkit), loadGlossary(toolkit), loadReferences(toolkit)])
    const context = { sourceDir: path.join(toolkit, 'source'), glossary, bibliography, today: fixedToday, config }
    const source = await readGuidelineSource(toolkit, 'metastatic-breast-cancer')
    const fresh = (given?: PipelineContext) => ({ file: guidelineFile(toolkit, 'metastatic-breast-cancer', source), context: given ?? context })
    const messages = (file: VFile) => file.messages.map((message) => `${message.ruleId}@${message.line}:${message.column} ${message.reason}`)
    const early = fresh()
    const prepared = transformGuideline(early.file, early.context, ['handout'])?.prepared
    expect(prepared).toBeDefined()
    const whole = fresh()
    const wholeResult = transformGuideline(whole.file, whole.context)
    const reused = fresh()
    // Every audience named: the result keeps what it started from, so it shows it was reused.
    const reusedResult = transformGuideline(reused.file, reused.context, ['deck', 'handout', 'summary'], prepared)
    expect(reusedResult?.prepared).toBe(prepared)
    // A whole transform keeps none (a build holds its results until it ends).
    expect(wholeResult?.prepared).toBeUndefined()
    expect(reusedResult?.outputs).toEqual(wholeResult?.outputs)
    expect(reusedResult?.readability).toEqual(wholeResult?.readability)
    expect(reusedResult?.coverage).toEqual(wholeResult?.coverage)
    expect(reusedResult?.meta).toEqual(wholeResult?.meta)
    expect(messages(reused.file)).toEqual(messages(whole.file))
    // The messages of reading it come with it: a review date past (front matter) is warned of again.
    const later = { ...context, today: '2099-01-01' }
    const dueEarly = fresh(later)
    const due = transformGuideline(dueEarly.file, later, ['handout'])?.prepared
    const dueAgain = fresh(later)
    expect(transformGuideline(dueAgain.file, later, ['summary'], due)?.prepared).toBe(due)
    expect(messages(dueAgain.file)).toEqual(messages(dueEarly.file))
    expect(messages(dueAgain.file).join()).toContain('next-review-past')
    // Another source, or another glossary: read afresh.
    const edited = { bytes: new TextEncoder().encode(new TextDecoder().decode('bytes' in source ? source.bytes : new Uint8Array()).replace('Metastatic breast cancer', 'Metastatic  breast cancer')) }
    const editedFile = guidelineFile(toolkit, 'metastatic-breast-cancer', edited)
    expect(transformGuideline(editedFile, context, ['handout'], prepared)?.prepared).not.toBe(prepared)
    const otherGlossary = fresh({ ...context, glossary: new Map([...glossary, ['zebra', 'a striped animal']]) })
    expect(transformGuideline(otherGlossary.file, otherGlossary.context, ['handout'], prepared)?.prepared).not.toBe(prepared)
  }, 60_000)
})
