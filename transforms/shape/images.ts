import path from 'node:path'
import type { Root } from 'mdast'
import { visit } from '../visit.ts'

/** Image paths are written relative to `source/`; outputs live one folder over, so point back into `source/`. */
export function rebaseImages(tree: Root, outputDir: string): void {
  visit(tree, 'image', (image) => {
    image.url = path.posix.relative(outputDir, path.posix.join('source', image.url))
  })
}
