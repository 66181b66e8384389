import { diffWords, diffWordsWithSpace } from 'diff'

/** Share of words two sentences have in common (by the longer one). */
export function similarity(a: string, b: string): number {
  const parts = diffWords(a, b)
  const words = (text: string) => text.split(/\s+/).filter(Boolean).length
  const common = parts.filter((part) => !part.added && !part.removed).reduce((sum, part) => sum + words(part.value), 0)
  return common / Math.max(words(a), words(b), 1)
}

/** A piece of both sentences: common text, or a change from `old` to `now`. */
export interface Segment {
  old: string
  now: string
  changed: boolean
}

/**
 * `~~old~~ **new**` word by word, for a pull-request comment. The parts come from
 * diffWordsWithSpace: unlike diffWords it keeps each side's white space, so both sentences can be
 * rebuilt from them. A mark whose text starts or ends with punctuation next to a letter would not
 * render (`pain**, tiredness**`), so such a change takes in the neighbouring word.
 */
export function wordDiff(old: string, now: string): string {
  let segments = joined(diffWordsWithSpace(old, now).map((part) => ({ old: part.added ? '' : part.value, now: part.removed ? '' : part.value, changed: part.added || part.removed })))
  for (let moved = true; moved; segments = joined(segments)) {
    moved = false
    segments.forEach((segment, index) => {
      const before = segments[index - 1]
      const after = segments[index + 1]
      if (!segment.changed) return
      if (before && /[\p{L}\p{N}]$/u.test(before.now) && /^(?:~~|\*\*)[\p{P}\p{S}]/u.test(markChange(segment))) {
        const word = /\S+$/.exec(before.now)?.[0] ?? ''
        before.old = before.now = before.now.slice(0, -word.length)
        Object.assign(segment, { old: word + segment.old, now: word + segment.now })
        moved = true
      }
      if (after && /^[\p{L}\p{N}]/u.test(after.now) && /[\p{P}\p{S}](?:~~|\*\*)$/u.test(markChange(segment))) {
        const word = /^\S+/.exec(after.now)?.[0] ?? ''
        after.old = after.now = after.now.slice(word.length)
        Object.assign(segment, { old: segment.old + word, now: segment.now + word })
        moved = true
      }
    })
  }
  return segments.map((segment) => (segment.changed ? markChange(segment) : segment.now)).join('')
}

/** Adjacent changes as one, and a change, a space and a change as one too (it reads better); empty pieces dropped. */
function joined(segments: Segment[]): Segment[] {
  const result: Segment[] = []
  for (const segment of segments) {
    if (segment.old === '' && segment.now === '') continue
    const previous = result.at(-1)
    const beforePrevious = result.at(-2)
    if (segment.changed && previous && !previous.changed && previous.now.trim() === '' && beforePrevious?.changed) {
      result.pop()
      beforePrevious.old += previous.old + segment.old
      beforePrevious.now += previous.now + segment.now
    } else if (segment.changed && previous?.changed) {
      previous.old += segment.old
      previous.now += segment.now
    } else {
      result.push({ ...segment })
    }
  }
  return result
}

/** `~~old~~ **new**`, with the change's outer white space kept outside the marks (`** new**` would not render). */
export function markChange(segment: Segment): string {
  const outer = segment.now.trim() === '' ? segment.old : segment.now
  const marks = [segment.old.trim() && `~~${segment.old.trim()}~~`, segment.now.trim() && `**${segment.now.trim()}**`].filter(Boolean).join(' ')
  return `${/^\s*/.exec(outer)?.[0] ?? ''}${marks}${/\s*$/.exec(outer)?.[0] ?? ''}`
}
