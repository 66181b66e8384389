import type { Root } from 'mdast'
import remarkDirective from 'remark-directive'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import type { VFile } from 'vfile'
import remarkCitations from './citations.ts'
import remarkDirectiveText from './directive-text.ts'
import remarkHeadingIds from './heading-ids.ts'

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkDirective).use(remarkHeadingIds).use(remarkDirectiveText).use(remarkCitations).freeze()

/** Parses a guideline body (front matter already blanked) into mdast with file positions. */
export function parseGuideline(file: VFile): Root {
  const tree = parser.parse(file.data.body ?? '')
  return parser.runSync(tree, file) as Root
}
