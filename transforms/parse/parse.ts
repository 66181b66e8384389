import type { Root } from 'mdast'
import remarkDirective from 'remark-directive'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import type { VFile } from 'vfile'
import remarkCitations from './citations.ts'
import remarkDirectiveText from './directive-text.ts'
import { mayHoldAutolinks, remarkGfmSyntax, withSource } from './gfm-syntax.ts'
import remarkHeadingIds from './heading-ids.ts'

const parserFor = (autolinks: boolean) =>
  unified().use(remarkParse).use(remarkGfmSyntax, { autolinks }).use(remarkDirective).use(remarkHeadingIds).use(remarkDirectiveText).use(remarkCitations).freeze()
// A source with nothing an autolink literal starts with is read without trying one at every word (gfm-syntax.ts).
const parsers = { autolinks: parserFor(true), plain: parserFor(false) }

/** Parses a guideline body (front matter already blanked) into mdast with file positions. */
export function parseGuideline(file: VFile): Root {
  const body = file.data.body ?? ''
  const parser = mayHoldAutolinks(body) ? parsers.autolinks : parsers.plain
  const tree = withSource(body, () => parser.parse(body))
  return parser.runSync(tree, file) as Root
}
