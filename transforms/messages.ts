import type { Point, Position } from 'unist'
import type { VFile } from 'vfile'
import { messageSource } from './types.ts'

type Place = Point | Position | undefined

/** Messages of one rule listed per file; past that one line says more were found, so bad input cannot flood the terminal. */
export const messagesPerRule = 20

const frontMatterStart: Point = { line: 1, column: 1 }

/** Reports a problem that stops the build: nothing is written while one exists. */
export function reportError(file: VFile, reason: string, place: Place, ruleId: string): void {
  report(file, reason, place, ruleId, true)
}

/** Reports something worth fixing that does not stop the build. */
export function reportWarning(file: VFile, reason: string, place: Place, ruleId: string): void {
  report(file, reason, place, ruleId, false)
}

function report(file: VFile, reason: string, place: Place, ruleId: string, fatal: boolean): void {
  const count = file.messages.filter((message) => message.ruleId === ruleId).length
  if (count > messagesPerRule) return
  const text = count === messagesPerRule ? `Unexpected further \`${ruleId}\` problems; only the first ${messagesPerRule} are listed` : reason
  // Every message has a place. Text with no source node of its own (the title slide, the agenda) is
  // made from the front matter, so a message about it points at the front matter's start.
  const message = file.message(text, { place: place ?? frontMatterStart, ruleId, source: messageSource })
  message.fatal = fatal
  message.url = ruleUrl(ruleId)
}

export function hasErrors(file: VFile): boolean {
  return file.messages.some((message) => message.fatal === true)
}

/** Where a rule is explained: its row of the rule table in the authoring guide (as unified-lint-rule sets `url`). */
export function ruleUrl(ruleId: string): string {
  return `docs/authoring.md#${ruleId}`
}

/** A warning as a build keeps it (build cache, fresh record), to say again while its file is not read. */
export interface KeptWarning {
  reason: string
  line: number
  column: number
  ruleId: string
}

/** The warnings on a file, to keep. */
export function keptWarnings(file: VFile): KeptWarning[] {
  return file.messages.filter((message) => message.fatal !== true).map((message) => ({ reason: message.reason, line: message.line ?? 1, column: message.column ?? 1, ruleId: message.ruleId ?? '' }))
}

/** Kept warnings read back from a file guidepress wrote earlier: only well-formed ones (it is data, never trusted further). */
export function validKeptWarnings(value: unknown): KeptWarning[] {
  if (!Array.isArray(value)) return []
  return value.filter(
    (each): each is KeptWarning =>
      typeof each === 'object' && each !== null && typeof each.reason === 'string' && typeof each.ruleId === 'string' && Number.isInteger(each.line) && Number.isInteger(each.column)
  )
}
