/** Raw HTML that is only comments (and white space): authors' notes, which no output shows. */
export function isComment(html: string): boolean {
  return html.replace(/<!--[\s\S]*?-->/g, '').trim() === ''
}
