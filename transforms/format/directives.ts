import type { ContainerDirective } from 'mdast-util-directive'

/** The container directives a source may use, and the labels a recommendation takes. */
export const containerNames = ['deck', 'handout', 'summary', 'notes', 'recommendation'] as const
export type ContainerName = (typeof containerNames)[number]
export const strengths = ['strong', 'conditional'] as const
export const certainties = ['high', 'moderate', 'low', 'very-low'] as const

/** A directive's children without its `[label]` paragraph. */
export function directiveContent(node: ContainerDirective): ContainerDirective['children'] {
  return node.children.filter((child) => !(child.type === 'paragraph' && child.data?.directiveLabel === true))
}

export function isContainerName(name: string): name is ContainerName {
  return (containerNames as readonly string[]).includes(name)
}
