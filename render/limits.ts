// Time limits for each browser step of a render. A step past its limit fails the build with a
// RenderError that says which guideline, which output and (for a slide) which images, instead of
// waiting for puppeteer's protocol timeout and an anonymous "Page.captureScreenshot timed out".
// The limits are generous (a loaded 2-core machine renders a 32-slide deck's steps in seconds):
// reaching one means something stalls, not that the machine is slow.
import { RenderError } from './errors.ts'

export interface StepLimits {
  /** Loading a page's HTML, fonts and inlined images. */
  loadMs: number
  /** Running a fit script (shrinking overfull slides or notes). */
  fitMs: number
  /** Printing one page to PDF. */
  pdfMs: number
}

export const DEFAULT_STEP_LIMITS: StepLimits = { loadMs: 60_000, fitMs: 30_000, pdfMs: 120_000 }

/** What a stalled step was doing, for its message. */
export interface StepPlace {
  /** Guideline id. */
  id: string
  /** The output the step was for, e.g. `deck.pptx`. */
  output: string
  /** E.g. `slide 7`, `printing`. */
  step: string
  /** Project files the step's page shows (images), named in the message as likely culprits. */
  files?: string[]
}

/** `work`, or a RenderError naming `place` when it takes longer than `ms`. */
export async function withinLimit<T>(work: Promise<T>, ms: number, place: StepPlace): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RenderError(stalledMessage(place, ms))), ms)
  })
  try {
    return await Promise.race([work, limit])
  } finally {
    clearTimeout(timer)
    // The step may still settle later (its page is closed under it); that outcome is not wanted.
    work.catch(() => undefined)
  }
}

export function stalledMessage(place: StepPlace, ms: number): string {
  const seconds = ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`
  const files = place.files ?? []
  const culprit = files.length
    ? ` It shows ${files.join(', ')}: an image that is very large or very complex (huge pixel size, deep SVG filters or patterns) ` +
      'can stall the browser; shrink or simplify it, or leave it out.'
    : ' Look for very large or complex content in that output; rerun with --no-pptx or --no-pdf to build the rest.'
  return `${place.id}: ${place.output}: ${place.step} did not render within ${seconds}.${culprit}`
}
