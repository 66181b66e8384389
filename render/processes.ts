// Whether a process runs on this machine: the build lock (cli/project/lock.ts) and the browser's
// profile folders (browser/profile.ts) both go by the pid their owner wrote.

/** Whether a process with this pid runs (one of another user's counts as running: EPERM). */
export function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
