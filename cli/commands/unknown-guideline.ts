// Apart from build-plan.ts so the CLI's entry can recognise this error without loading the build.

/** An id on the command line with no `source/<id>.md`: a usage error. */
export class UnknownGuidelineError extends Error {
  constructor(readonly ids: string[], readonly known: string[]) {
    super(`Unknown guideline ${ids.map((id) => `\`${id}\``).join(', ')}; known: ${known.join(', ') || '(none: add source/<id>.md)'}`)
  }
}
