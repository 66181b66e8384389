import type { Root } from 'mdast'
import { unified } from 'unified'
import type { Bibliography } from '../input/references.ts'
import type { VFile } from 'vfile'
import validateCitations from './citations.ts'
import validateDirectives from './directives.ts'
import validateEmptyContent from './empty-content.ts'
import validateFootnotes from './footnotes.ts'
import validateHtml from './html.ts'
import validateImages from './images.ts'
import validateLinks from './links.ts'
import validateSections from './sections.ts'

export { validateCitations, validateDirectives, validateEmptyContent, validateFootnotes, validateHtml, validateImages, validateLinks, validateSections }

/**
 * Every body rule of the source format as unified plugins, in the order their messages are reported.
 * A unified user can `.use()` any of them after remark-parse and remark-directive.
 */
export const validators = [validateSections, validateDirectives, validateFootnotes, validateCitations, validateHtml, validateLinks, validateImages, validateEmptyContent]

const validator = unified().use(validators).freeze()

export interface ValidateOptions {
  sourceDir: string
  /** The project's bibliography, for `[@key]` citations; none when not given. */
  bibliography?: Bibliography
}

/** Runs every body rule on a parsed guideline; each reports vfile messages with its own ruleId. */
export function validateBody(tree: Root, file: VFile, options: ValidateOptions): void {
  file.data.sourceDir = options.sourceDir
  file.data.bibliography = options.bibliography
  validator.runSync(tree, file)
}
