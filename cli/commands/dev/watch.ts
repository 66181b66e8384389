import path from 'node:path'
import { watch } from 'chokidar'

/** The folders whose files a build reads: guidelines, glossary and images; themes. */
export const watchedFolders = ['source', 'themes'] as const

/**
 * Coalesces change notices into builds: waits until saves have been quiet for `quietMs`, never
 * runs two builds at once, and folds every change that arrives mid-build into one build after it.
 */
export class RebuildQueue {
  private readonly pending = new Set<string>()
  private timer: NodeJS.Timeout | undefined
  private running: Promise<void> | undefined
  private stopped = false

  constructor(
    private readonly build: (changes: string[]) => Promise<void>,
    // Long enough for the events of one save (write, or write and rename) to arrive as one
    // change, short enough not to count in the edit loop (issue 19: save to page in ≤ 0.3 s). A
    // save still being written when its build reads it is caught after the build (settle.ts).
    private readonly quietMs = 8
  ) {}

  /** Something changed (a path relative to the project, or a reason such as `start`). */
  notify(change: string): void {
    if (this.stopped) return
    this.pending.add(change)
    clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = undefined
      // A build in progress picks these changes up when it ends.
      if (!this.running) this.startDrain()
    }, this.quietMs)
  }

  /** Resolves once no build runs and none is waiting. */
  async idle(): Promise<void> {
    while (this.running || this.timer) {
      if (this.running) await this.running
      else await new Promise((resolve) => setTimeout(resolve, this.quietMs))
    }
  }

  /** Drops changes not yet built and waits for the build in progress, if any. */
  async stop(): Promise<void> {
    this.stopped = true
    clearTimeout(this.timer)
    this.timer = undefined
    this.pending.clear()
    await this.running
  }

  private startDrain(): void {
    // `finally` runs later than this assignment, so `running` never keeps a finished drain.
    const run = this.drain().finally(() => {
      if (this.running === run) this.running = undefined
    })
    this.running = run
  }

  private async drain(): Promise<void> {
    // Changes that arrived mid-build and are already quiet: one more build for all of them.
    while (this.pending.size > 0 && this.timer === undefined && !this.stopped) {
      const changes = [...this.pending].sort()
      this.pending.clear()
      // The build reports its own failures; one that throws must not stop later builds.
      await this.build(changes).catch(() => undefined)
    }
  }
}

/** Editor droppings (swap, backup and lock files) and dotfiles: no build reads them. */
export function isEditorArtifact(name: string): boolean {
  return name.startsWith('.') || name.endsWith('~') || /\.(swp|swx|tmp)$/i.test(name) || name === '4913' || name.startsWith('#')
}

export interface SourceWatcher {
  close(): Promise<void>
}

/**
 * Watches `source/` and `themes/` (also when either appears later), calling `onChange` with each
 * changed path relative to `root`. Resolves once the initial scan is done.
 */
export async function watchSources(root: string, onChange: (relative: string) => void, onError: (error: Error) => void): Promise<SourceWatcher> {
  const watcher = watch(root, {
    ignoreInitial: true,
    // Only the project folder itself and what lies under the watched folders; the rest (dist/,
    // node_modules/, the build's own lock and staging files) is never even listed.
    ignored: (file) => {
      const relative = path.relative(root, file)
      if (relative === '') return false
      const [top] = relative.split(path.sep)
      return !watchedFolders.some((folder) => folder === top) || isEditorArtifact(path.basename(file))
    }
  })
  watcher.on('all', (event, file) => {
    // A new folder changes nothing a build reads; the files put in it arrive as their own events.
    if (event !== 'addDir') onChange(path.relative(root, file).split(path.sep).join('/'))
  })
  watcher.on('error', (error) => onError(error instanceof Error ? error : new Error(String(error))))
  await new Promise<void>((resolve) => watcher.once('ready', resolve))
  return { close: () => watcher.close() }
}
