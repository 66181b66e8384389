#!/usr/bin/env node
// Makes the pull-request comment from the full guidepress report:
//   node .github/scripts/comment-body.mjs <full-report.md> <artifact-url> > comment.md
// GitHub refuses a comment over 65,536 characters, and one guideline with a global word change
// already gives a report of 18 KB, so a large change would lose the whole comment. The comment
// keeps as many whole lines of the report as fit under the cap, closes a code block it cut open,
// and links to the full report (uploaded as an artifact) in every case.
// Plain Node, no dependencies: it runs in the workflow before or without `npm ci`.
import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

/** Finds guidepress's own comment among a pull request's comments: the first line of every body. */
export const marker = '<!-- guidepress-review -->'
/** GitHub's limit is 65,536 characters; stay clear of it (string length counts UTF-16 units, never fewer). */
export const maxCommentLength = 65_000

/** The comment for `report`: the marker, the report (cut at a line if needed) and a link to the full report. */
export function commentBody(report, artifactUrl) {
  const link = artifactUrl ? `[the \`guidepress-report\` artifact](${artifactUrl})` : 'the `guidepress-report` artifact of this run'
  const head = `${marker}\n`
  const whole = `${head}${report.trimEnd()}\n\n---\n_Full report: ${link}._\n`
  if (whole.length <= maxCommentLength) return whole
  const tail = (kept) =>
    `\n\n---\n**This report is cut short**: it has ${report.length.toLocaleString('en')} characters and a comment holds at most ` +
    `${maxCommentLength.toLocaleString('en')}; ${kept.toLocaleString('en')} are shown above. Read the full report in ${link}.\n`
  const room = maxCommentLength - head.length - tail(report.length).length - '\n```'.length
  const lines = []
  let length = 0
  let openFence = false
  for (const line of report.split('\n')) {
    if (length + line.length + 1 > room) break
    lines.push(line)
    length += line.length + 1
    if (/^\s*(```|~~~)/.test(line)) openFence = !openFence
  }
  // A single line longer than the room (a giant table row): cut it by characters instead.
  if (lines.length === 0) lines.push(report.slice(0, room))
  const kept = lines.join('\n')
  return `${head}${kept}${openFence ? '\n```' : ''}${tail(kept.length)}`
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [reportFile, artifactUrl] = process.argv.slice(2)
  if (!reportFile) {
    process.stderr.write('Usage: node .github/scripts/comment-body.mjs <full-report.md> [artifact-url]\n')
    process.exit(2)
  }
  process.stdout.write(commentBody(readFileSync(reportFile, 'utf8'), artifactUrl))
}
