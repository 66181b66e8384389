import type { Point, Position } from 'unist'
import type { VFile } from 'vfile'
import { messageSource } from './types.ts'

type Place = Point | Position | undefined

/** Reports a problem that stops the build: nothing is written while one exists. */
export function reportError(file: VFile, reason: string, place: Place, ruleId: string): void {
  const message = file.message(reason, { place, ruleId, source: messageSource })
  message.fatal = true
}

/** Reports something worth fixing that does not stop the build. */
export function reportWarning(file: VFile, reason: string, place: Place, ruleId: string): void {
  const message = file.message(reason, { place, ruleId, source: messageSource })
  message.fatal = false
}

export function hasErrors(file: VFile): boolean {
  return file.messages.some((message) => message.fatal === true)
}
