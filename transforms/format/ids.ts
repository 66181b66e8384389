/** The one rule for ids (guideline file names, topic ids, `guidepress new`): lowercase letters and digits in words joined by single hyphens. */
export const kebabCaseId = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
