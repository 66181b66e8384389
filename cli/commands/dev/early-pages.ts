// A save of a guideline whose pages are open in the browser: those pages first, from only the
// outputs they show (`transformGuideline` with audiences), before the whole build. Nothing is
// written; the build that follows checks every output and puts every file in place, and its pages
// are the same as these (a failure it finds still shows, with the last good build).
import path from 'node:path'
import { transformAll } from '../build.ts'
import { loadConfig } from '../../../transforms/input/config.ts'
import { hasErrors } from '../../../transforms/messages.ts'
import type { Audience } from '../../../transforms/types.ts'
import type { PreparedGuideline } from '../../../transforms/pipeline.ts'

const pageAudiences: ReadonlyMap<string, Audience> = new Map([
  ['deck.html', 'deck'],
  ['handout.html', 'handout'],
  ['summary.html', 'summary']
])

/**
 * The guidelines and outputs to show early: the open pages (dist/-relative) of the guidelines
 * saved, when guideline sources are all that changed (a glossary, theme, image or bibliography
 * concerns every guideline, and is left to the build).
 */
export function earlyPagesOf(changes: readonly string[], open: ReadonlySet<string>): { ids: string[]; audiences: Audience[] } | undefined {
  const ids = changes.map((change) => /^source\/([^/]+)\.md$/.exec(change)?.[1])
  if (ids.length === 0 || ids.some((id) => id === undefined)) return undefined
  const audiences = new Set<Audience>()
  const shown = new Set<string>()
  for (const page of open) {
    const [id, name, ...rest] = page.split('/')
    const audience = pageAudiences.get(name ?? '')
    if (rest.length > 0 || audience === undefined || !ids.includes(id)) continue
    audiences.add(audience)
    shown.add(id ?? '')
  }
  return audiences.size === 0 ? undefined : { ids: [...shown].sort(), audiences: [...audiences] }
}

export interface EarlyPages {
  /** dist/-relative path → page. */
  pages: Map<string, string>
  /** The guidelines as read and checked, for the build that follows (see `PreparedGuideline`). */
  prepared: Map<string, PreparedGuideline>
}

/**
 * The open pages of the saved guidelines, rendered as the build would render them; none when any
 * input has an error (the build reports it) or a guideline is unknown.
 */
export async function renderEarlyPages(root: string, changes: readonly string[], open: ReadonlySet<string>, today: string | undefined): Promise<EarlyPages> {
  const pages = new Map<string, string>()
  const none = { pages, prepared: new Map<string, PreparedGuideline>() }
  const wanted = earlyPagesOf(changes, open)
  if (!wanted) return none
  const config = await loadConfig(root)
  if (config.file && hasErrors(config.file)) return none
  const transformed = await transformAll({ root, ids: wanted.ids, ...(today ? { today } : {}), config, audiences: wanted.audiences }).catch(() => undefined)
  if (!transformed?.ok) return none
  const outputs = transformed.results.flatMap((result) => result.outputs)
  const { renderGuidelines } = await import('../../../render/stage.ts')
  await renderGuidelines(
    root,
    // Only the outputs made: the renderer renders each output a guideline names.
    transformed.results.map((result) => ({ ...result, meta: { ...result.meta, outputs: result.meta.outputs.filter((audience) => wanted.audiences.includes(audience)) } })),
    {
      pdf: false,
      pptx: false,
      config: config.config,
      markdown: new Map(outputs.map((output) => [output.path, output.text])),
      write: async (relative, data) => {
        const page = path.posix.relative('dist', relative)
        if (typeof data === 'string' && open.has(page)) pages.set(page, data)
      },
      unchanged: []
    }
  )
  return { pages, prepared: new Map(transformed.results.flatMap((result) => (result.prepared ? [[result.meta.id, result.prepared] as const] : []))) }
}
