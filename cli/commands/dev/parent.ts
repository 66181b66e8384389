// `guidepress dev` must not outlive what started it. Killed outright (SIGKILL), `npm run dev` or
// `npx guidepress dev` sends no signal on, so the server would keep the port and serve drafts with
// nobody to stop it. npm runs it through a shell that survives npm itself, so the whole chain of
// ancestors is watched, not only the parent.
import { readFileSync } from 'node:fs'

/** How many ancestors are watched: the shell npm starts, npm (or npx), and the terminal's shell. */
const watchedAncestors = 3
const pollMs = 500

/** The nearest `depth` ancestors' process ids, nearest first (Linux: from /proc; elsewhere the parent only). */
export function ancestorChain(depth = watchedAncestors): number[] {
  const chain: number[] = []
  let pid = process.ppid
  while (chain.length < depth && pid > 1) {
    chain.push(pid)
    let stat: string
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    } catch {
      break
    }
    // `pid (command) state ppid …`; the command may hold spaces and brackets, so read after the last `)`.
    pid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
  }
  return chain
}

/**
 * Calls `onGone` once, when a watched ancestor has ended (its child is then given to another
 * parent, so the chain read again differs). Returns a function that stops watching.
 */
export function watchAncestors(onGone: () => void): () => void {
  const first = ancestorChain()
  const timer = setInterval(() => {
    const now = ancestorChain(first.length)
    if (now.length === first.length && now.every((pid, index) => pid === first[index])) return
    clearInterval(timer)
    onGone()
  }, pollMs)
  timer.unref()
  return () => clearInterval(timer)
}
