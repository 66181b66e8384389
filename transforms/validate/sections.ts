import type { Heading, Root } from 'mdast'
import { visit } from '../visit.ts'
import type { VFile } from 'vfile'
import { reportError } from '../messages.ts'
import { isComment } from '../format/comments.ts'
import { kebabCaseId } from '../format/ids.ts'
import { splitSections } from '../format/sections.ts'


/**
 * Checks the shape of the body: `##` sections, one per topic, none empty, no `#` headings. A unified
 * plugin; the topics come from the file: `file.data.topicIds` (unknown when the front matter could not
 * be read) and `file.data.topicIdPlaces` (where each is written), as the front-matter stage sets them.
 */
export default function validateSections() {
  return (tree: Root, file: VFile): void => {
    visit(tree, 'heading', (heading: Heading) => {
      if (heading.depth === 1) {
        reportError(file, 'Unexpected `#` heading: the title comes from the front matter; start sections at `##`', heading.position, 'heading-level-one')
      }
      const id = heading.data?.id
      if (id === undefined) return
      if (heading.depth !== 2) {
        reportError(file, `Unexpected \`{#${id}}\` on a level-${heading.depth} heading; topic ids go on \`##\` headings`, heading.position, 'heading-id-misplaced')
      } else if (!kebabCaseId.test(id)) {
        reportError(file, `Expected a kebab-case topic id in \`{#${id}}\`, such as \`{#bone-metastases}\``, heading.position, 'heading-id-invalid')
      }
    })

    const { preamble, sections } = splitSections(tree)
    const firstContent = preamble.find((node) => !(node.type === 'html' && isComment(node.value)))
    if (firstContent) {
      reportError(file, 'Unexpected content before the first `##` section; move it into a section', firstContent.position, 'content-before-section')
    }

    const topicIds = file.data.topicIds
    if (!topicIds) return
    const declared = new Set(topicIds)
    const seen = new Map<string, number>()
    for (const section of sections) {
      const place = { line: section.line, column: section.column }
      if (section.children.every((node) => node.type === 'html' && isComment(node.value))) {
        reportError(file, `Unexpected empty section \`${section.title}\`; write its content or remove the heading`, place, 'section-empty')
      }
      const id = section.topicId
      if (id === undefined || !kebabCaseId.test(id)) continue
      if (!declared.has(id)) {
        reportError(file, `Unexpected section id \`{#${id}}\`: it is not a topic in the front matter; declare it under \`topics\` or remove the id`, place, 'heading-id-unknown')
      } else if (seen.has(id)) {
        reportError(file, `Unexpected second section for topic \`${id}\` (first at line ${seen.get(id)}); each topic has exactly one section`, place, 'topic-section-duplicate')
      } else {
        seen.set(id, section.line)
      }
    }
    for (const id of declared) {
      if (!seen.has(id)) {
        reportError(file, `Expected a section \`## Title {#${id}}\` for topic \`${id}\``, file.data.topicIdPlaces?.get(id) ?? { line: 1, column: 1 }, 'topic-section-missing')
      }
    }
  }
}
