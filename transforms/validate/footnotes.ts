import type { Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { visit } from '../visit.ts'
import type { VFile } from 'vfile'
import { reportError } from '../messages.ts'

// remark-gfm leaves a reference to an undefined footnote as plain text.
const undefinedReference = /\[\^([^\]\s]+)\]/g

/** Footnotes are the references: each defined one is cited, each cited one is defined, none defined twice. */
export default function validateFootnotes() {
  return (tree: Root, file: VFile): void => {
    const cited = new Set<string>()
    visit(tree, 'footnoteReference', (node) => {
      cited.add(node.identifier)
    })
    const defined = new Map<string, number | undefined>()
    visit(tree, 'footnoteDefinition', (node) => {
      const label = node.label ?? node.identifier
      if (defined.has(node.identifier)) {
        // remark keeps both; whichever a stage picks, one reference would silently vanish.
        const first = defined.get(node.identifier)
        reportError(file, `Unexpected second definition of the footnote \`[^${label}]\`${first ? ` (first at line ${first})` : ''}; define each reference once (labels differing only in case are the same)`, node.position, 'footnote-duplicate')
        return
      }
      defined.set(node.identifier, node.position?.start.line)
      if (toString(node, { includeHtml: false }).trim() === '' && node.children.every((child) => child.type === 'html' || child.type === 'paragraph')) {
        reportError(file, `Unexpected empty footnote \`[^${node.label ?? node.identifier}]:\`; write the reference after the colon`, node.position, 'footnote-empty')
      }
      if (!cited.has(node.identifier)) {
        reportError(file, `Unexpected unused footnote \`[^${node.label ?? node.identifier}]\`; cite it where it supports a statement, or remove it`, node.position, 'footnote-unused')
      }
    })
    visit(tree, 'text', (node) => {
      for (const match of node.value.matchAll(undefinedReference)) {
        const start = node.position?.start
        // Text on one line keeps exact columns; after a line break, point at the text's start.
        const onFirstLine = !node.value.slice(0, match.index).includes('\n')
        const place = start && onFirstLine ? { line: start.line, column: start.column + match.index } : start
        reportError(file, `Expected a definition \`[^${match[1]}]: …\` for the footnote \`[^${match[1]}]\``, place, 'footnote-undefined')
      }
    })
  }
}
