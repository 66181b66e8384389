// guidepress dev must answer only this computer's own pages, and never outlive what started it.
import { spawn, type ChildProcess } from 'node:child_process'
import net from 'node:net'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { isAlive } from '../../../../cli/project/lock.ts'
import { closeAfterTest, closeAll, get, startDev, waitFor } from './helpers.ts'
import { guideline, makeWorkspace, plain } from '../../../helpers.ts'

const bin = path.join(import.meta.dirname, '../../../..', 'bin', 'guidepress.js')

afterEach(closeAll)

/** A request with no `Host` header at all (HTTP/1.0 allows that; Node's client always sends one). */
function getWithoutHost(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.end('GET /index.html HTTP/1.0\r\n\r\n'))
    let answer = ''
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()))
    socket.on('end', () => resolve(answer))
    socket.on('error', reject)
  })
}

describe('guidepress dev and the Host header', () => {
  it('answers loopback names with the served port, and refuses every other host (DNS rebinding)', async () => {
    const root = await makeWorkspace({ 'source/bone-health.md': guideline() })
    const dev = await startDev(root)
    for (const host of [`127.0.0.1:${dev.port}`, `localhost:${dev.port}`, `LOCALHOST:${dev.port}`, `[::1]:${dev.port}`, 'localhost']) {
      const served = await get(dev.port, '/bone-health/handout.html', 'GET', { host })
      expect(served.status, host).toBe(200)
      expect(served.body, host).toContain('Strong bone matters.')
    }
    const refused = ['evil.example', `evil.example:${dev.port}`, `127.0.0.1.evil.example:${dev.port}`, `localhost.evil.example:${dev.port}`, `localhost:${dev.port + 1}`, `0.0.0.0:${dev.port}`, `[::1]x:${dev.port}`]
    for (const host of refused) {
      for (const page of ['/bone-health/handout.html', '/', '/__guidepress/events']) {
        const answer = await get(dev.port, page, 'GET', { host })
        expect(answer.status, `${host} ${page}`).toBe(403)
        expect(answer.body, host).not.toContain('Strong bone matters.')
        expect(answer.body).toContain(`answers only http://127.0.0.1:${dev.port}/`)
      }
    }
    expect(await getWithoutHost(dev.port)).toMatch(/^HTTP\/1\.1 403/)
  }, 60_000)
})

/** Starts `script` in `sh`, whose output is the dev server's; returns the port and the server's process id. */
async function startThroughShells(root: string, script: string): Promise<{ shell: ChildProcess; port: number; devPid: number }> {
  const shell = spawn('sh', ['-c', script], { cwd: root, env: { ...process.env, GUIDEPRESS_BIN: bin, NODE: process.execPath } })
  let out = ''
  shell.stdout?.on('data', (chunk: Buffer) => (out += plain(chunk.toString())))
  shell.stderr?.on('data', (chunk: Buffer) => (out += plain(chunk.toString())))
  const port = Number(await waitFor('the URL', () => /127\.0\.0\.1:(\d+)\//.exec(out)?.[1], 60_000))
  const devPid = Number(await waitFor('the server process', () => /dev pid (\d+)/.exec(out)?.[1]))
  closeAfterTest(async () => {
    for (const pid of [devPid, shell.pid ?? 0]) if (pid > 0 && isAlive(pid)) process.kill(pid, 'SIGKILL')
  })
  return { shell, port, devPid }
}

const portIsFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.on('connect', () => (socket.destroy(), resolve(false)))
    socket.on('error', () => resolve(true))
  })

describe('guidepress dev when what started it is killed', () => {
  it('stops, freeing its port, when its parent shell is killed with SIGKILL', async () => {
    const root = await makeWorkspace({ 'source/bone-health.md': guideline() })
    const { shell, port, devPid } = await startThroughShells(root, '"$NODE" "$GUIDEPRESS_BIN" dev --port 0 & echo "dev pid $!"; wait')
    await waitFor('the first build', async () => (await get(port, '/bone-health/handout.html')).status === 200)
    shell.kill('SIGKILL')
    await waitFor('the port to be freed', () => portIsFree(port), 20_000)
    await waitFor('the server process to end', () => !isAlive(devPid), 20_000)
  }, 120_000)

  it('stops when the process two levels up is killed and the shell between survives (as under npm run dev)', async () => {
    const root = await makeWorkspace({ 'source/bone-health.md': guideline() })
    // The inner shell runs the server and then `true`, so it waits for it instead of exec'ing it.
    const inner = '"$NODE" "$GUIDEPRESS_BIN" dev --port 0 & echo "dev pid $!"; wait; true'
    const { shell, port, devPid } = await startThroughShells(root, `sh -c '${inner}'; true`)
    await waitFor('the first build', async () => (await get(port, '/')).status === 200)
    shell.kill('SIGKILL')
    await waitFor('the port to be freed', () => portIsFree(port), 20_000)
    await waitFor('the server process to end', () => !isAlive(devPid), 20_000)
  }, 120_000)
})
