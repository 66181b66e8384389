// Warnings a build kept (messages.ts, KeptWarning) put back on their file, to print again. Apart
// from messages.ts because it needs vfile itself, which a build with nothing to do loads only when
// it has warnings to say.
import { VFile } from 'vfile'
import { messageSource } from './types.ts'
import { ruleUrl, type KeptWarning } from './messages.ts'

/** The file at `path` (relative to `cwd`) with kept warnings back on it, worded and placed as first reported. */
export function restoredWarnings(cwd: string, path: string, warnings: readonly KeptWarning[]): VFile {
  const file = new VFile({ cwd, path })
  for (const warning of warnings) {
    const message = file.message(warning.reason, { place: { line: warning.line, column: warning.column }, ruleId: warning.ruleId, source: messageSource })
    message.fatal = false
    message.url = ruleUrl(warning.ruleId)
  }
  return file
}
