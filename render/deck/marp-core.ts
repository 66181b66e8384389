// The home of @marp-team/marp-core, loaded without the maths renderers it brings. marp-core requires
// MathJax (285 files) and KaTeX as it loads, a quarter to a third of a second of every build that
// renders, though guidepress turns maths off (render/deck.ts: `math: false`) and so never calls
// them. Before marp-core loads, Node's module cache (`require.cache`, which Node documents as open
// to additions) gets a stand-in for each of those modules, as marp-core itself would resolve it;
// a stand-in throws if anything ever calls it. A module that cannot be resolved is left alone.
import { createRequire, Module } from 'node:module'
import type * as MarpCore from '@marp-team/marp-core'

const require = createRequire(import.meta.url)
const marpCoreFile = require.resolve('@marp-team/marp-core')

/** Every module marp-core requires for maths when it loads (lib/marp.js, marp-core 4.x). */
export const MATHS_MODULES = [
  'katex',
  'katex/package.json',
  'mathjax-full/js/adaptors/liteAdaptor',
  'mathjax-full/js/handlers/html',
  'mathjax-full/js/input/tex',
  'mathjax-full/js/input/tex/AllPackages',
  'mathjax-full/js/mathjax',
  'mathjax-full/js/output/svg'
] as const

export class MathsOffError extends Error {
  constructor() {
    super('guidepress renders decks with maths off (render/deck.ts), so marp-core has no maths renderer here')
  }
}

const refuse = (): never => {
  throw new MathsOffError()
}

/** Whatever marp-core reads of a maths module is a function that throws when called. */
const standIn: unknown = new Proxy(refuse, { get: (target, key) => (typeof key === 'symbol' ? Reflect.get(target, key) : refuse) })

function fillInMaths(): void {
  const fromMarpCore = createRequire(marpCoreFile)
  for (const name of MATHS_MODULES) {
    let file: string
    try {
      file = fromMarpCore.resolve(name)
    } catch {
      continue // not installed where marp-core looks: marp-core would fail on it as it always has
    }
    if (require.cache[file]) continue // already loaded for real (by a test, say): leave it
    const module = new Module(file)
    module.filename = file
    module.loaded = true
    module.exports = standIn
    require.cache[file] = module
  }
}

fillInMaths()
export const { Marp } = require(marpCoreFile) as typeof MarpCore
