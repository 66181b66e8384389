import type { Root } from 'mdast'
import { visit } from '../visit.ts'
import type { VFile } from 'vfile'
import { reportError } from '../messages.ts'
import { isComment } from '../format/comments.ts'

/** Raw HTML never reaches an output; HTML comments are allowed (and dropped later). */
export default function validateHtml() {
  return (tree: Root, file: VFile): void => {
    visit(tree, 'html', (node) => {
      if (isComment(node.value)) return
      // The first tag as written: `</sup>` is a closing tag and is named as one.
      const tag = /<(\/?)([a-zA-Z][\w-]*)/.exec(node.value)
      const named = tag ? ` ${tag[1] ? 'closing tag ' : ''}\`<${tag[1]}${tag[2]}>\`` : ''
      reportError(file, `Unexpected raw HTML${named}; write Markdown instead (HTML comments are allowed)`, node.position, 'html-raw')
    })
  }
}
