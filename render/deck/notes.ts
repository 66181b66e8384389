// Speaker notes as presenters read them. A note arrives as the Markdown of a Marp comment (see
// transforms/shape/deck.ts): paragraphs and bullets, sometimes behind a label line that only keeps
// Marp from reading it as directives. presenter.pdf and deck.html's presenter view show it as HTML
// (paragraphs and lists kept); deck.pdf, when asked to carry notes, gets its plain text.
import type { Root } from 'mdast'
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import { notesLabel } from '../../transforms/shape/labels.ts'
import { allowedSchemes } from '../../transforms/validate/links.ts'
import { superscriptsToSup } from '../assets.ts'

/** The note's Markdown without the directive-guard label line (and without surrounding blank lines). */
export function noteMarkdown(note: string): string {
  const text = note.trim()
  const [first, ...rest] = text.split(/\n\s*\n/)
  return first?.trim() === notesLabel && rest.length > 0 ? rest.join('\n\n').trim() : text
}

// Notes hold no images or raw HTML: markup typed into a note is shown as the text it is.
const notesSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((tag) => tag !== 'img'),
  protocols: { ...defaultSchema.protocols, href: [...allowedSchemes] }
}

function rawHtmlAsText() {
  return (tree: Root) => {
    visit(tree, 'html', (node, index, parent) => {
      if (parent && index !== undefined) parent.children[index] = { type: 'text', value: node.value }
    })
  }
}

const toHtml = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(rawHtmlAsText)
  .use(remarkRehype)
  .use(rehypeSanitize, notesSchema)
  .use(rehypeStringify)

/** The note as sanitised HTML (paragraphs, lists, emphasis, links); '' for no note. */
export function noteHtml(note: string): string {
  const markdown = noteMarkdown(note)
  if (!markdown) return ''
  return superscriptsToSup(String(toHtml.processSync(markdown)).trim())
}
