// Formatted reference lists are remembered by their content (vancouver.ts): a rebuild that cites
// the same works formats nothing, and any change to a cited work, or to the language, formats anew.
import { Cite } from '@citation-js/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { parseReferences } from '../../../transforms/input/references.ts'

const bib = (title: string, year = 2020) => `@article{smith2020,
  author  = {Smith, Jane},
  title   = {${title}},
  journal = {BMJ},
  year    = {${year}},
  doi     = {10.1136/bmj.m100}
}
@article{jones2021,
  author  = {Jones, Ann},
  title   = {Another trial},
  journal = {Lancet},
  year    = {2021}
}
`

afterEach(() => vi.restoreAllMocks())

/** The bibliography as each build reads it: parsed again from the file's text. */
async function formatted(text: string, keys: string[], lang = 'en-GB'): Promise<Map<string, string>> {
  const { bibliography } = await parseReferences('/project', [text, undefined])
  return bibliography.format(keys, lang)
}

describe('formatting references', () => {
  it('formats a list of cited works once while they stay the same, also across bibliographies read again', async () => {
    const format = vi.spyOn(Cite.prototype, 'format')
    const first = await formatted(bib('Remembered once'), ['smith2020', 'jones2021'])
    const again = await formatted(bib('Remembered once'), ['smith2020', 'jones2021'])
    expect(again).toEqual(first)
    expect(first.get('smith2020')).toBe('Smith J. Remembered once. BMJ. 2020. doi:10.1136/bmj.m100')
    expect(format).toHaveBeenCalledTimes(1)
    // What a caller does with its copy is not remembered.
    again.set('smith2020', 'changed by a caller')
    expect((await formatted(bib('Remembered once'), ['smith2020', 'jones2021'])).get('smith2020')).toBe(first.get('smith2020'))
  })

  it('formats anew when a cited work is edited, when the citations change, and for another language', async () => {
    const format = vi.spyOn(Cite.prototype, 'format')
    expect((await formatted(bib('Edited later'), ['smith2020'])).get('smith2020')).toBe('Smith J. Edited later. BMJ. 2020. doi:10.1136/bmj.m100')
    expect((await formatted(bib('Edited now'), ['smith2020'])).get('smith2020')).toBe('Smith J. Edited now. BMJ. 2020. doi:10.1136/bmj.m100')
    expect((await formatted(bib('Edited now', 2019), ['smith2020'])).get('smith2020')).toBe('Smith J. Edited now. BMJ. 2019. doi:10.1136/bmj.m100')
    // The same works in another citation order: a list of its own.
    expect([...(await formatted(bib('Edited now', 2019), ['jones2021', 'smith2020'])).keys()]).toEqual(['jones2021', 'smith2020'])
    expect((await formatted(bib('Edited now', 2019), ['smith2020'], 'de')).get('smith2020')).toBe('Smith J. Edited now. BMJ. 2019. doi:10.1136/bmj.m100')
    expect(format).toHaveBeenCalledTimes(5)
  })
})
