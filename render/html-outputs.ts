// The outputs that need no browser: each guideline's HTML, and dist/index.html listing them all.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { audienceTitle, indexTitles } from '../transforms/shape/labels.ts'
import { labelsFor } from '../transforms/catalogue/labels.ts'
import { renderedFileNames } from '../transforms/serialize/outputs.ts'
import { inlineImage, readTheme, themeFileName } from './assets.ts'
import { brandCss } from './brand.ts'
import { deckDocument, renderDeckMarkdown } from './deck.ts'
import { documentHtml, type DocumentInput } from './document.ts'
import { renderIndex, type IndexGuideline } from './index-page.ts'
import { dist, type Job, type RenderRun } from './run.ts'
import type { GuidelineMeta, RenderOptions } from './types.ts'

/**
 * Markdown → HTML for every guideline. Handouts and summaries are written now; deck.html too when no
 * browser follows (otherwise it waits for the browser's fitted text sizes). `onJob` gets each
 * guideline as soon as all its HTML is made, so its browser outputs need not wait for the others.
 */
export async function renderHtml(run: RenderRun, guidelines: GuidelineMeta[], useBrowser: boolean, onJob?: (job: Job) => void): Promise<Job[]> {
  const { root, options } = run
  const [houseTheme, housePrint] = await Promise.all([readTheme(root, 'guidepress.css'), readTheme(root, 'print.css')])
  // The brand's tokens after the theme's own: appended, so the theme's lines keep their numbers in messages.
  const themeCss = houseTheme + brandCss(options.brand, 'section')
  const printCss = housePrint + brandCss(options.brand, ':root')
  const organisation = options.organisation?.name
  const logo = organisationLogo(root, options.organisation)
  const jobs: Job[] = guidelines.map((meta) => ({ meta, docs: [] }))
  const steps = jobs.flatMap((job) => (['deck', 'handout', 'summary'] as const).filter((kind) => job.meta.outputs.includes(kind)).map((kind) => ({ job, kind })))
  // The pages asked for first (those open in `guidepress dev`), then the rest, each in source order.
  const isFirst = (step: (typeof steps)[number]): boolean => options.first?.pages.has(dist(step.job.meta.id, `${step.kind}.html`)) ?? false
  const ordered = [...steps.filter(isFirst), ...steps.filter((step) => !isFirst(step))]
  const firstCount = steps.filter(isFirst).length
  let firstWritten = false
  const stepsLeft = new Map(jobs.map((job) => [job, steps.filter((step) => step.job === job).length]))
  const stepDone = (job: Job): void => {
    const left = (stepsLeft.get(job) ?? 0) - 1
    stepsLeft.set(job, left)
    if (left === 0) onJob?.(job)
  }
  for (const [position, { job, kind }] of ordered.entries()) {
    // A turn for the browser's messages between outputs (what is awaited here is mostly at hand,
    // so nothing else would run): the PDFs of the guidelines already made print meanwhile.
    await new Promise((resolve) => setImmediate(resolve))
    if (position === firstCount && firstWritten) await options.first?.rendered()
    const { meta } = job
    if (kind === 'deck') {
      const file = path.join(root, 'decks', `${meta.id}.md`)
      const rendered = renderDeckMarkdown({
        root,
        file,
        markdown: await readSource(file, root, options.markdown),
        themeCss,
        themeFile: themeFileName(root, 'guidepress.css'),
        lang: meta.lang,
        title: meta.title
      })
      job.deck = { file, rendered }
      if (!useBrowser) await run.emit(dist(meta.id, 'deck.html'), deckDocument(rendered, meta, { labels: labelsFor(meta.lang, options.messages) }))
      firstWritten ||= !useBrowser
      stepDone(job)
      continue
    }
    const file = path.join(root, kind === 'handout' ? 'handouts' : 'summaries', `${meta.id}.md`)
    const input: DocumentInput = {
      root,
      file,
      markdown: await readSource(file, root, options.markdown),
      printCss,
      kind,
      title: audienceTitle(meta, kind),
      version: meta.version,
      updated: meta.updated,
      lang: meta.lang,
      draft: meta.status !== 'approved',
      paper: options.paper ?? 'A4',
      ...(organisation === undefined ? {} : { organisation }),
      ...(options.messages === undefined ? {} : { messages: options.messages }),
      ...(logo === undefined ? {} : { logo })
    }
    const html = await documentHtml(input)
    // A handout printed to PDF is written after it: a long one gets a contents list from its pages.
    const written = !(options.pdf && kind === 'handout')
    job.docs.push({ kind, html, input, written })
    // The browser's outputs follow in source order: the handout before the summary.
    job.docs.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'handout' ? -1 : 1))
    if (written) await run.emit(dist(meta.id, `${kind}.html`), html)
    firstWritten ||= written
    stepDone(job)
  }
  return jobs
}

/** dist/index.html: the guidelines rendered now, with the files written for each, and those left unchanged. */
export async function writeIndex(run: RenderRun, jobs: Job[]): Promise<void> {
  const entries: IndexGuideline[] = jobs.map(({ meta }) => ({
    id: meta.id,
    title: meta.title,
    ...(meta.subtitle ? { subtitle: meta.subtitle } : {}),
    version: meta.version,
    updated: meta.updated,
    status: meta.status,
    files: renderedFileNames.filter((name) => run.report.files.includes(dist(meta.id, name)) || run.options.keptFiles?.has(dist(meta.id, name))),
    ...indexTitles(meta)
  }))
  const all = [...entries, ...(run.options.unchangedGuidelines ?? [])].sort((a, b) => a.id.localeCompare(b.id))
  const { organisation, brand } = run.options
  const logo = organisationLogo(run.root, organisation)
  await run.emit('dist/index.html', renderIndex(all, run.options.index, { organisation: organisation?.name, logo, brandCss: brandCss(brand, ':root'), labels: labelsFor(run.options.lang ?? 'en', run.options.messages) }))
}

/** The config's logo as a data: URL (the config check made sure it is an image in source/images/). */
function organisationLogo(root: string, organisation: RenderOptions['organisation']): string | undefined {
  return organisation?.logo === undefined ? undefined : inlineImage(root, root, organisation.logo)
}

async function readSource(file: string, root: string, inMemory: ReadonlyMap<string, string> | undefined): Promise<string> {
  const given = inMemory?.get(path.relative(root, file).split(path.sep).join('/'))
  if (given !== undefined) return given
  try {
    return await readFile(file, 'utf8')
  } catch (error) {
    throw new Error(`Cannot render ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)} (write the Markdown outputs first)`, {
      cause: error
    })
  }
}
