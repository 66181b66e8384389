import type { Root, RootContent } from 'mdast'
import type {} from 'mdast-util-directive'
import { SKIP, visit } from 'unist-util-visit'
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
 */
export function selectAudience(tree: Root, audience: Audience): Root {
  const copy = cloneTree(tree)
  visit(copy, (node, index, parent) => {
    if (!parent || index === undefined) return
    if (node.type === 'html') {
      parent.children.splice(index, 1)
      return [SKIP, index]
    }
    if (node.type !== 'containerDirective') return
    if (node.name === audience || (node.name === 'for' && audienceNames(node.attributes?.audiences ?? '').includes(audience))) {
      const content = directiveContent(node)
      parent.children.splice(index, 1, ...(content as RootContent[]))
      return [SKIP, index]
    }
    // Kept blocks are walked too, so comments inside notes and recommendations are dropped as well.
    if (keptFor[node.name]?.includes(audience)) return
    parent.children.splice(index, 1)
    return [SKIP, index]
  })
  return copy
}
