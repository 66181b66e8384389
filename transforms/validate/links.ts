import type { Definition, Link, Root } from 'mdast'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { reportError } from '../report.ts'

const unsafeProtocols = ['javascript:', 'vbscript:', 'data:', 'file:']

/** Links may not run code or reach local files: `javascript:`, `vbscript:`, `data:` and `file:` are refused. */
export default function validateLinks() {
  return (tree: Root, file: VFile): void => {
    visit(tree, (node) => {
      if (node.type !== 'link' && node.type !== 'definition') return
      const protocol = unsafeProtocol((node as Link | Definition).url)
      if (protocol) {
        reportError(file, `Unexpected \`${protocol}\` link; link to an \`https:\` address instead`, node.position, 'link-unsafe-protocol')
      }
    })
  }
}

/** micromark already decodes character references; browsers also ignore control characters and white space in schemes. */
export function unsafeProtocol(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const normalized = url.replace(/[\u0000-\u0020\u007f-\u00a0]/g, '').toLowerCase()
  return unsafeProtocols.find((protocol) => normalized.startsWith(protocol))
}
