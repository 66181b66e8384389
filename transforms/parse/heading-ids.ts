import type { Heading, Root } from 'mdast'
import type {} from 'mdast-util-to-hast'
import { visit } from '../visit.ts'
import { trailingId } from '../format/ids.ts'

declare module 'mdast' {
  interface HeadingData {
    /** The `{#id}` written after the heading text, if any. */
    id?: string
  }
}

/** Moves a trailing `{#id}` from a heading's text into `heading.data.id` (and the HTML id). */
export default function remarkHeadingIds() {
  return (tree: Root): void => {
    visit(tree, 'heading', (heading: Heading) => {
      const last = heading.children.at(-1)
      if (last?.type !== 'text') return
      const match = trailingId.exec(last.value)
      if (!match) return
      const id = (match[1] ?? '').trim()
      last.value = last.value.slice(0, match.index)
      if (last.value === '') heading.children.pop()
      heading.data = { ...heading.data, id, hProperties: { ...heading.data?.hProperties, id } }
    })
  }
}
