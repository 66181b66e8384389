// One of many processes contending for the build lock (test/lock.test.ts). Each round it takes the
// lock, proves it is alone by creating `inside` exclusively, holds it briefly and lets go; on its
// last round it may exit holding it, as a crashed build would, so the others must take it over.
import { existsSync } from 'node:fs'
import { rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { acquireBuildLock } from '../../../cli/project/lock.ts'

const [root = '', roundsText = '1', crash = 'no'] = process.argv.slice(2)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const inside = path.join(root, 'inside')

process.stdout.write('ready\n')
while (!existsSync(path.join(root, 'go'))) await sleep(2)
const rounds = Number(roundsText)
for (let round = 1; round <= rounds; round += 1) {
  const lock = await acquireBuildLock(root, { waitMs: 120_000 })
  try {
    await writeFile(inside, `${process.pid}\n`, { flag: 'wx' })
  } catch {
    process.stdout.write('two holders\n')
    process.exit(3)
  }
  await sleep(15)
  await rm(inside)
  if (round === rounds && crash === 'crash') process.exit(0) // the lock stays, naming a process that is gone
  await lock.release()
}
