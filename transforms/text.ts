import type { Node, Position } from 'unist'
import { EXIT, visit } from 'unist-util-visit'

declare module 'unist' {
  interface Data {
    /** Explanations added from the glossary: they do not show that an output covers a topic. */
    fromGlossary?: boolean
  }
}

/**
 * The words a reader sees: text and code, without HTML (slide notes, directives), front matter
 * or glossary explanations.
 */
export function visibleText(tree: Node): string {
  const parts: string[] = []
  visit(tree, (node) => {
    if (node.type === 'html' || node.type === 'yaml' || node.data?.fromGlossary) return 'skip'
    if ((node.type === 'text' || node.type === 'inlineCode') && 'value' in node && typeof node.value === 'string') parts.push(node.value)
  })
  return parts.join(' ')
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Whole word or phrase, any case, any white space between words; a plural `s`/`es` counts. */
export function termPattern(term: string): RegExp {
  const words = term.trim().split(/\s+/).map(escapeRegExp).join('\\s+')
  return new RegExp(`(?<![\\p{L}\\p{N}])${words}(?:s|es)?(?![\\p{L}\\p{N}])`, 'iu')
}

/** Where a node starts in the source: its own position, or its first descendant's (generated wrappers have none). */
export function firstPosition(node: Node): Position | undefined {
  let found: Position | undefined
  visit(node, (child) => {
    if (!child.position) return
    found = child.position
    return EXIT
  })
  return found
}
