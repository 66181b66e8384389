import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { kebabCaseId } from '../../transforms/format/ids.ts'

/** Every output and build file is named after the id; file systems allow 255 bytes a name, and staging adds a suffix. */
export const maxIdLength = 100

/** Why `guidepress new <id>` refuses an id, or `undefined` for a usable one. */
export function newIdProblem(id: string): string | undefined {
  const shown = id.length > 40 ? `${id.slice(0, 40)}…` : id
  if (!kebabCaseId.test(id)) return `Expected a kebab-case id such as \`bone-health\` (lowercase letters a–z, digits and single hyphens; no \`/\`, \`.\` or spaces), not \`${shown}\``
  if (id.length > maxIdLength) return `Expected an id of at most ${maxIdLength} characters, not ${id.length} (\`${shown}\`); it names every output file`
  return undefined
}

/** A small guideline that uses every feature of the format and builds as written. */
export function starterGuideline(id: string, today: string): string {
  const title = id.replace(/-/g, ' ').replace(/^./, (letter) => letter.toUpperCase())
  return `---
title: ${title}
subtitle: What this guideline covers, in one line
version: 0.1.0
updated: ${today}
status: draft
topics:
  - id: first-topic
    title: The first topic
    terms: [example term]
---

## The first topic {#first-topic}

Text here is shared: it goes into the deck, the handout and the summary.
Each topic's terms, such as the example term, must appear in every output.[^source]

- Keep each point short.
- A slide holds up to 6 points or 60 words; longer sections continue on a next slide.

:::handout
Write what a patient needs to know here, in plain words and short sentences.
:::

:::summary
Write what a clinician needs here: the evidence, the detail and the exceptions.
:::

:::notes
Write what the presenter says on this section's slides.
:::

:::recommendation{strength="conditional" certainty="low"}
State one recommendation here; the deck and the summary show it with its labels.
:::

[^source]: Name the public guidance that supports this statement.
`
}

/**
 * The build command to suggest in `root`: `npm run build` only when the project's own package.json
 * has a `build` script that runs guidepress (as `guidepress init` writes it); otherwise
 * `npx guidepress build`, which works wherever guidepress is installed. A project that merely has some
 * other `build` script (a web app's, say) must not be told to run it.
 */
export async function buildCommandIn(root: string): Promise<string> {
  const text = await readFile(path.join(root, 'package.json'), 'utf8').catch(() => undefined)
  if (text === undefined) return 'npx guidepress build'
  try {
    const scripts: unknown = (JSON.parse(text) as { scripts?: unknown }).scripts
    const build = typeof scripts === 'object' && scripts !== null ? (scripts as Record<string, unknown>).build : undefined
    return typeof build === 'string' && /\bguidepress(?:\.js)?\s+build\b/.test(build) ? 'npm run build' : 'npx guidepress build'
  } catch {
    return 'npx guidepress build'
  }
}
