// transforms/visit.ts walks trees as unist-util-visit does (it replaces it in the stages for speed):
// the same nodes, indexes and parents in the same order, and the same reading of what a visitor
// returns, also when the visitor changes the tree as it goes.
import type { Root } from 'mdast'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { visit as unistVisit } from 'unist-util-visit'
import { describe, expect, it } from 'vitest'
import { CONTINUE, EXIT, SKIP, visit } from '../../transforms/visit.ts'

const markdown = '# Title\n\nSome *emphasis* and **strong** text with `code`.\n\n- one\n- two *a* *b*\n  - nested\n\n> quote *x*\n\nLast [link](https://x.org) here.\n'
const tree = (): Root => unified().use(remarkParse).parse(markdown)

type Walk = typeof visit
/** What a walk saw: each call's node type, index and parent type, then the tree as it was left. */
function trace(walker: Walk, run: (walker: Walk, tree: Root, seen: string[]) => void): [string[], Root] {
  const root = tree()
  const seen: string[] = []
  run(walker, root, seen)
  return [seen, root]
}
const note = (seen: string[], node: { type: string }, index: number | undefined, parent: { type: string } | undefined) => seen.push(`${node.type}@${index}<${parent?.type}`)

const cases: Record<string, (walker: Walk, tree: Root, seen: string[]) => void> = {
  'every node': (walker, root, seen) => walker(root, (node, index, parent) => void note(seen, node, index, parent)),
  'a type test': (walker, root, seen) => walker(root, 'emphasis', (node, index, parent) => void note(seen, node, index, parent)),
  'a null test': (walker, root, seen) => walker(root, null, (node, index, parent) => void note(seen, node, index, parent)),
  'SKIP leaves out children': (walker, root, seen) =>
    walker(root, (node, index, parent) => {
      note(seen, node, index, parent)
      return node.type === 'list' || node.type === 'paragraph' ? SKIP : CONTINUE
    }),
  'EXIT stops the walk': (walker, root, seen) =>
    walker(root, (node, index, parent) => {
      note(seen, node, index, parent)
      return node.type === 'inlineCode' ? EXIT : undefined
    }),
  'a replaced node and [SKIP, index]': (walker, root, seen) =>
    walker(root, 'emphasis', (node, index, parent) => {
      note(seen, node, index, parent)
      if (!parent || index === undefined) return
      parent.children.splice(index, 1, ...(node.children as never[]), { type: 'text', value: '!' } as never)
      return [SKIP, index + node.children.length]
    }),
  'an index alone, backwards and past the end': (walker, root, seen) => {
    let turns = 0
    walker(root, 'listItem', (node, index, parent) => {
      note(seen, node, index, parent)
      turns += 1
      if (turns === 3) return 0
      return turns === 5 ? 99 : undefined
    })
  },
  'removed nodes': (walker, root, seen) =>
    walker(root, 'text', (node, index, parent) => {
      note(seen, node, index, parent)
      if (!parent || index === undefined || !node.value.includes('e')) return
      parent.children.splice(index, 1)
      return index
    }),
  '{enter, exit} visitors (handed to unist-util-visit)': (walker, root, seen) => walker(root, { enter: (node) => void seen.push(node.type), exit: (node) => void seen.push(`/${node.type}`) }),
  'reverse (handed to unist-util-visit)': (walker, root, seen) => walker(root, (node) => void seen.push(node.type), true)
}

describe('visit', () => {
  it.each(Object.keys(cases))('walks as unist-util-visit does: %s', (name) => {
    const run = cases[name] as (walker: Walk, tree: Root, seen: string[]) => void
    const expected = trace(unistVisit, run)
    expect(expected[0].length).toBeGreaterThan(0)
    expect(trace(visit, run)).toEqual(expected)
  })
})
