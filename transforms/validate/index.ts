import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import validateDirectives from './directives.ts'
import validateEmptyContent from './empty-content.ts'
import validateFootnotes from './footnotes.ts'
import validateHtml from './html.ts'
import validateImages from './images.ts'
import validateLinks from './links.ts'
import validateSections from './sections.ts'

export interface ValidateOptions {
  sourceDir: string
}

/** Runs every body rule of the source format; each reports vfile messages with its own ruleId. */
export function validateBody(tree: Root, file: VFile, options: ValidateOptions): void {
  const rules = [
    validateSections({ topicIds: file.data.topicIds, topicPlaces: file.data.topicIdPlaces }),
    validateDirectives(),
    validateFootnotes(),
    validateHtml(),
    validateLinks(),
    validateImages({ sourceDir: options.sourceDir }),
    validateEmptyContent()
  ]
  for (const rule of rules) rule(tree, file)
}
