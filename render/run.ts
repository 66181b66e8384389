// One render in progress: where files go, what was written, and whether an output has failed.
import path from 'node:path'
import { RenderError } from './errors.ts'
import type { RenderedDeck } from './deck.ts'
import type { DocumentInput } from './document.ts'
import type { GuidelineMeta, RenderOptions, RenderReport } from './types.ts'
import { writeAtomic } from './write.ts'

/** One guideline's outputs after the HTML phase: its deck, ready for the browser, and its documents' HTML. */
export interface Job {
  meta: GuidelineMeta
  deck?: { file: string; rendered: RenderedDeck }
  /** `input` makes the HTML again (a long handout's contents list needs its PDF's page numbers); `written` says whether `html` is already out. */
  docs: Array<{ kind: 'handout' | 'summary'; html: string; input: DocumentInput; written: boolean }>
}

export class RenderRun {
  readonly root: string
  readonly report: RenderReport = { files: [], browserStarts: 0, browserPages: 0, prints: {}, pdfText: {}, warnings: [], blocked: [] }
  /** Set once a render failed: pages still finishing must not write anything after that. */
  failed = false

  constructor(readonly options: RenderOptions) {
    this.root = path.resolve(options.root)
  }

  /** Writes one output (path relative to root) and records it. */
  async emit(rel: string, data: string | Uint8Array): Promise<void> {
    if (this.failed) throw new RenderError(`${rel} was not written: another output failed to render`)
    await (this.options.write ? this.options.write(rel, data) : writeAtomic(path.join(this.root, rel), data))
    this.report.files.push(rel)
    this.options.onFile?.(rel)
  }
}

/** An output's path relative to the project, e.g. dist/x/deck.pdf. */
export const dist = (id: string, name: string): string => path.posix.join('dist', id, name)
