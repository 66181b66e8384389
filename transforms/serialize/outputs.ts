import { audiences, type Audience } from '../types.ts'

/** Every rendered file guidepress can make in `dist/<id>/`, in the order `dist/index.html` lists them. */
export const renderedFileNames = ['deck.html', 'deck.pdf', 'deck.pptx', 'presenter.pdf', 'handout.html', 'handout.pdf', 'summary.html', 'summary.pdf']

/** The rendered files in `dist/<id>/` made from one output's Markdown (presenter.pdf from the deck's). */
export function renderedFilesOf(audience: Audience): string[] {
  return renderedFileNames.filter((name) => name.startsWith(`${audience}.`) || (audience === 'deck' && name === 'presenter.pdf'))
}

/** The output a rendered file of `dist/<id>/` is made from (`presenter.pdf` → deck), if it is one. */
export function audienceOfRenderedFile(name: string): Audience | undefined {
  return audiences.find((audience) => renderedFilesOf(audience).includes(name))
}

/** The source map of one output in `dist/<id>/` (see `source-map.ts`). */
export function sourceMapName(audience: Audience): string {
  return `${audience}.map.json`
}

/** Every file guidepress can make in `dist/<id>/`; only these are ever removed from it. */
export const distFileNames: readonly string[] = [...renderedFileNames, ...audiences.map(sourceMapName)]
