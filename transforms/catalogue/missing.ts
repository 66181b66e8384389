// The warning for a guideline whose language guidepress has no catalogue for: its labels read
// English, named once per guideline, with what to add to the project config.
import type { Point } from 'unist'
import type { VFile } from 'vfile'
import { reportWarning } from '../messages.ts'
import { catalogues, messageKeys, missingLabels, primaryLanguage, type MessageOverrides } from './labels.ts'

export const missingLabelsRule = 'messages-missing'

/** Warns at `place` (the front matter's `lang`) when labels of `lang` fall back to English. */
export function reportMissingLabels(file: VFile, lang: string, overrides: MessageOverrides | undefined, place: Point): void {
  const missing = missingLabels(lang, overrides)
  if (missing.length === 0) return
  const language = primaryLanguage(lang)
  const name = languageName(language)
  const known = Object.keys(catalogues).join(', ')
  reportWarning(
    file,
    `Expected guidepress's labels in ${name} (\`${lang}\`): it has them for ${known} only, so ${which(missing)} read English; ` +
      `add them under \`messages: { ${language}: { … } }\` in guidepress.config.yaml (the English ones are in transforms/catalogue/en.ts), or set \`lang\` to one of ${known}`,
    place,
    missingLabelsRule
  )
}

/** "all 111 labels", or the ones the config leaves out, by name. */
function which(missing: readonly string[]): string {
  if (missing.length === messageKeys.length) return `all its ${missing.length} labels (headings, badges, the draft mark, page numbers)`
  return `${missing.length} ${missing.length === 1 ? 'label' : 'labels'} the config does not give (${missing.join(', ')})`
}

function languageName(language: string): string {
  try {
    return new Intl.DisplayNames('en', { type: 'language' }).of(language) ?? language
  } catch {
    return language
  }
}
