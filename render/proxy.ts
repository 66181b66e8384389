// The render browser's only way out: a proxy on 127.0.0.1 that refuses every connection.
//
// Request interception (browser.ts) sees page requests only: WebSockets, requests from workers,
// prefetches and the browser's own traffic never reach it. Chromium sends all of those through
// its proxy, loopback included (`<-loopback>`), and a fixed proxy that fails is never bypassed,
// so pointing it here closes every network path at the browser level. Each attempt is recorded
// (the request line, e.g. `CONNECT 127.0.0.1:8080 HTTP/1.1`) so a build can say what was refused.
import { createServer, type Server, type Socket } from 'node:net'

/** `loopback`: let 127.0.0.1 and localhost through (only for tests that drive `guidepress dev` in a browser). */
export const PROXY_FLAGS = (port: number, options: { loopback?: boolean } = {}): string[] => [
  `--proxy-server=http://127.0.0.1:${port}`,
  // Chromium sends loopback addresses around the proxy unless told otherwise.
  ...(options.loopback ? [] : ['--proxy-bypass-list=<-loopback>']),
  // WebRTC's UDP does not go through an HTTP proxy: forbid UDP that is not proxied.
  '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
  '--dns-prefetch-disable'
]

export class RefusingProxy {
  /** The first line of every request the browser tried to send out. */
  readonly attempts: string[] = []
  private readonly sockets = new Set<Socket>()

  private constructor(private readonly server: Server) {}

  static async start(): Promise<RefusingProxy> {
    const server = createServer()
    const proxy = new RefusingProxy(server)
    server.on('connection', (socket) => proxy.refuse(socket))
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(0, '127.0.0.1', () => resolve())
    })
    // A stray proxy must never keep a finished build's process alive.
    server.unref()
    return proxy
  }

  get port(): number {
    const address = this.server.address()
    if (address === null || typeof address === 'string') throw new Error('the refusing proxy is not listening')
    return address.port
  }

  private refuse(socket: Socket): void {
    this.sockets.add(socket)
    socket.once('close', () => this.sockets.delete(socket))
    socket.on('error', () => undefined)
    // Read the request line (to report it), answer nothing, close.
    socket.once('data', (chunk: Buffer) => {
      const line = chunk.toString('latin1').split('\r\n', 1)[0] ?? ''
      this.attempts.push(line.slice(0, 300))
      socket.destroy()
    })
    socket.setTimeout(2000, () => socket.destroy())
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }
}
