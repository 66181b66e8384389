import { visit } from '../visit.ts'
import type { Definition, Link, Root } from 'mdast'
import type { VFile } from 'vfile'
import { reportError } from '../messages.ts'

/** The only schemes a link from a source may use: everything else (`javascript:`, `data:`, `file:`, `ftp:`, …) is refused. */
export const allowedSchemes: readonly string[] = ['http', 'https', 'mailto']

/**
 * Every link, reference definition (footnotes' too), autolink and bare web address is a web or mail
 * address, or a `#section` of the document: an allowlist, so a scheme nobody thought of cannot pass.
 * A `#section` must name a topic of the front matter (`file.data.topicIds`; not checked when the front
 * matter could not be read): topic ids are the only ids a source gives its sections, so any other
 * fragment would go nowhere in every output.
 */
export default function validateLinks() {
  return (tree: Root, file: VFile): void => {
    const targets: Array<Link | Definition> = []
    const imageReferences = new Set<string>()
    const linkReferences = new Set<string>()
    visit(tree, (node) => {
      if (node.type === 'link' || node.type === 'definition') targets.push(node)
      else if (node.type === 'imageReference') imageReferences.add(node.identifier)
      else if (node.type === 'linkReference') linkReferences.add(node.identifier)
    })
    const defined = new Map<string, number | undefined>()
    for (const node of targets) {
      if (node.type === 'definition') {
        // CommonMark silently keeps the first of two: the second address would never be used.
        const first = defined.get(node.identifier)
        if (defined.has(node.identifier)) reportError(file, `Unexpected second definition of the link label \`[${node.label ?? node.identifier}]\`${first ? ` (first at line ${first})` : ''}; define each label once`, node.position, 'link-definition-duplicate')
        else defined.set(node.identifier, node.position?.start.line)
        // Used only by reference-style images: the image rule refuses those, with a better message.
        if (imageReferences.has(node.identifier) && !linkReferences.has(node.identifier)) continue
      }
      if (isSourceLinkAllowed(node.url)) {
        checkFragment(file, node)
        continue
      }
      const scheme = urlScheme(node.url)
      const what = scheme ? `\`${scheme}:\` link` : `link \`${node.url}\``
      reportError(file, `Unexpected ${what}; link to an \`https:\`, \`http:\` or \`mailto:\` address, or to a \`#section\` of this guideline`, node.position, 'link-unsafe-protocol')
    }
  }
}

/** A `#fragment` link must name a declared topic (see validateLinks). */
function checkFragment(file: VFile, node: Link | Definition): void {
  const topicIds = file.data.topicIds
  const topic = fragmentTopic(node.url)
  if (!topicIds || topic === undefined || topicIds.includes(topic)) return
  const known = topicIds.length > 0 ? `; link to one of its topics: ${topicIds.map((id) => `\`#${id}\``).join(', ')}` : '; declare the topic under `topics` and give its section `{#id}`'
  const problem = topic === '' ? 'it names no section' : `no section of this guideline has the id \`${topic}\``
  reportError(file, `Unexpected link \`${node.url.trim()}\`: ${problem}${known}`, node.position, 'link-fragment-unknown')
}

/** The topic id a `#fragment` link names (what follows the `#`), or `undefined` for any other link. */
export function fragmentTopic(url: string): string | undefined {
  const trimmed = url.trim()
  return urlScheme(trimmed) === undefined && trimmed.startsWith('#') ? trimmed.slice(1) : undefined
}

/**
 * The scheme a browser reads a URL with, lowercased; `undefined` for a relative URL. micromark has
 * already decoded character references; browsers also drop control characters and white space
 * around and inside a scheme, so those are ignored here too.
 */
export function urlScheme(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const compact = url.replace(/[\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff]/g, '')
  return /^([a-z][a-z\d+.-]*):/i.exec(compact)?.[1]?.toLowerCase()
}

/** A link written in a source: an allowed scheme, or `#fragment` within the document. */
export function isSourceLinkAllowed(url: string): boolean {
  const scheme = urlScheme(url)
  if (scheme !== undefined) return allowedSchemes.includes(scheme)
  return url.trim().startsWith('#')
}

/** A URL in rendered output: an allowed scheme, or relative within the site (never `//host`, which leaves it). */
export function isRenderedUrlAllowed(url: string): boolean {
  const scheme = urlScheme(url)
  if (scheme !== undefined) return allowedSchemes.includes(scheme)
  return !/^\s*[\\/]{2}/.test(url)
}
