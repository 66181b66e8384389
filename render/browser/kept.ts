// One browser kept across the builds of a long-running command (`guidepress dev --pdf`). Each save's
// build would otherwise start Chromium afresh: about a second and several seconds of CPU, more
// than printing the one guideline that changed. Its pages stay open between builds too
// (BrowserSession.takePage reuses them), so a build after the first finds them loaded and warm.
import type { BrowserSession } from '../browser.ts'
import { startBrowser } from './start.ts'

/** What the keeper needs of a session (a BrowserSession, or a test's stand-in). */
export interface KeepableSession {
  readonly alive: boolean
  close(): Promise<void>
}

export class KeptBrowser<Session extends KeepableSession = BrowserSession> {
  private current: Promise<Session> | undefined
  private closing: Promise<void> | undefined

  constructor(
    private readonly root: string,
    private readonly start: (root: string) => Promise<Session>
  ) {}

  /** The build's own browser (startBrowser), kept. */
  static forProject(root: string): KeptBrowser {
    return new KeptBrowser(root, startBrowser)
  }

  /**
   * The kept browser, started when there is none yet or the last one has ended: a failed build
   * closes its browser (that stops its other pages), and a browser may crash between builds.
   */
  session(): Promise<Session> {
    if (this.closing) return Promise.reject(new Error('the kept browser was closed'))
    const last = this.current?.then((session) => (session.alive ? session : undefined), () => undefined) ?? Promise.resolve(undefined)
    this.current = last.then((session) => session ?? this.start(this.root))
    return this.current
  }

  /** Closes the browser, if one is open; later calls of `session` fail. */
  close(): Promise<void> {
    this.closing ??= (this.current ?? Promise.resolve(undefined)).then((session) => session?.close(), () => undefined)
    return this.closing
  }
}
