import type { Root, RootContent } from 'mdast'
import type { Handle, State, Tracker } from 'mdast-util-to-markdown'
import { isWhiteSpace } from '../white-space.ts'

/** Output lines, 1-based and inclusive. */
export interface WrittenLines {
  start: number
  end: number
}

/** Where a top-level block of an output was written; a top-level list also says where each of its items was. */
export interface WrittenBlock extends WrittenLines {
  items?: WrittenLines[]
}

/** The pieces each recorded container was written in: its children's Markdown with the blank lines between them. */
type Pieces = Map<RootContent | Root, string[]>

let recording: { root: Root; pieces: Pieces } | undefined

/**
 * Serializes `tree` with `stringify` while noting, for each top-level block and each item of a
 * top-level list, the Markdown it became; from those the lines each was written on. The text is
 * the serializer's own: the note is taken from the pieces its flow containers are joined from, so
 * no copy of its joining rules can drift from it. Blocks are `undefined` when the pieces do not
 * add up to the text (a root of inline content, or an empty block that reads as nothing).
 */
export function serializeRecording(tree: Root, stringify: (tree: Root) => string): { text: string; blocks: WrittenBlock[] | undefined } {
  const { text, pieces } = recordPieces(tree, stringify)
  return { text, blocks: writtenBlocks(tree, text, pieces) }
}

function recordPieces(tree: Root, stringify: (tree: Root) => string): { text: string; pieces: Pieces } {
  const pieces: Pieces = new Map()
  recording = { root: tree, pieces }
  try {
    return { text: stringify(tree), pieces }
  } finally {
    recording = undefined
  }
}

/**
 * The serializer's root handler, wrapped so that while `serializeRecording` runs, each flow
 * container it records (the root and its lists) hands over the pieces its tracker moves past.
 */
export function recordingRoot(root: Handle): Handle {
  return (node: Root, parent, state: State, info) => {
    const current = recording
    if (current?.root !== node) return root(node, parent, state, info)
    const containerFlow = state.containerFlow
    const createTracker = state.createTracker
    const recorded = new Set<Root | RootContent>([node, ...node.children.filter((child) => child.type === 'list')])
    state.containerFlow = (container, flowInfo) => {
      if (recorded.has(container)) {
        const pieces: string[] = []
        current.pieces.set(container, pieces)
        // containerFlow makes its tracker first thing: that tracker moves past each child and each gap in turn.
        state.createTracker = (trackInfo) => {
          state.createTracker = createTracker
          const tracker: Tracker = createTracker(trackInfo)
          return { ...tracker, move: (value) => recordMove(pieces, tracker.move(value)) }
        }
      }
      return containerFlow.call(state, container, flowInfo)
    }
    try {
      return root(node, parent, state, info)
    } finally {
      state.containerFlow = containerFlow
      state.createTracker = createTracker
    }
  }
}

function recordMove(pieces: string[], value: string): string {
  pieces.push(value)
  return value
}

/** Lines of each top-level block (and top-level list item) from the pieces recorded while serializing. */
function writtenBlocks(tree: Root, text: string, pieces: Pieces): WrittenBlock[] | undefined {
  const flow = pieces.get(tree)
  if (!flow || !addsUp(flow, tree.children.length) || !spells(flow, text)) return undefined
  const lines = lineCounter(text)
  const blocks: WrittenBlock[] = []
  let offset = 0
  for (let index = 0; index < flow.length; index++) {
    const length = (flow[index] as string).length
    if (index % 2 === 0) {
      const child = tree.children[index / 2] as RootContent
      if (lastNonSpace(text, offset, offset + length) === -1) return undefined
      const block: WrittenBlock = lines.span(offset, length)
      const items = pieces.get(child)
      if (child.type === 'list' && items && 'children' in child && addsUp(items, child.children.length) && lengthOf(items) === length) {
        let itemOffset = offset
        block.items = []
        for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
          const itemLength = (items[itemIndex] as string).length
          if (itemIndex % 2 === 0) block.items.push(lines.span(itemOffset, itemLength))
          itemOffset += itemLength
        }
      }
      blocks.push(block)
    }
    offset += length
  }
  return blocks
}

/**
 * Whether the pieces add up to the text, or to the text without its final line break. They are
 * what the root's flow joined, and the serializer returns that join (with a final line break), so
 * their lengths say it; reading them would copy each (a piece is a rope of the strings it was
 * made from), and the lines are read from the text alone.
 */
function spells(pieces: readonly string[], text: string): boolean {
  const length = lengthOf(pieces)
  return length === text.length || (length === text.length - 1 && text.endsWith('\n'))
}

function lengthOf(pieces: readonly string[]): number {
  let length = 0
  for (const piece of pieces) length += piece.length
  return length
}

/** The index of the last character from `start` to before `end` that `trim` would keep, or -1 (then that stretch is blank). */
function lastNonSpace(text: string, start: number, end: number): number {
  let index = end - 1
  while (index >= start && isWhiteSpace(text.charCodeAt(index))) index--
  return index < start ? -1 : index
}


/** Children and the gaps between them: 2n − 1 pieces for n children. */
function addsUp(pieces: string[], children: number): boolean {
  return pieces.length === Math.max(0, 2 * children - 1)
}

/** The lines of pieces of `text`, by their offsets into it and lengths. */
function lineCounter(text: string): { span(offset: number, length: number): WrittenLines } {
  const breaks: number[] = []
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) breaks.push(index)
  // 1 + the line breaks before the offset.
  const lineAt = (offset: number): number => {
    let low = 0
    let high = breaks.length
    while (low < high) {
      const middle = (low + high) >> 1
      if ((breaks[middle] ?? 0) < offset) low = middle + 1
      else high = middle
    }
    return low + 1
  }
  return {
    span(offset, length) {
      // A block starts on the line of its first character and ends on that of its last: line breaks around it are not lines of it.
      const bodyEnd = Math.max(lastNonSpace(text, offset, offset + length), offset - 1) + 1
      let first = offset
      while (first < bodyEnd && text.charCodeAt(first) === 10) first++
      return { start: lineAt(first), end: lineAt(bodyEnd - 1) }
    }
  }
}
