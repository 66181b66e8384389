import type { RootContent } from 'mdast'
import { serializeFragment } from '../serialize/serialize.ts'
import { withoutFragmentLinks } from './fragment-links.ts'

/**
 * A presenter note as a Marp comment. Marp reads an HTML comment as a note, but first as YAML, and
 * applies the keys that are directives: a note `backgroundImage: url(x)` or `style: …` would restyle
 * the slide and vanish from the notes. YAML has keys only where a colon is followed by a space, a
 * tab or the line end (or, in flow style, directly follows a quoted key), so each such colon is
 * followed by a no-break space instead: no line is a key, the note is never a mapping, and it reads
 * the same. `-->` inside the note would end the comment early, so it is broken up. Its `#topic`
 * links keep only their words (see withoutFragmentLinks).
 */
export function presenterNote(notes: RootContent[]): string {
  return `<!--\n${marpSafeNote(serializeFragment(withoutFragmentLinks(notes)))}\n-->`
}

export function marpSafeNote(text: string): string {
  return text
    .replaceAll('-->', '-- >')
    .replace(/:[ \t]/g, ':\u00a0')
    .replace(/:$/gm, ':\u00a0')
    .replace(/(["'])\s*:(?!\u00a0)/g, '$1:\u00a0')
}
