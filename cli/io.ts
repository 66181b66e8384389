/** Where a command reads its project from and prints to; tests pass their own. */
export interface CliIo {
  cwd: string
  stdout: (text: string) => void
  stderr: (text: string) => void
  /** `YYYY-MM-DD`; tests fix it so warnings about dates do not drift. */
  today?: string
  /** How long a build waits for another build to finish (default ten minutes). */
  lockWaitMs?: number
  /** Stops `guidepress dev` when aborted (it then exits 0). */
  signal?: AbortSignal
}

/** Every exit code guidepress uses, in one table so commands cannot drift apart. */
export const exitCodes = {
  ok: 0,
  contentErrors: 1,
  usage: 2,
  /** What started `guidepress dev` is gone: as for a hang-up (128 + SIGHUP). */
  parentGone: 129,
  /** Interrupted: 128 + the signal's number, as shells report it. */
  SIGINT: 130,
  SIGTERM: 143
} as const

/** The signals that stop a build or the dev server. */
export const stopSignals = ['SIGINT', 'SIGTERM'] as const
export type StopSignal = (typeof stopSignals)[number]
