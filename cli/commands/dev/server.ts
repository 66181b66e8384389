import { createReadStream } from 'node:fs'
import { readFile, realpath, stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import path from 'node:path'
import { isInside } from '../../../transforms/input/paths.ts'
import { imageTypes } from '../../../render/assets.ts'
import { PageAssets } from './assets.ts'
import { eventsPath, injectDevHtml, notFoundPage, type BuildProblem } from './inject.ts'

/** Loopback only: a dev server shows unpublished drafts and must not be reachable from the network. */
export const devHost = '127.0.0.1'
/** How many ports after the one asked for are tried when it is taken. */
export const portAttempts = 10

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  ...imageTypes,
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.pdf': 'application/pdf',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation'
}

export class PortUnavailableError extends Error {}

/** What a served page shows: the build it came from and, while the last build failed, its problems. */
export interface DevState {
  generation: string
  problems: BuildProblem[]
}

export interface DevServer {
  port: number
  url: string
  /** Tells every open page that a build finished (pages from an older generation reload). */
  announce(): void
  /** The pages open in a browser now (dist/-relative, e.g. `x/handout.html`), as their reload scripts said. */
  openPages(): Set<string>
  /**
   * Resolves once each of `pages` that is open has reconnected from `generation` (reloaded and
   * parsed: the reload script runs at the end of the body), or after `timeoutMs`.
   */
  reloaded(generation: string, pages: ReadonlySet<string>, timeoutMs: number): Promise<void>
  close(): Promise<void>
}

/**
 * Serves `distDir` on the loopback interface, with live reload. Tries `port` and, when it is
 * taken, the next few (see `port` of the result). Port 0 takes any free port.
 */
export async function startDevServer(options: {
  distDir: string
  port: number
  state: () => DevState
  preview?: () => ReadonlyMap<string, string>
  /** While set, the rest of a build's pages are still rendering: a page not in the preview waits for it. */
  pending?: () => Promise<void> | undefined
}): Promise<DevServer> {
  const distDir = path.resolve(options.distDir)
  // Each open page's event stream, with the page and the build it was served from.
  const listeners = new Map<ServerResponse, { page: string; served: string }>()
  let onConnect: () => void = () => undefined
  const assets = new PageAssets()
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendText(response, 500, `Internal error: ${error instanceof Error ? error.message : String(error)}`)
      else response.destroy()
    })
  })

  let servedPort = 0
  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // DNS rebinding: a page of another site, its name pointed at 127.0.0.1, would read drafts.
    if (!isLoopbackHost(request.headers.host, servedPort)) {
      return sendText(response, 403, `Forbidden: guidepress dev answers only http://${devHost}:${servedPort}/ (or localhost), not the host \`${request.headers.host ?? '(none)'}\``)
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD')
      return sendText(response, 405, 'Method not allowed')
    }
    const rawPath = (request.url ?? '/').split(/[?#]/, 1)[0] ?? '/'
    if (rawPath === eventsPath && request.method === 'GET') return openEvents(request, response)
    const asset = assets.find(rawPath)
    if (asset) {
      // Named by its content, so it never changes: the browser keeps it across reloads.
      response.writeHead(200, { 'Content-Type': asset.type, 'Content-Length': asset.bytes.length, 'Cache-Control': 'max-age=31536000, immutable', 'X-Content-Type-Options': 'nosniff' })
      return void response.end(request.method === 'HEAD' ? undefined : asset.bytes)
    }
    const key = previewKey(rawPath)
    let previewed = options.preview?.().get(key)
    const pending = previewed === undefined && key.endsWith('.html') ? options.pending?.() : undefined
    if (pending) {
      await pending
      previewed = options.preview?.().get(key)
    }
    if (previewed !== undefined) return sendHtml(request, response, 200, previewed)
    const target = await resolveInDist(distDir, rawPath)
    if (target.kind === 'bad') return sendText(response, target.status, target.status === 400 ? 'Bad request' : 'Forbidden')
    if (target.kind === 'redirect') {
      response.writeHead(301, { Location: target.location, 'Cache-Control': 'no-store' })
      return void response.end()
    }
    if (target.kind === 'missing') return sendHtml(request, response, 404, notFoundPage(decodeSafely(rawPath)))
    const type = contentTypes[path.extname(target.file).toLowerCase()] ?? 'application/octet-stream'
    if (type.startsWith('text/html')) return sendHtml(request, response, 200, await readFile(target.file, 'utf8'))
    response.writeHead(200, { 'Content-Type': type, 'Content-Length': target.size, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' })
    if (request.method === 'HEAD') return void response.end()
    createReadStream(target.file).on('error', () => response.destroy()).pipe(response)
  }

  function sendHtml(request: IncomingMessage, response: ServerResponse, status: number, html: string): void {
    const body = Buffer.from(injectDevHtml(assets.extract(html), options.state()))
    response.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' })
    response.end(request.method === 'HEAD' ? undefined : body)
  }

  function openEvents(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' })
    // `retry`: after the server restarts, pages reconnect within half a second.
    response.write(`retry: 500\ndata: ${options.state().generation}\n\n`)
    const query = new URLSearchParams((request.url ?? '').split('?')[1] ?? '')
    listeners.set(response, { page: previewKey(query.get('page') ?? ''), served: query.get('served') ?? '' })
    response.on('close', () => listeners.delete(response))
    onConnect()
  }

  const port = await listenOnFreePort(server, options.port)
  servedPort = port
  return {
    port,
    url: `http://${devHost}:${port}/`,
    announce() {
      const message = `data: ${options.state().generation}\n\n`
      for (const listener of listeners.keys()) listener.write(message)
    },
    openPages: () => new Set([...listeners.values()].map((listener) => listener.page)),
    reloaded(generation, pages, timeoutMs) {
      const waiting = new Set([...listeners.values()].map((listener) => listener.page).filter((page) => pages.has(page)))
      return new Promise<void>((resolve) => {
        const check = (): void => {
          for (const listener of listeners.values()) if (listener.served === generation) waiting.delete(listener.page)
          if (waiting.size > 0) return
          clearTimeout(timer)
          onConnect = () => undefined
          resolve()
        }
        const timer = setTimeout(() => {
          waiting.clear()
          check()
        }, timeoutMs)
        onConnect = check
        check()
      })
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const listener of listeners.keys()) listener.end()
        server.close(() => resolve())
        // Keep-alive and event-stream sockets would otherwise hold `close` open.
        server.closeAllConnections()
      })
  }
}

/** Names of this computer's loopback interface, as a browser sends them in `Host`. */
const loopbackNames = new Set(['127.0.0.1', 'localhost', '[::1]'])

/** Whether a `Host` header names this computer (and, when it has one, the port served). */
export function isLoopbackHost(host: string | undefined, port: number): boolean {
  const match = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(host?.trim().toLowerCase() ?? '')
  if (!match || !loopbackNames.has(match[1] ?? '')) return false
  return match[2] === undefined || Number(match[2]) === port
}

async function listenOnFreePort(server: Server, first: number): Promise<number> {
  const last = first === 0 ? 0 : Math.min(first + portAttempts, 65535)
  for (let port = first; port <= last; port += 1) {
    try {
      await new Promise<void>((resolve, reject) => {
        // Both listeners go on every attempt, so a port that failed leaves none behind.
        const onError = (error: Error) => {
          server.off('listening', onListening)
          reject(error)
        }
        const onListening = () => {
          server.off('error', onError)
          resolve()
        }
        server.once('error', onError)
        server.once('listening', onListening)
        server.listen({ port, host: devHost })
      })
      const address = server.address()
      return typeof address === 'object' && address !== null ? address.port : port
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'EADDRINUSE') throw new PortUnavailableError(`Cannot listen on ${devHost}:${port} (${code ?? String(error)})`)
    }
  }
  throw new PortUnavailableError(`Ports ${first}–${last} are all in use; free one or choose another with --port N (0 for any free port)`)
}

type Resolved = { kind: 'file'; file: string; size: number } | { kind: 'redirect'; location: string } | { kind: 'missing' } | { kind: 'bad'; status: 400 | 403 }

/**
 * Maps a request path to a file inside `distDir`, refusing anything that could lead outside it:
 * `..` segments (also percent-encoded), NUL bytes, backslashes, and symbolic links pointing out.
 * Dotfiles (the build cache) are not served.
 */
export async function resolveInDist(distDir: string, rawPath: string): Promise<Resolved> {
  if (!rawPath.startsWith('/')) return { kind: 'bad', status: 400 }
  let decoded: string
  try {
    decoded = decodeURIComponent(rawPath)
  } catch {
    return { kind: 'bad', status: 400 }
  }
  const segments = decoded.split('/').filter((segment) => segment !== '')
  if (decoded.includes('\0') || decoded.includes('\\') || segments.includes('..')) return { kind: 'bad', status: 403 }
  if (segments.some((segment) => segment.startsWith('.'))) return { kind: 'missing' }
  let file = path.resolve(distDir, ...segments)
  if (file !== distDir && !isInside(distDir, file)) return { kind: 'bad', status: 403 }
  let info = await stat(file).catch(() => undefined)
  if (info?.isDirectory()) {
    // Relative links in an index page need the trailing slash.
    // Rebuilt from the checked segments: a path such as `//host` must not become an off-site redirect.
    if (!decoded.endsWith('/')) return { kind: 'redirect', location: `/${segments.map(encodeURIComponent).join('/')}/` }
    file = path.join(file, 'index.html')
    info = await stat(file).catch(() => undefined)
  }
  if (!info?.isFile()) return { kind: 'missing' }
  const real = await realpath(file)
  const realDist = await realpath(distDir)
  if (real !== realDist && !isInside(realDist, real)) return { kind: 'bad', status: 403 }
  return { kind: 'file', file: real, size: info.size }
}


/** The dist/-relative path a request names, as the preview of a build under way keys its pages. */
function previewKey(rawPath: string): string {
  const decoded = decodeSafely(rawPath)
  return `${decoded.replace(/^\/+/, '')}${decoded.endsWith('/') ? 'index.html' : ''}`
}

function decodeSafely(rawPath: string): string {
  try {
    return decodeURIComponent(rawPath)
  } catch {
    return rawPath
  }
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' })
  response.end(`${text}\n`)
}
