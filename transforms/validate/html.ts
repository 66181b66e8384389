import type { Root } from 'mdast'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { reportError } from '../report.ts'
import { isComment } from './sections.ts'

/** Raw HTML never reaches an output; HTML comments are allowed (and dropped later). */
export default function validateHtml() {
  return (tree: Root, file: VFile): void => {
    visit(tree, 'html', (node) => {
      if (isComment(node.value)) return
      const tag = /<\/?([a-zA-Z][\w-]*)/.exec(node.value)?.[1]
      reportError(file, `Unexpected raw HTML${tag ? ` \`<${tag}>\`` : ''}; write Markdown instead (HTML comments are allowed)`, node.position, 'html-raw')
    })
  }
}
