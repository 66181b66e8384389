import type { Handle, State, Tracker } from 'mdast-util-to-markdown'

/** The place every tracker says it is at: none is counted. */
const nowhere: ReturnType<Tracker['current']> = { now: { line: 1, column: 1 }, lineShift: 0 }

const untracked: Tracker = { move: (value) => value || '', current: () => nowhere, shift: () => undefined }

/**
 * The serializer's root handler, wrapped so that its trackers count nothing. Each piece of output
 * is handed to a tracker, which splits it into lines to know the line and column it ends at: for
 * extensions that report where they wrote something. No handler we use writes differently for it
 * (they pass the place along, and read only the pieces), so the text is the same without the
 * count, which took a tenth of the serializer's time. `written-lines.ts` takes its lines from the
 * pieces, not from the trackers.
 */
export function withoutTracking(root: Handle): Handle {
  return (node, parent, state: State, info) => {
    const createTracker = state.createTracker
    state.createTracker = () => untracked
    try {
      return root(node, parent, state, info)
    } finally {
      state.createTracker = createTracker
    }
  }
}
