/** The one rule for ids (guideline file names, topic ids, `guidepress new`): lowercase letters and digits in words joined by single hyphens. */
export const kebabCaseId = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
/** A heading's `{#id}`, written after its text (the id is the first group, not yet trimmed or checked). */
export const trailingId = /[ \t]*\{#([^}]*)\}[ \t]*$/
/** A heading's `{#id}` as written after its text. */
export const writtenHeadingId = (id: string): string => ` {#${id}}`
