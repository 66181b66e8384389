import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { Marp, MATHS_MODULES, MathsOffError } from '../../render/deck/marp-core.ts'
import { renderDeckMarkdown } from '../../render/deck.ts'
import { readTheme } from '../../render/assets.ts'
import { PROJECT } from './helpers.ts'

const require = createRequire(import.meta.url)
const marpCoreFile = require.resolve('@marp-team/marp-core')
const fromMarpCore = createRequire(marpCoreFile)

describe('marp-core without its maths renderers (render/deck/marp-core.ts)', () => {
  it('names every maths module marp-core requires as it loads', () => {
    const code = readFileSync(marpCoreFile, 'utf8')
    const required = [...code.matchAll(/require\("((?:katex|mathjax-full)(?:\/[^"]*)?)"\)/g)].map((match) => match[1])
    expect(required.length).toBeGreaterThan(0)
    expect([...new Set(required)].sort()).toEqual([...MATHS_MODULES].sort())
  })

  it('gives marp-core a stand-in for each, which throws if called, instead of loading MathJax and KaTeX', () => {
    for (const name of MATHS_MODULES) {
      const cached = require.cache[fromMarpCore.resolve(name)]
      expect(cached?.loaded, name).toBe(true)
      expect(typeof cached?.exports, name).toBe('function')
      const reader = cached?.exports as Record<string, () => unknown>
      expect(() => reader.liteAdaptor?.(), name).toThrow(MathsOffError)
    }
    // Nothing of MathJax's own code was loaded.
    expect(Object.keys(require.cache).filter((file) => file.includes(`${'mathjax-full'}/js/`) && !MATHS_MODULES.some((name) => file === fromMarpCore.resolve(name)))).toEqual([])
    expect(typeof Marp).toBe('function')
  })

  it('renders a deck, and TeX in it stays text (maths is off, so no stand-in is ever called)', async () => {
    const deck = renderDeckMarkdown({ root: '/tmp', file: '/tmp/decks/x.md', markdown: '---\nmarp: true\n---\n\n# Doses\n\nIt costs $5 and $x^2$ per $$y$$ unit.\n', themeCss: await readTheme(PROJECT, 'guidepress.css'), lang: 'en-GB', title: 'Doses' })
    expect(deck.slideCount).toBe(1)
    expect(deck.html).toContain('It costs $5 and $x^2$ per $$y$$ unit.')
  })
})
