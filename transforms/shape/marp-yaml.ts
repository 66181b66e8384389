import { Document, isScalar, visit } from 'yaml'

/**
 * YAML for a deck's Marp front matter. Marp reads a plain value of its own directives (`title`,
 * `footer`, …) by wrapping it in double quotes without escaping backslashes, so a value holding
 * `\` (a title such as `C:\temp`, or the escapes that keep a footer from reading as Markdown)
 * would break the whole front matter: theme, pagination and footer would all be lost. Such values
 * are written double-quoted, which Marp reads as YAML does.
 */
export function marpYaml(fields: Record<string, unknown>): string {
  const document = new Document(fields)
  visit(document, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === 'string' && node.value.includes('\\')) node.type = 'QUOTE_DOUBLE'
    }
  })
  return document.toString({ lineWidth: 0 }).trimEnd()
}
