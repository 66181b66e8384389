import type { Parents, Root } from 'mdast'
import type { ContainerDirective } from 'mdast-util-directive'
import { visit } from '../visit.ts'
import type { VFile } from 'vfile'
import { reportError } from '../messages.ts'
import { writtenAttributes } from '../format/attribute-block.ts'
import { isComment } from '../format/comments.ts'
import { alertLevels, audienceBlockNames, audienceNames, certainties, containerNames, directiveContent, isAudience, isContainerName, nestableNames, strengths } from '../format/directives.ts'
import { audiences } from '../types.ts'

const labelAttributes: Record<string, readonly string[]> = { strength: strengths, certainty: certainties }
const expectedAttributes: Record<string, readonly string[]> = { recommendation: Object.keys(labelAttributes), alert: ['level'], for: ['audiences'] }

/** Checks container directives: known names, no nesting, no empty blocks, valid recommendation labels. */
export default function validateDirectives() {
  return (tree: Root, file: VFile): void => {
    visit(tree, 'containerDirective', (node: ContainerDirective, _index, parent) => {
      if (!isContainerName(node.name)) {
        reportError(file, `Unexpected directive \`:::${node.name}\`; use one of ${containerNames.map((name) => `\`:::${name}\``).join(', ')}`, node.position, 'directive-unknown')
        return
      }
      if (!isClosed(node, file)) {
        reportError(file, `Expected a \`:::\` line closing the \`:::${node.name}\` block opened here; without it the block takes in everything after it`, node.position?.start, 'directive-unclosed')
      }
      if (parent && parent.type !== 'root' && !isAllowedNesting(node, parent)) {
        reportError(file, `Unexpected \`:::${node.name}\` inside another block; directives go at the top level of a section (only \`:::alert\` may sit inside \`::::handout\`, \`::::deck\`, \`::::summary\` or \`::::for\`)`, node.position, 'directive-nested')
      }
      // A block holding only comments is empty too: comments never reach an output.
      if (directiveContent(node).every((child) => child.type === 'html' && isComment(child.value))) {
        reportError(file, `Unexpected empty \`:::${node.name}\` block; write its content or remove it`, node.position, 'directive-empty')
      }
      checkAttributes(node, file)
    })
  }
}

/** An alert limited to some outputs sits inside their audience block, which sits at the top level. */
function isAllowedNesting(node: ContainerDirective, parent: Parents): boolean {
  return nestableNames.includes(node.name) && parent.type === 'containerDirective' && audienceBlockNames.includes(parent.name)
}

const closingFence = /(?:^|\n)[ \t>]*:{3,}[ \t]*$/

/** A block is closed when its last line is a `:::` fence; an unclosed one runs to the end of the file (or of its list item or quote). */
function isClosed(node: ContainerDirective, file: VFile): boolean {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return true
  const source = file.data.body ?? String(file.value)
  const lines = source.slice(start, end).trimEnd().split('\n')
  return lines.length > 1 && closingFence.test(lines.at(-1) ?? '')
}

function checkAttributes(node: ContainerDirective, file: VFile): void {
  checkRepeatedAttributes(node, file)
  const attributes = node.attributes ?? {}
  const expected = expectedAttributes[node.name] ?? []
  for (const name of Object.keys(attributes)) {
    if (!expected.includes(name)) {
      reportError(file, `Unexpected attribute \`${name}\` on \`:::${node.name}\`${expected.length > 0 ? `; use ${expected.join(' and ')}` : ''}`, node.position, 'directive-attribute-unknown')
    }
  }
  if (node.name === 'alert') checkAlertLevel(node, file)
  if (node.name === 'for') checkAudiences(node, file)
  if (node.name !== 'recommendation') return
  for (const name of expected) {
    const allowed = labelAttributes[name] ?? []
    const value = attributes[name]
    if (value === undefined || value === null) {
      reportError(file, `Expected a \`${name}\` label on the recommendation: \`${name}="${allowed.join('|')}"\``, node.position, 'recommendation-label-missing')
    } else if (!allowed.includes(value)) {
      reportError(file, `Unexpected ${name} \`${value}\`; use one of ${allowed.map((label) => `\`${label}\``).join(', ')}`, node.position, 'recommendation-label-invalid')
    }
  }
}

function checkAlertLevel(node: ContainerDirective, file: VFile): void {
  const level = node.attributes?.level
  const choices = alertLevels.map((name) => `\`${name}\``).join(', ')
  if (level === undefined || level === null) {
    reportError(file, `Expected a \`level\` on the alert: \`:::alert{level="${alertLevels.join('|')}"}\` (emergency: call the emergency number; urgent: call the 24-hour number; soon: tell the team)`, node.position, 'alert-level-missing')
  } else if (!(alertLevels as readonly string[]).includes(level)) {
    reportError(file, `Unexpected alert level \`${level}\`; use one of ${choices}`, node.position, 'alert-level-invalid')
  }
}

/** `audiences` is a non-empty list of distinct output names; anything else would hide text silently. */
function checkAudiences(node: ContainerDirective, file: VFile): void {
  const value = node.attributes?.audiences
  const choices = audiences.map((name) => `\`${name}\``).join(', ')
  if (value === undefined || value === null) {
    reportError(file, `Expected \`audiences\` on \`:::for\`: the outputs that show it, e.g. \`:::for{audiences="deck summary"}\``, node.position, 'for-audiences-missing')
    return
  }
  const names = audienceNames(value)
  if (names.length === 0) {
    reportError(file, `Expected at least one output in \`audiences\`; use ${choices}`, node.position, 'for-audiences-invalid')
  }
  const seen = new Set<string>()
  for (const name of names) {
    if (!isAudience(name)) {
      reportError(file, `Unexpected output \`${name}\` in \`audiences\`; use ${choices}`, node.position, 'for-audiences-invalid')
    } else if (seen.has(name)) {
      reportError(file, `Unexpected second \`${name}\` in \`audiences\`; name each output once`, node.position, 'for-audiences-invalid')
    }
    seen.add(name)
  }
}

/** `{strength="strong" strength="conditional"}`: the parser keeps the last, so the first would silently not count. */
function checkRepeatedAttributes(node: ContainerDirective, file: VFile): void {
  const start = node.position?.start
  if (start?.offset === undefined) return
  const source = file.data.body ?? String(file.value)
  const seen = new Set<string>()
  for (const { name, offset } of writtenAttributes(source, start.offset)) {
    if (name === 'class') continue // `.a .b` adds classes: nothing is lost
    if (!seen.has(name)) {
      seen.add(name)
      continue
    }
    const before = source.slice(start.offset, offset)
    const lineBreaks = before.split('\n').length - 1
    const column = lineBreaks === 0 ? start.column + before.length : before.length - before.lastIndexOf('\n')
    reportError(file, `Unexpected second \`${name}\` attribute on \`:::${node.name}\`; write each attribute once`, { line: start.line + lineBreaks, column }, 'directive-attribute-duplicate')
  }
}
