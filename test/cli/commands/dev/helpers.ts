// Shared by the `guidepress dev` tests: start it, wait for things, talk HTTP, hold ports.
import http from 'node:http'
import net from 'node:net'
import { main } from '../../../../cli/main.ts'
import { fixedToday, plain } from '../../../helpers.ts'

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const buildLine = /^(✔|·|✖) \d\d:\d\d:\d\d /

const cleanups: Array<() => Promise<unknown>> = []
/** Registers something to close after the current test, even when an assertion fails halfway. */
export function closeAfterTest(cleanUp: () => Promise<unknown>): void {
  cleanups.push(cleanUp)
}
/** Closes everything registered, newest first; call it from `afterEach`. */
export async function closeAll(): Promise<void> {
  for (const cleanUp of cleanups.splice(0).reverse()) await cleanUp().catch(() => undefined)
}

/** Polls `probe` until it gives a value (not undefined/false), failing after `timeoutMs`. Errors count as "not yet". */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let lastError: unknown
  for (;;) {
    try {
      const value = await probe()
      if (value !== undefined && value !== false) return value
    } catch (error) {
      lastError = error
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`)
    await sleep(50)
  }
}

export interface DevRun {
  url: string
  port: number
  out: string[]
  err: string[]
  builds(): string[]
}

/** `guidepress dev` in-process on `root`, stopped (through its AbortSignal) after the test. */
export async function startDev(root: string, args: string[] = ['--port', '0']): Promise<DevRun> {
  const controller = new AbortController()
  const out: string[] = []
  const err: string[] = []
  const exited = main(['dev', ...args], { cwd: root, today: fixedToday, stdout: (text) => out.push(plain(text)), stderr: (text) => err.push(plain(text)), signal: controller.signal })
  let code: number | undefined
  void exited.then((value) => (code = value))
  closeAfterTest(async () => {
    controller.abort()
    return exited
  })
  const builds = () => [...out, ...err].flatMap((text) => text.split('\n')).filter((line) => buildLine.test(line))
  const match = await waitFor('the URL', () => {
    if (code !== undefined) throw new Error(`dev exited with ${code}: ${err.join('\n')}`)
    return /Serving dist\/ at (http:\/\/127\.0\.0\.1:(\d+)\/)/.exec(out.join('\n')) ?? undefined
  })
  await waitFor('the first build', () => builds().length > 0)
  return { url: match[1] ?? '', port: Number(match[2]), out, err, builds }
}

export interface Fetched {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

/** A GET with the path sent exactly as written (no client-side normalising of `..`). */
export function get(port: number, rawPath: string, method = 'GET', headers: Record<string, string> = {}): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, path: rawPath, method, agent: false, headers }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }))
    })
    request.on('error', reject)
    request.end()
  })
}

export function listen(port: number): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve(server))
    closeAfterTest(() => new Promise((done) => server.close(done)))
  })
}

export function portOf(server: net.Server): number {
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

/** Holds `count` consecutive ports on 127.0.0.1 (they are closed after the test); returns the first. */
export async function blockConsecutivePorts(count: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const first = 20_000 + Math.floor(Math.random() * 20_000)
    const held: net.Server[] = []
    try {
      for (let port = first; port < first + count; port += 1) held.push(await listen(port))
      return first
    } catch {
      await Promise.all(held.map((server) => new Promise((done) => server.close(done))))
    }
  }
  throw new Error(`No ${count} consecutive free ports found`)
}

/** Opens an event stream as a page's reload script does; resolves once the server answered. */
export function openStream(port: number, page: string, served: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const query = `page=${encodeURIComponent(page)}&served=${encodeURIComponent(served)}`
    const request = http.get({ host: '127.0.0.1', port, path: `/__guidepress/events?${query}`, agent: false }, (response) => {
      closeAfterTest(async () => response.destroy())
      resolve()
    })
    request.on('error', reject)
  })
}
