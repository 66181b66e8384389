// The part of citation-js (which ships no types) that guidepress uses.
declare module '@citation-js/core' {
  /** A CSL-JSON item: `id` and `type`, and any CSL variables. */
  export interface CslItem {
    id: string
    type?: string
    DOI?: string
    URL?: string
    author?: Array<Record<string, unknown>>
    [variable: string]: unknown
  }
  export interface BibliographyOptions {
    template: string
    lang: string
    format: 'text'
    asEntryArray: true
    nosort: true
    entry: string[]
  }
  export class Cite {
    constructor(data: CslItem[], options: { forceType: '@csl/list+object'; generateGraph: false })
    format(format: 'bibliography', options: BibliographyOptions): Array<[string, string]>
  }
  export const plugins: {
    input: { chain(input: unknown, options: { forceType: string; generateGraph: false }): CslItem[] }
  }
}
declare module '@citation-js/plugin-bibtex'
declare module '@citation-js/plugin-csl'
