import { describe, expect, it } from 'vitest'
import { RebuildQueue } from '../../../../cli/commands/dev/watch.ts'
import { sleep, waitFor } from './helpers.ts'

describe('the rebuild queue', () => {
  it('debounces a burst into one build, never runs two at once, and folds changes made mid-build into one more', async () => {
    const builds: string[][] = []
    let running = 0
    let mostAtOnce = 0
    let finish: () => void = () => undefined
    const queue = new RebuildQueue(async (changes) => {
      running += 1
      mostAtOnce = Math.max(mostAtOnce, running)
      builds.push(changes)
      await new Promise<void>((resolve) => (finish = resolve))
      running -= 1
    }, 30)
    queue.notify('source/b.md')
    queue.notify('source/a.md')
    queue.notify('source/b.md')
    await waitFor('the first build', () => builds.length === 1)
    expect(builds[0]).toEqual(['source/a.md', 'source/b.md'])

    queue.notify('source/c.md')
    queue.notify('themes/x.css')
    // Well past the quiet time: the changes wait for the running build.
    await sleep(150)
    expect(builds).toHaveLength(1)
    finish()
    await waitFor('the queued build', () => builds.length === 2)
    expect(builds[1]).toEqual(['source/c.md', 'themes/x.css'])
    finish()
    await queue.idle()
    expect(builds).toHaveLength(2)
    expect(mostAtOnce).toBe(1)
  })

  it('goes on building after a build that throws, and builds nothing after stop', async () => {
    const builds: string[][] = []
    const queue = new RebuildQueue(async (changes) => {
      builds.push(changes)
      if (changes.includes('bad')) throw new Error('boom')
    }, 10)
    queue.notify('bad')
    await waitFor('the failing build', () => builds.length === 1)
    queue.notify('good')
    await waitFor('the next build', () => builds.length === 2)
    await queue.stop()
    queue.notify('late')
    await sleep(50)
    expect(builds).toEqual([['bad'], ['good']])
  })
})
