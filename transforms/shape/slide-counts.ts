import type { RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { visit } from '../visit.ts'
import { isWhiteSpace } from '../white-space.ts'

// What the slide caps count (slides.ts): words and bullets.

export function countWords(node: RootContent | RootContent[]): number {
  const nodes = Array.isArray(node) ? node : [node]
  return nodes.reduce((sum, each) => sum + wordsIn(toString(each)), 0)
}

/** The runs of characters between white space (as `text.split(/\s+/).filter(Boolean)` finds them), counted without the array. */
function wordsIn(text: string): number {
  let words = 0
  let inWord = false
  for (let index = 0; index < text.length; index++) {
    const space = isWhiteSpace(text.charCodeAt(index))
    if (!space && !inWord) words++
    inWord = !space
  }
  return words
}

export function countBullets(node: RootContent | RootContent[]): number {
  let bullets = 0
  for (const each of Array.isArray(node) ? node : [node]) {
    visit(each, (child) => {
      if (child.type === 'list' && (child.data?.generated || child.data?.references)) return 'skip'
      if (child.type === 'listItem' || child.type === 'tableRow') bullets++
    })
  }
  return bullets
}
