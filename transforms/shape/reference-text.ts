import type { CslItem } from '@citation-js/core'
import type { PhrasingContent } from 'mdast'

/**
 * A formatted bibliography entry as Markdown text: its DOI (`doi:10.…`) becomes a link to
 * `https://doi.org/…` and a web address of the work a link to it (web addresses only: a
 * `javascript:` address in a references file stays text). Everything else is text, so markup in a
 * title is shown as written, never read as Markdown or HTML.
 */
export function referenceText(text: string, item: CslItem): PhrasingContent[] {
  const links: Array<{ shown: string; url: string }> = []
  if (typeof item.DOI === 'string') links.push({ shown: `doi:${item.DOI}`, url: `https://doi.org/${item.DOI.split('/').map(encodeURIComponent).join('/')}` })
  if (typeof item.URL === 'string' && /^https?:\/\/[^\s]+$/i.test(item.URL)) links.push({ shown: item.URL, url: item.URL })
  const pieces: PhrasingContent[] = []
  let rest = text
  for (;;) {
    const next = links
      .map((link) => ({ link, at: rest.indexOf(link.shown) }))
      .filter((found) => found.at >= 0)
      .sort((a, b) => a.at - b.at)[0]
    if (!next) break
    if (next.at > 0) pieces.push({ type: 'text', value: rest.slice(0, next.at) })
    pieces.push({ type: 'link', url: next.link.url, children: [{ type: 'text', value: next.link.shown }] })
    rest = rest.slice(next.at + next.link.shown.length)
  }
  if (rest !== '') pieces.push({ type: 'text', value: rest })
  return pieces
}
