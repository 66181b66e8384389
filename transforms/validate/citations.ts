import type { Root } from 'mdast'
import { visit } from '../visit.ts'
import type { VFile } from 'vfile'
import { findCitations } from '../format/citations.ts'
import { emptyBibliography, referencesPaths, type Bibliography } from '../input/references.ts'
import { reportError } from '../messages.ts'

declare module 'vfile' {
  interface DataMap {
    /** The project's bibliography, for `[@key]` citations (none when not set). */
    bibliography: Bibliography | undefined
  }
}

/**
 * Citations: each `[@key]` names a work of the bibliography, and brackets that open with `@key`
 * are a citation guidepress reads (no page numbers or other text inside them).
 */
export default function validateCitations() {
  return (tree: Root, file: VFile): void => {
    const bibliography = file.data.bibliography ?? emptyBibliography
    visit(tree, 'footnoteReference', (node) => {
      const key = node.data?.citationKey
      if (key === undefined || bibliography.entries.has(key) || !bibliography.complete) return
      reportError(file, unknownKeyReason(key, bibliography), node.position, 'citation-unknown')
    })
    visit(tree, 'text', (node, _index, parent) => {
      if (parent?.type === 'link' || parent?.type === 'linkReference') return
      for (const match of findCitations(node.value)) {
        if (match.keys.length > 0) continue
        const start = node.position?.start
        // Text on one line keeps exact columns; after a line break, point at the text's start.
        const onFirstLine = !node.value.slice(0, match.index).includes('\n')
        const place = start && onFirstLine ? { line: start.line, column: start.column + match.index } : start
        const citation = match.text.replace(/\s+/g, ' ')
        reportError(file, `Unexpected text in the citation \`${citation}\`; write each key as \`[@key]\` or \`[@a; @b]\` with nothing else inside (give a page in the sentence), or escape the bracket as \`\\[\` to keep it as text`, place, 'citation-invalid')
      }
    })
  }
}

function unknownKeyReason(key: string, bibliography: Bibliography): string {
  if (bibliography.entries.size === 0) return `Unknown citation key \`${key}\`: there is no bibliography; add the work to \`${referencesPaths[0]}\` (BibTeX) or \`${referencesPaths[1]}\` (CSL-JSON)`
  const sameLetters = [...bibliography.entries.keys()].find((known) => known.toLowerCase() === key.toLowerCase())
  const hint = sameLetters ? `; keys are case-sensitive: did you mean \`${sameLetters}\`?` : `; add it to \`${referencesPaths[0]}\` or \`${referencesPaths[1]}\`, or correct the key`
  return `Unknown citation key \`${key}\`: no work in the bibliography has it${hint}`
}
