import type { Nodes, Root, RootContent } from 'mdast'
import type {} from 'mdast-util-directive'
import type { Audience } from '../types.ts'
import { audienceNames, directiveContent } from '../format/directives.ts'
import { cloneTree } from './clone.ts'

/** Blocks kept as directives for the shaper of these outputs (and dropped for the others). */
const keptFor: Record<string, readonly Audience[]> = {
  notes: ['deck'],
  recommendation: ['deck', 'summary'],
  alert: ['deck', 'handout', 'summary']
}

/**
 * Returns a copy of the tree holding what one output shows: shared content, that output's own
 * `:::deck`/`:::handout`/`:::summary` blocks and the `:::for` blocks that name it (unwrapped), and the
 * notes, recommendations and alerts it uses (an alert inside an unwrapped block stays with it).
 * HTML comments, allowed in sources, are dropped here too, also inside the blocks that are kept.
 *
 * One pass copies what is kept while leaving out the rest, so nothing is copied only to be
 * dropped. The shapers change the nodes of their copy (image paths, citation marks, children),
 * never a position: positions are shared with the parsed tree, everything else is the output's own.
 */
export function selectAudience(tree: Root, audience: Audience): Root {
  return { ...copyNode(tree, audience), type: 'root' } as Root
}

/** Adds to `into` the nodes that stand for `node` in the copy: none (dropped), itself (copied) or its content (unwrapped). */
function select(node: RootContent, audience: Audience, into: RootContent[]): void {
  if (node.type === 'html') return
  if (node.type !== 'containerDirective') {
    into.push(copyNode(node, audience) as RootContent)
    return
  }
  if (node.name === audience || (node.name === 'for' && audienceNames(node.attributes?.audiences ?? '').includes(audience))) {
    for (const child of directiveContent(node) as RootContent[]) select(child, audience, into)
    return
  }
  // Kept blocks are walked too, so comments inside notes and recommendations are dropped as well.
  if (keptFor[node.name]?.includes(audience)) into.push(copyNode(node, audience) as RootContent)
}

function copyNode(node: Nodes, audience: Audience): Nodes {
  const copy: Record<string, unknown> = {}
  // Own properties, in order, as Object.entries gives them (a node is plain data), without the array of pairs.
  for (const key in node) {
    const value = (node as unknown as Record<string, unknown>)[key]
    if (key === 'children' && Array.isArray(value)) {
      const children: RootContent[] = []
      for (const child of value as RootContent[]) select(child, audience, children)
      copy[key] = children
    } else copy[key] = key === 'position' ? value : cloneTree(value)
  }
  return copy as unknown as Nodes
}
