import { exitCodes, stopSignals, type StopSignal } from '../io.ts'

/** A browser that will not close must not keep an interrupted build alive. */
export const cleanUpLimitMs = 5000

/**
 * While a build runs, Ctrl-C or a kill runs `cleanUp` (discard staged files, close the browser,
 * release the lock) and then exits. During `critical` (moving staged files into place) a signal
 * waits until the moves are done, so the project holds the whole old set or the whole new set.
 */
export class InterruptGuard {
  private inCritical = false
  private stopping = false
  private pending: StopSignal | undefined
  private readonly listener = (signal: StopSignal): void => {
    if (this.inCritical) this.pending = signal
    else if (!this.stopping) void this.stop(signal, 'nothing was changed')
  }

  constructor(private readonly cleanUp: () => Promise<void>) {
    for (const signal of stopSignals) process.on(signal, this.listener)
  }

  async critical<T>(work: () => Promise<T>): Promise<T> {
    // Interrupted while the build was still running: it must never reach the final moves.
    if (this.stopping) return new Promise<never>(() => undefined)
    this.inCritical = true
    try {
      return await work()
    } finally {
      this.inCritical = false
      if (this.pending) await this.stop(this.pending, 'after the build was written in full')
    }
  }

  dispose(): void {
    for (const signal of stopSignals) process.off(signal, this.listener)
  }

  private async stop(signal: StopSignal, outcome: string): Promise<never> {
    this.stopping = true
    this.dispose()
    process.stderr.write(`\nguidepress: interrupted (${signal}); ${outcome}\n`)
    // The timer also keeps the process alive until clean-up ends, so the exit code is always the signal's.
    const limit = new Promise((resolve) => setTimeout(resolve, cleanUpLimitMs))
    await Promise.race([this.cleanUp().catch(() => undefined), limit])
    process.exit(exitCodes[signal])
  }
}
