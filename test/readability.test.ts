import { readFile } from 'node:fs/promises'
import path from 'node:path'
// An independent implementation (a port of Python's textstat) to cross-check our figures.
import textReadability from 'text-readability'
import { describe, expect, it } from 'vitest'
import { loadGlossary } from '../transforms/glossary.ts'
import { VFile } from 'vfile'
import { parseGuideline } from '../transforms/parse.ts'
import { bodyBlocks, measureReadability } from '../transforms/readability.ts'
import { wordsToKnowTitle } from '../transforms/shape-handout.ts'
import { guideline, messagesOf, transformText } from './helpers.ts'

describe('measureReadability', () => {
  it('scores plain text low and dense text high', () => {
    const plain = measureReadability([{ text: 'The cat sat on the mat. It was a good cat.', line: 1, column: 1 }])
    const dense = measureReadability([{ text: 'Multidisciplinary individualised therapeutic considerations necessitate comprehensive evaluation of heterogeneous biological characteristics.', line: 1, column: 1 }])
    expect(plain.grade).toBeLessThan(2)
    expect(dense.grade).toBeGreaterThan(20)
    expect(plain).toMatchObject({ words: 11, sentences: 2 })
  })

  it('places each sentence at its source line and column', () => {
    const figures = measureReadability([{ text: 'Short one.\nA considerably more complicated, multisyllabic formulation follows.', line: 10, column: 3 }])
    expect(figures.hardest[0]).toMatchObject({ line: 11, column: 1 })
    expect(figures.hardest[1]).toMatchObject({ line: 10, column: 3, text: 'Short one.' })
  })
})

describe('the handout readability gate', () => {
  const hard =
    'Notwithstanding considerable interindividual heterogeneity, contemporary multimodality therapeutic algorithms increasingly incorporate molecularly stratified, biomarker-directed interventions.'

  it('fails above grade 8 at the hardest sentence, listing it with its line', () => {
    const { file, result } = transformText(guideline({ body: `## Caring for bones {#bone-care}\n\nBone care is simple.\n\n:::handout\nYou can do it.\n${hard}\n:::\n` }))
    expect(result).toBeUndefined()
    expect(messagesOf(file)).toEqual(['handout-readability@18:1', 'sentence-hard-to-read@18:1'])
    expect(file.messages[1]?.reason).toContain('Notwithstanding considerable')
  })

  it('does not gate the clinician summary', () => {
    const { file, result } = transformText(guideline({ body: `## Caring for bones {#bone-care}\n\nBone care is simple.\n\n:::summary\n${hard}\n:::\n` }))
    expect(messagesOf(file)).toEqual([])
    expect(result?.readability.summary?.grade).toBeGreaterThan(8)
  })

  it('leaves headings and generated text out of the body', () => {
    const { result } = transformText(guideline(), { glossary: new Map([['bone', 'A very complicated, multisyllabic explanatory definition.']]) })
    expect(result?.readability.handout).toMatchObject({ sentences: 1, words: 3 })
  })
})

describe('the flagship handout', () => {
  it('reads at grade 8 or below, agreeing with an independent implementation within 0.5 grade', async () => {
    const root = path.join(import.meta.dirname, '..')
    const id = 'metastatic-breast-cancer'
    const { glossary } = await loadGlossary(root)
    const source = await readFile(path.join(root, 'source', `${id}.md`), 'utf8')
    const { file, result } = transformText(source, { id, glossary, sourceDir: path.join(root, 'source') })
    expect(messagesOf(file)).toEqual([])
    const ours = result?.readability.handout
    expect(ours?.grade).toBeLessThanOrEqual(8)

    // The handout's body as written to handouts/: from the first section up to "Words to know".
    const handout = result?.outputs.find((output) => output.path.startsWith('handouts/'))?.text ?? ''
    const body = handout.slice(handout.indexOf('\n## '), handout.indexOf(`## ${wordsToKnowTitle}`))
    const bodyFile = new VFile({ value: body })
    bodyFile.data.body = body
    // text-readability splits sentences at end punctuation only, so end each block (a bullet) with one.
    const text = bodyBlocks(parseGuideline(bodyFile))
      .map((block) => (/[.!?]$/.test(block.text.trim()) ? block.text : `${block.text}.`))
      .join('\n')
    const independent = textReadability.fleschKincaidGrade(text)
    expect(Math.abs((ours?.grade ?? 0) - independent)).toBeLessThanOrEqual(0.5)
  })
})
