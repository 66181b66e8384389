import type { YAMLError } from 'yaml'

/**
 * What a YAML parser error means for someone who writes front matter or a glossary, and what to do
 * about it. The parser's own words ("Nested mappings are not allowed in compact mappings") name
 * its grammar, not the mistake; the common mistakes are recognised by error code and by the line
 * they are on, and anything else keeps the parser's words with a general hint.
 */
export function yamlErrorReason(error: YAMLError, source: string): string {
  const line = lineAt(source, error.pos[0])
  const field = /^\s*(?:-\s+)?([^\s:#][^:#]*?)\s*:(?:\s|$)/.exec(line)?.[1]
  const value = field === undefined ? '' : line.slice(line.indexOf(':') + 1).trim()
  switch (error.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      if (field !== undefined && /:(\s|$)/.test(value)) {
        return `Unexpected \`: \` inside the value of \`${field}\` (YAML reads it as a new field); put the value in quotes: \`${field}: "${value.replace(/"/g, '\\"')}"\``
      }
      return 'Unexpected line: it is indented as if it belonged to the line above; line up fields under each other (and put a value holding `: ` in quotes)'
    case 'TAB_AS_INDENT':
      return 'Unexpected tab in the indentation; YAML is indented with spaces only: replace the tab with spaces'
    case 'DUPLICATE_KEY':
      return `Unexpected second \`${field ?? 'field'}\`: each field is written once; keep one of them`
    case 'BAD_SCALAR_START': {
      const character = value.charAt(0)
      return `Unexpected \`${character}\` at the start of the value of \`${field ?? 'this field'}\` (YAML reserves it); put the value in quotes: \`${field ?? 'field'}: "${value.replace(/"/g, '\\"')}"\``
    }
    case 'MISSING_CHAR':
      if (/quote/i.test(error.message)) return 'Expected a closing quote: a value that opens with `"` or `\'` must close with the same mark on the same line'
      break
    case 'BAD_INDENT':
      if (/^Flow (sequence|map)/.test(error.message)) return `Expected \`${error.message.startsWith('Flow map') ? '}' : ']'}\` closing the list opened with \`${error.message.startsWith('Flow map') ? '{' : '['}\`; close it on the same line`
      break
    case 'UNEXPECTED_TOKEN':
      return 'Unexpected text: this line is not a `field: value` line or a `- item` under a field; check its indentation and colon'
    default:
      break
  }
  return `Unexpected YAML: ${error.message.split('\n')[0]}; check this line (put a value in quotes when it holds \`: \` or \` #\`, or starts with a character such as \`@\`, \`*\`, \`&\` or \`[\`)`
}

function lineAt(source: string, offset: number): string {
  const start = source.lastIndexOf('\n', Math.max(0, offset - 1)) + 1
  const end = source.indexOf('\n', offset)
  return source.slice(start, end === -1 ? source.length : end)
}

/** The first error of each line: later ones on a line are mostly the parser losing its way after the first. */
export function firstErrorPerLine<T extends { pos: [number, number] }>(errors: readonly T[], lineOf: (offset: number) => number): T[] {
  const lines = new Set<number>()
  return errors.filter((error) => {
    const line = lineOf(error.pos[0])
    if (lines.has(line)) return false
    lines.add(line)
    return true
  })
}
