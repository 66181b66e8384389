// Kept apart from browser.ts so code that only checks for this error does not load puppeteer.

/** Thrown when no browser could be found or started; the message says what to install. */
export class BrowserUnavailableError extends Error {
  override name = 'BrowserUnavailableError'
  constructor(detail: string, options?: { cause?: unknown }) {
    super(
      `No headless browser could be started for PDF/PPTX rendering (${detail}).\n` +
        'Fix one of:\n' +
        '  • run `npm ci` to restore the bundled @sparticuz/chromium package;\n' +
        '  • install a system browser, e.g. `apt-get install chromium` (Debian/Ubuntu);\n' +
        '  • set CHROME_PATH to a Chrome, Chromium or Edge executable.\n' +
        'The Markdown outputs are unaffected; rerun with --no-pdf to build HTML only.',
      options
    )
  }
}
