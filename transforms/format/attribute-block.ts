/** One attribute as written in a directive's `{…}` block: its name (`id` for `#x`, `class` for `.x`) and where it starts. */
export interface WrittenAttribute {
  name: string
  offset: number
}

// The syntax of micromark-extension-directive: names, `=` values quoted or bare, `#id` and `.class` shortcuts.
const attributeName = /[A-Za-z_:][\w.:-]*/y
const unquotedValue = /[^\s"'<=>`}]+/y
const shortcutValue = /[^\s"'<=>`}#.]+/y
const whitespace = /\s*/y

/**
 * The attributes of the container directive opening at `start` (`:::name[label]{…}`), as written.
 * remark-directive keeps only the last of two equal names, so repeats can only be seen in the text.
 * Returns an empty list when the opening line has no attribute block.
 */
export function writtenAttributes(source: string, start: number): WrittenAttribute[] {
  const fence = /:{3,}[ \t]*[^\s[{]*/y
  fence.lastIndex = start
  if (!fence.test(source)) return []
  let at = skipLabel(source, fence.lastIndex)
  if (source[at] !== '{') return []
  at += 1
  const found: WrittenAttribute[] = []
  for (;;) {
    at = skip(whitespace, source, at)
    const char = source[at]
    if (char === undefined || char === '}') return found
    if (char === '#' || char === '.') {
      found.push({ name: char === '#' ? 'id' : 'class', offset: at })
      at = skip(shortcutValue, source, at + 1)
      continue
    }
    attributeName.lastIndex = at
    const name = attributeName.exec(source)?.[0]
    if (!name) return found
    found.push({ name, offset: at })
    at = skip(whitespace, source, at + name.length)
    if (source[at] !== '=') continue
    at = skip(whitespace, source, at + 1)
    const quote = source[at]
    if (quote === '"' || quote === "'") {
      const close = source.indexOf(quote, at + 1)
      if (close === -1) return found
      at = close + 1
    } else {
      at = skip(unquotedValue, source, at)
    }
  }
}

function skip(pattern: RegExp, source: string, at: number): number {
  pattern.lastIndex = at
  return pattern.test(source) ? pattern.lastIndex : at
}

/** Past a `[label]` (nested brackets and `\]` escapes included), if one starts at `at`. */
function skipLabel(source: string, at: number): number {
  if (source[at] !== '[') return at
  let depth = 0
  for (let index = at; index < source.length; index += 1) {
    const char = source[index]
    if (char === '\\') index += 1
    else if (char === '[') depth += 1
    else if (char === ']' && --depth === 0) return index + 1
    else if (char === '\n') return at
  }
  return at
}
