// `#topic-id` links (the validator lets through only those naming a topic) point, in each output,
// at what that output made of the topic's section: the handout and summary at its `##` heading (the
// heading keeps the topic id as `{#id}`, which the document renderer turns into the heading's id),
// the deck at the topic's first slide (`#N`, as Marp numbers slides). An output that leaves the
// topic out keeps the link's words without the link, so no output has a link that goes nowhere.
import type { Heading, Nodes, Parent, Root, RootContent } from 'mdast'
import type { Point } from 'unist'
import { visit, SKIP } from '../visit.ts'
import type { Audience } from '../types.ts'
import { fragmentTopic } from '../validate/links.ts'
import { cloneTree } from './clone.ts'

/** Where a topic landed in one output: a heading to give the topic id, or a slide number. */
type Target = { heading: Heading } | { slide: number }

const samePlace = (node: Nodes, place: Point): boolean => node.position?.start.line === place.line && node.position.start.column === place.column

/** The first heading each topic's section became, in document order; for the deck, with its slide number (1-based: Marp starts a slide at each top-level `---`). */
function topicTargets(tree: Root, audience: Audience, topicPlaces: ReadonlyMap<string, Point>): Map<string, Target> {
  const targets = new Map<string, Target>()
  let slide = 1
  for (const node of tree.children) {
    if (node.type === 'thematicBreak') slide += 1
    if (node.type !== 'heading' || (audience !== 'deck' && node.depth !== 2)) continue
    for (const [topic, place] of topicPlaces) {
      if (!targets.has(topic) && samePlace(node, place)) targets.set(topic, audience === 'deck' ? { slide } : { heading: node })
    }
  }
  return targets
}

/**
 * Points each `#topic` link and link definition of an output's tree at that output's target for the
 * topic, or unwraps the link (its words stay) when the output has none. Changes the tree in place.
 */
export function resolveFragmentLinks(tree: Root, audience: Audience, topicPlaces: ReadonlyMap<string, Point>): void {
  const targets = topicTargets(tree, audience, topicPlaces)
  /** The URL a topic link becomes in this output, or undefined when the topic is not in it. */
  const resolve = (topic: string): string | undefined => {
    const target = targets.get(topic)
    if (!target) return undefined
    if ('slide' in target) return `#${target.slide}`
    target.heading.data = { ...target.heading.data, id: topic }
    return `#${topic}`
  }
  const droppedLabels = new Set<string>()
  visit(tree, (node, index, parent) => {
    if (node.type !== 'link' && node.type !== 'definition') return
    const topic = fragmentTopic(node.url)
    if (topic === undefined) return
    const url = resolve(topic)
    if (url !== undefined) {
      node.url = url
      return
    }
    if (node.type === 'definition') droppedLabels.add(node.identifier)
    if (!parent || index === undefined) return
    const replacement: RootContent[] = node.type === 'link' ? node.children : []
    parent.children.splice(index, 1, ...(replacement as Parent['children']))
    return [SKIP, index + replacement.length]
  })
  if (droppedLabels.size === 0) return
  // References to a dropped definition keep their words too (a reference left without its definition would show its brackets).
  visit(tree, 'linkReference', (node, index, parent) => {
    if (!droppedLabels.has(node.identifier) || !parent || index === undefined) return
    parent.children.splice(index, 1, ...node.children)
    return [SKIP, index + node.children.length]
  })
}

/** Presenter notes are read away from the slides (presenter.pdf), where no `#…` link has a target: a copy of them with such links unwrapped. */
export function withoutFragmentLinks(nodes: RootContent[]): RootContent[] {
  let any = false
  const notes: Root = { type: 'root', children: nodes }
  visit(notes, (node) => {
    if ((node.type === 'link' || node.type === 'definition') && fragmentTopic(node.url) !== undefined) any = true
  })
  if (!any) return nodes
  const root: Root = cloneTree({ type: 'root', children: [...nodes] })
  resolveFragmentLinks(root, 'deck', new Map())
  return root.children
}
