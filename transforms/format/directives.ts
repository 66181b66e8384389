import type { ContainerDirective } from 'mdast-util-directive'
import { audiences, type Audience } from '../types.ts'

/** The container directives a source may use, and the labels a recommendation takes. */
export const containerNames = ['deck', 'handout', 'summary', 'notes', 'recommendation', 'alert', 'for'] as const
export type ContainerName = (typeof containerNames)[number]
export const strengths = ['strong', 'conditional'] as const
export const certainties = ['high', 'moderate', 'low', 'very-low'] as const

/** `:::alert{level=…}`: how soon the reader must act on the warning signs inside. */
export const alertLevels = ['emergency', 'urgent', 'soon'] as const
export type AlertLevel = (typeof alertLevels)[number]

/**
 * Blocks that only choose who sees their content, and the blocks that may sit inside them:
 * an alert limited to one output is `:::alert` inside `::::handout` (or `::::for`).
 */
export const audienceBlockNames: readonly string[] = ['deck', 'handout', 'summary', 'for']
export const nestableNames: readonly string[] = ['alert']

/** A directive's children without its `[label]` paragraph. */
export function directiveContent(node: ContainerDirective): ContainerDirective['children'] {
  return node.children.filter((child) => !(child.type === 'paragraph' && child.data?.directiveLabel === true))
}

export function isContainerName(name: string): name is ContainerName {
  return (containerNames as readonly string[]).includes(name)
}

export function isAlertLevel(value: string): value is AlertLevel {
  return (alertLevels as readonly string[]).includes(value)
}

/** The names in `:::for{audiences="deck summary"}`, split on spaces and commas, as written. */
export function audienceNames(value: string): string[] {
  return value.split(/[\s,]+/).filter((name) => name !== '')
}

export function isAudience(name: string): name is Audience {
  return (audiences as readonly string[]).includes(name)
}
