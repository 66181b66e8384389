// Shared set-up for the render tests: a throw-away project root made from
// test/fixtures/render plus the real themes/, and the fixture guidelines.
import { cp, mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { GuidelineMeta } from '../../render/index.ts'

export const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const FIXTURES = path.join(PROJECT, 'test/fixtures/render')

export async function makeRoot(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'guidepress-render-'))
  await cp(FIXTURES, root, { recursive: true })
  await cp(path.join(PROJECT, 'themes'), path.join(root, 'themes'), { recursive: true })
  return root
}

export const GUIDELINES: GuidelineMeta[] = [
  {
    id: 'mbc',
    title: 'Metastatic breast cancer',
    version: '0.1.0',
    updated: '2026-11-27',
    status: 'draft',
    lang: 'en',
    outputs: ['deck', 'handout', 'summary']
  },
  {
    id: 'ckd',
    title: 'Chronic kidney disease',
    subtitle: 'Detection and management in adults',
    version: '1.2.0',
    updated: '2026-10-02',
    status: 'approved',
    lang: 'en',
    outputs: ['deck', 'handout', 'summary']
  },
  {
    id: 'asthma',
    title: 'Asthma in adults',
    version: '0.3.0',
    updated: '2026-09-15',
    status: 'in-review',
    lang: 'en',
    outputs: ['deck', 'handout', 'summary']
  }
]

/** Slides per fixture deck, counted by hand from test/fixtures/render/decks. */
export const SLIDES: Record<string, number> = { mbc: 6, ckd: 4, asthma: 4 }
