import type { Handle, SafeConfig, State } from 'mdast-util-to-markdown'

/**
 * The serializer's root handler, wrapped so that `state.safe` (which escapes each piece of text)
 * tries only the unsafe patterns whose character is in the text. It runs every pattern's expression
 * over every text otherwise: some fifty with GFM, most of them for characters the text does not
 * have. A pattern always matches its own character, so one whose character is absent cannot match,
 * and the escaping is the same.
 */
export function withQuickSafe(root: Handle): Handle {
  return (node, parent, state: State, info) => {
    const safe = state.safe
    const unsafe = state.unsafe
    // Each pattern's character as an ASCII code (all of them are, with remark-gfm and remark-frontmatter).
    const codes = unsafe.map((pattern) => (pattern.character.length === 1 ? pattern.character.charCodeAt(0) : -1))
    if (codes.some((code) => code < 0 || code > 127)) return root(node, parent, state, info)
    const present = new Uint8Array(128)
    const mark = (text: string): void => {
      for (let index = 0; index < text.length; index++) {
        const code = text.charCodeAt(index)
        if (code < 128) present[code] = 1
      }
    }
    state.safe = (value: string | null | undefined, config: SafeConfig): string => {
      present.fill(0)
      mark(config.before || '')
      mark(value || '')
      mark(config.after || '')
      state.unsafe = unsafe.filter((_pattern, index) => present[codes[index] as number] === 1)
      try {
        return safe.call(state, value, config)
      } finally {
        state.unsafe = unsafe
      }
    }
    try {
      return root(node, parent, state, info)
    } finally {
      state.safe = safe
    }
  }
}
