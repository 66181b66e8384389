import type { Root } from 'mdast'
import { unified } from 'unified'
import type { VFile } from 'vfile'
import validateDirectives from './directives.ts'
import validateEmptyContent from './empty-content.ts'
import validateFootnotes from './footnotes.ts'
import validateHtml from './html.ts'
import validateImages from './images.ts'
import validateLinks from './links.ts'
import validateSections from './sections.ts'

export { validateDirectives, validateEmptyContent, validateFootnotes, validateHtml, validateImages, validateLinks, validateSections }

/**
 * Every body rule of the source format as unified plugins, in the order their messages are reported.
 * A unified user can `.use()` any of them after remark-parse and remark-directive.
 */
export const validators = [validateSections, validateDirectives, validateFootnotes, validateHtml, validateLinks, validateImages, validateEmptyContent]

const validator = unified().use(validators).freeze()

export interface ValidateOptions {
  sourceDir: string
}

/** Runs every body rule on a parsed guideline; each reports vfile messages with its own ruleId. */
export function validateBody(tree: Root, file: VFile, options: ValidateOptions): void {
  file.data.sourceDir = options.sourceDir
  validator.runSync(tree, file)
}
