import { existsSync, realpathSync, statSync } from 'node:fs'
import path from 'node:path'
import type { Root } from 'mdast'
import { visit } from '../visit.ts'
import type { VFile } from 'vfile'
import { reportError } from '../messages.ts'
import { isInside } from '../input/paths.ts'
import { imageSizeProblem } from './image-size.ts'

/**
 * Images need alt text and a file inside `source/` (no remote, absolute or escaping paths) of a known
 * format, within the size limits. A unified plugin: `source/` is `file.data.sourceDir`, else the file's
 * own folder, and is read only when a file is checked (attaching touches no disk).
 */
export default function validateImages() {
  return (tree: Root, file: VFile): void => {
    const sourceDir = realpathSync(file.data.sourceDir ?? file.dirname ?? file.cwd)
    visit(tree, (node) => {
      if (node.type === 'imageReference') {
        reportError(file, 'Expected an inline image `![alt](images/name.svg)` instead of a reference-style image', node.position, 'image-reference')
        return
      }
      if (node.type !== 'image') return
      if (!node.alt || node.alt.trim() === '') {
        reportError(file, 'Expected alt text describing the image: `![what it shows](…)`', node.position, 'image-alt-missing')
      }
      const problem = imagePathProblem(node.url, sourceDir)
      if (problem) reportError(file, problem.reason, node.position, problem.ruleId)
    })
  }
}

function imagePathProblem(url: string, sourceDir: string): { reason: string; ruleId: string } | undefined {
  const outside = { reason: `Expected an image path inside \`source/\` such as \`images/name.svg\`, not \`${url}\``, ruleId: 'image-path-outside' }
  if (/^[a-z][a-z\d+.-]*:/i.test(url) || url.startsWith('//')) return outside
  if (url.startsWith('/') || url.startsWith('\\') || url.trim() === '') return outside
  let relative: string
  try {
    relative = decodeURIComponent(url.split(/[?#]/)[0] ?? '')
  } catch {
    return { reason: `Expected an image path with valid \`%\` escapes (such as \`%20\` for a space), not \`${url}\``, ruleId: 'image-path-invalid' }
  }
  const target = path.resolve(sourceDir, relative)
  if (!isInside(sourceDir, target)) return outside
  const missing = { reason: `Expected the image \`${url}\` to exist in \`source/\``, ruleId: 'image-missing' }
  if (!existsSync(target)) return missing
  // A symlink may point anywhere: judge where it really leads.
  if (!isInside(sourceDir, realpathSync(target))) return outside
  // A folder (or a device, or a pipe) is no image: rendering would show nothing, or never finish reading it.
  if (!statSync(target).isFile()) return missing
  return imageSizeProblem(target, url)
}

