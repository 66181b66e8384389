// The message catalogue (transforms/catalogue): complete languages with the placeholders of the
// English reference, labels filled by name, and dates and numbers written by Intl on one line.
import { describe, expect, it } from 'vitest'
import { english, type Catalogue } from '../../transforms/catalogue/en.ts'
import { catalogues, labelsFor, messageKeys, missingLabels, placeholderProblem, placeholdersOf } from '../../transforms/catalogue/labels.ts'

describe('the catalogues', () => {
  it('gives every language every label with the placeholders of the English one', () => {
    expect(Object.keys(catalogues).sort()).toEqual(['de', 'en', 'es', 'fr'])
    for (const [lang, catalogue] of Object.entries(catalogues)) {
      expect(Object.keys(catalogue).sort(), lang).toEqual([...messageKeys].sort())
      for (const key of messageKeys) {
        expect(placeholdersOf(catalogue[key]).sort(), `${lang}.${key}`).toEqual(placeholdersOf(english[key]).sort())
        expect(catalogue[key].trim(), `${lang}.${key}`).not.toBe('')
      }
    }
  })

  it('is typed so that tsc refuses a language that leaves a label out', () => {
    // @ts-expect-error -- `agenda` alone is not a catalogue: tsc lists the missing labels (npx tsc --noEmit checks this line)
    const incomplete: Catalogue = { agenda: 'Programma' }
    expect(Object.keys(incomplete)).toHaveLength(1)
  })

  it('translates rather than copies: most labels differ from the English in each language', () => {
    for (const lang of ['de', 'fr', 'es']) {
      const same = messageKeys.filter((key) => catalogues[lang]?.[key] === english[key])
      // Only labels that read the same in the language (Version, PowerPoint, a placeholder line) may match.
      expect(same.length, `${lang}: ${same.join(', ')}`).toBeLessThan(10)
    }
  })
})

describe('labels', () => {
  it('reads a language by its subtag, fills placeholders by name and keeps "n of m" on one line', () => {
    expect(labelsFor('de-AT').text('wordsToKnow')).toBe('Wichtige Begriffe')
    expect(labelsFor('fr').text('strengthStrong')).toBe('Recommandation forte')
    expect(labelsFor('es-MX').text('strengthStrong')).toBe('Recomendación fuerte')
    expect(labelsFor('de').text('slideOf', { n: 3, total: 12 })).toBe('Folie\u00a03\u00a0von\u00a012')
    // A title beside the words may break before them; the words and numbers may not.
    expect(labelsFor('en').text('partTitle', { title: 'Bone care', n: 2, total: 3 })).toBe('Bone care (part\u00a02\u00a0of\u00a03)')
    expect(labelsFor('fr').text('basedOn', { title: 'Os' })).toBe('Il s’appuie sur la recommandation clinique «\u00a0Os\u00a0» et ses sources.')
  })

  it('writes dates in the order of the language and region, on one line', () => {
    expect(labelsFor('en-GB').date('2026-11-29')).toBe('29\u00a0November\u00a02026')
    expect(labelsFor('en-US').date('2026-11-29')).toBe('November\u00a029,\u00a02026')
    expect(labelsFor('de').date('2026-11-29')).toBe('29.\u00a0November\u00a02026')
    expect(labelsFor('fr').date('2026-11-29')).toBe('29\u00a0novembre\u00a02026')
    expect(labelsFor('es').date('2026-11-29')).toBe('29\u00a0de\u00a0noviembre\u00a0de\u00a02026')
  })

  it('chooses singular or plural by the language’s rules (French counts 0 as one)', () => {
    const fr = labelsFor('fr')
    expect(fr.text(fr.count('indexCountOne', 'indexCountOther', 0), { count: 0 })).toBe('0 recommandation, produite avec guidepress.')
    const en = labelsFor('en')
    expect(en.text(en.count('indexCountOne', 'indexCountOther', 0), { count: 0 })).toBe('0 guidelines, built by guidepress.')
    expect(en.text(en.count('indexCountOne', 'indexCountOther', 1), { count: 1 })).toBe('1 guideline, built by guidepress.')
  })

  it('falls back to English for a language without a catalogue, and takes the config’s labels over any', () => {
    expect(labelsFor('it').text('agenda')).toBe('Agenda')
    expect(missingLabels('it')).toEqual(messageKeys)
    expect(missingLabels('de')).toEqual([])
    const overrides = { it: { agenda: 'Programma', slideOf: 'Diapositiva {n} di {total}' }, 'it-CH': { agenda: 'Ordine del giorno' } }
    expect(labelsFor('it', overrides).text('agenda')).toBe('Programma')
    expect(labelsFor('it-CH', overrides).text('agenda')).toBe('Ordine del giorno')
    expect(labelsFor('it-CH', overrides).text('slideOf', { n: 1, total: 2 })).toBe('Diapositiva\u00a01\u00a0di\u00a02')
    expect(missingLabels('it', overrides)).toEqual(messageKeys.filter((key) => key !== 'agenda' && key !== 'slideOf'))
    expect(labelsFor('de', { de: { agenda: 'Tagesordnung' } }).text('agenda')).toBe('Tagesordnung')
  })

  it('names a placeholder a supplied label leaves out or adds', () => {
    expect(placeholderProblem('slideOf', 'Diapositiva {n} di {total}')).toBeUndefined()
    expect(placeholderProblem('slideOf', 'Diapositiva {n}')).toMatch(/^Expected `\{total\}` in the label `slideOf`/)
    expect(placeholderProblem('agenda', 'Programma {n}')).toMatch(/^Unexpected `\{n\}` in the label `agenda`; this label takes no placeholders/)
  })
})
