// Kept apart from browser.ts so code that only checks for this error does not load puppeteer.

/** Thrown when no browser could be found or started; the message says what to install. */
export class BrowserUnavailableError extends Error {
  override name = 'BrowserUnavailableError'
  /** `remedies`: what to do on this OS, one a line (render/browser/finder.ts `browserRemedies`). */
  constructor(detail: string, options?: { cause?: unknown; remedies?: readonly string[] }) {
    const remedies = options?.remedies ?? [
      'run `npm ci` to restore the bundled @sparticuz/chromium package;',
      'install a system browser, e.g. `apt-get install chromium` (Debian/Ubuntu);',
      'set CHROME_PATH to a Chrome, Chromium or Edge executable.'
    ]
    super(
      `No headless browser could be started for PDF/PPTX rendering (${detail}).\n` +
        'Fix one of:\n' +
        remedies.map((remedy) => `  • ${remedy}\n`).join('') +
        'The Markdown outputs are unaffected; rerun with --no-pdf to build HTML only.',
      options?.cause === undefined ? undefined : { cause: options.cause }
    )
  }
}

/**
 * A render that failed for a reason the author can act on: a page that stalled past its time
 * limit, a theme that does not parse, an image too big to embed. The message names the guideline,
 * the output and, when known, the file (theme, image) to look at; the build writes nothing.
 */
export class RenderError extends Error {
  override name = 'RenderError'
}

/** `task`, with a failure that does not say where it happened named with its guideline and output. */
export function named<T>(id: string, output: string, task: Promise<T>): Promise<T> {
  return task.catch((error: unknown) => {
    if (error instanceof RenderError || error instanceof BrowserUnavailableError) throw error
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw new RenderError(`${id}: ${output} could not be rendered: ${reason}`, { cause: error })
  })
}

/** A finding about one built file, with the slide it concerns when there is one. */
export interface RenderWarning {
  id: string
  /** The built file, such as `deck.pdf`. */
  output: string
  slide?: number
  /** The line of the output's Markdown it concerns (a figure of a handout, say), placed through the source map. */
  outputLine?: number
  ruleId: string
  message: string
}
