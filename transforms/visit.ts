import { CONTINUE, EXIT, SKIP, visit as unistVisit } from 'unist-util-visit'

export { CONTINUE, EXIT, SKIP }

// unist-util-visit, walked the same way at a fraction of the cost: it makes a closure per node,
// names it for stack traces (`Object.defineProperty` on every node) and copies the list of
// ancestors at every parent, which made tree walks a tenth of a transform. The stages walk their
// trees a few dozen times per output, so this walk does what `visit(tree, visitor)` and
// `visit(tree, 'type', visitor)` do without that; other calls (object tests, `{enter, exit}`,
// reverse order) go to unist-util-visit itself.

type Walked = { type: string; children?: unknown[] }
type Visitor = (node: never, index: number | undefined, parent: never) => unknown
type Action = typeof CONTINUE | typeof EXIT | typeof SKIP
type Result = readonly [Action?, number?]

const empty: Result = []

/** What a visitor's return value means, as unist-util-visit reads it. */
function toResult(value: unknown): Result {
  if (Array.isArray(value)) return value as unknown as Result
  if (typeof value === 'number') return [CONTINUE, value]
  return value === null || value === undefined ? empty : [value as Action]
}

function walk(node: Walked, index: number | undefined, parent: Walked | undefined, type: string | undefined, visitor: Visitor): Result {
  // As unist-util-is tests a type: only a node (an object with a `type`) can match.
  const matches = type === undefined || (node !== null && typeof node === 'object' && 'type' in node && node.type === type)
  let result = empty
  if (matches) {
    result = toResult(visitor(node as never, index, parent as never))
    if (result[0] === EXIT) return result
  }
  if ('children' in node && node.children && result[0] !== SKIP) {
    let offset = 0
    // The children are read again at each step: a visitor may have changed them.
    while (offset > -1 && offset < node.children.length) {
      const child = node.children[offset] as Walked
      // A leaf the visitor does not want: nothing to call, nothing to walk (what a walk of it would come to).
      if (type !== undefined && child !== null && typeof child === 'object' && child.type !== type && !('children' in child)) {
        offset++
        continue
      }
      const subresult = walk(child, offset, node, type, visitor)
      if (subresult[0] === EXIT) return subresult
      offset = typeof subresult[1] === 'number' ? subresult[1] : offset + 1
    }
  }
  return result
}

function fastVisit(tree: unknown, testOrVisitor: unknown, visitorOrReverse?: unknown, reverse?: unknown): void {
  const [test, visitor, backwards] = typeof visitorOrReverse === 'function' || (visitorOrReverse && typeof visitorOrReverse === 'object') ? [testOrVisitor, visitorOrReverse, reverse] : [undefined, testOrVisitor, visitorOrReverse]
  const simple = typeof visitor === 'function' && !backwards && (test === undefined || test === null || typeof test === 'string')
  if (!simple || !tree || typeof tree !== 'object') {
    ;(unistVisit as (...parameters: unknown[]) => void)(tree, testOrVisitor, visitorOrReverse, reverse)
    return
  }
  walk(tree as Walked, undefined, undefined, test ?? undefined, visitor as Visitor)
}

/** `visit` of unist-util-visit: the same calls, types and walk (see above). */
export const visit: typeof unistVisit = fastVisit as typeof unistVisit
