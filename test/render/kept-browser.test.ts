import { describe, expect, it } from 'vitest'
import { BrowserSession } from '../../render/browser.ts'
import { KeptBrowser } from '../../render/browser/kept.ts'

/** A stand-in session: alive until closed (or until the test says it crashed). */
class FakeSession {
  alive = true
  closes = 0
  constructor(readonly id: number) {}
  async close(): Promise<void> {
    this.closes += 1
    this.alive = false
  }
}

function keeper(failFirst = 0): { kept: KeptBrowser<FakeSession>; started: FakeSession[]; roots: string[] } {
  const started: FakeSession[] = []
  const roots: string[] = []
  let failures = failFirst
  const kept = new KeptBrowser('/project', async (root) => {
    roots.push(root)
    if (failures > 0) {
      failures -= 1
      throw new Error('no browser')
    }
    const session = new FakeSession(started.length + 1)
    started.push(session)
    return session
  })
  return { kept, started, roots }
}

describe('KeptBrowser (one browser for every build of guidepress dev --pdf)', () => {
  it('gives every build the same browser while it lives, starting it once, for its project', async () => {
    const { kept, started, roots } = keeper()
    const first = await kept.session()
    const second = await kept.session()
    const [third, fourth] = await Promise.all([kept.session(), kept.session()])
    expect([second, third, fourth]).toEqual([first, first, first])
    expect(started).toHaveLength(1)
    expect(roots).toEqual(['/project'])
  })

  it('starts a new browser when the last one was closed (a failed build closes it) or crashed', async () => {
    const { kept, started } = keeper()
    const first = await kept.session()
    await first.close()
    const second = await kept.session()
    expect(second.id).toBe(2)
    second.alive = false // its process went away between builds
    expect((await kept.session()).id).toBe(3)
    expect(started).toHaveLength(3)
  })

  it('tries again on the next build when a start failed', async () => {
    const { kept, started } = keeper(1)
    await expect(kept.session()).rejects.toThrow('no browser')
    expect((await kept.session()).id).toBe(1)
    expect(started).toHaveLength(1)
  })

  it('closes its browser once, and gives none after that', async () => {
    const { kept, started } = keeper()
    await kept.session()
    await kept.close()
    await kept.close()
    expect(started[0]?.closes).toBe(1)
    await expect(kept.session()).rejects.toThrow('closed')
    expect(started).toHaveLength(1)
  })

  it('closes without error when no browser was ever started', async () => {
    const { kept, started } = keeper()
    await kept.close()
    expect(started).toHaveLength(0)
  })
})

describe('BrowserSession.takeActivity (what each build of a kept browser reports)', () => {
  it('reports a refused request and an opened page to the build they happened in, and not again to the next', async () => {
    const session = await BrowserSession.start({ allowedDirs: [] })
    try {
      expect(session.alive).toBe(true)
      const page = await session.openPage()
      await page.setContent('<p>Bones.</p><img src="http://127.0.0.1:9/x.png">', { waitUntil: 'load' })
      const first = session.takeActivity()
      expect(first.blocked).toContain('http://127.0.0.1:9/x.png')
      expect(first.pagesOpened).toBe(1)
      await page.setContent('<p>Bones again.</p>', { waitUntil: 'load' })
      expect(session.takeActivity()).toEqual({ blocked: [], pagesOpened: 0 })
    } finally {
      await session.close()
    }
    expect(session.alive).toBe(false)
  })
})
