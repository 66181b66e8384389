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

/** The nodes that stand for `node` in the copy: none (dropped), itself (copied) or its content (unwrapped). */
function selected(node: RootContent, audience: Audience): RootContent[] {
  if (node.type === 'html') return []
  if (node.type !== 'containerDirective') return [copyNode(node, audience) as RootContent]
  if (node.name === audience || (node.name === 'for' && audienceNames(node.attributes?.audiences ?? '').includes(audience))) {
    return (directiveContent(node) as RootContent[]).flatMap((child) => selected(child, audience))
  }
  // Kept blocks are walked too, so comments inside notes and recommendations are dropped as well.
  return keptFor[node.name]?.includes(audience) ? [copyNode(node, audience) as RootContent] : []
}

function copyNode(node: Nodes, audience: Audience): Nodes {
  const copy: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(node)) {
    if (key === 'children' && Array.isArray(value)) copy[key] = (value as RootContent[]).flatMap((child) => selected(child, audience))
    else copy[key] = key === 'position' ? value : cloneTree(value)
  }
  return copy as unknown as Nodes
}
