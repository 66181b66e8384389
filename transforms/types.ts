import type { RootContent } from 'mdast'
import type { Position } from 'unist'
import type { GuidelineMeta } from './input/front-matter-schema.ts'

export type { GuidelineMeta, Topic } from './input/front-matter-schema.ts'

/** The three things a guideline becomes. */
export const audiences = ['deck', 'handout', 'summary'] as const
export type Audience = (typeof audiences)[number]

/** Every message guidepress reports carries this `source`, so reporters can group them. */
export const messageSource = 'guidepress'

/** A `##` section of a guideline body: a topic's section when it has a `{#id}`, untracked otherwise. */
export interface Section {
  title: string
  topicId: string | undefined
  line: number
  column: number
  /** The `##` heading in the source; output headings made from it carry it, so source maps can find them. */
  position: Position | undefined
  children: RootContent[]
}

/** Glossary: term → plain-language explanation, in file order. */
export type Glossary = ReadonlyMap<string, string>

declare module 'vfile' {
  interface DataMap {
    /** Validated front matter; absent when the front matter has errors. */
    meta: GuidelineMeta
    /** Topic ids declared in front matter, even when other fields are invalid (so body checks still run). */
    topicIds: string[] | undefined
    /** The body with front-matter lines blanked, so body positions are file positions. */
    body: string | undefined
    /** Absolute path of the `source/` folder, for the image rule (the file's own folder when not set). */
    sourceDir: string | undefined
  }
}

/** One Markdown output the pipeline makes; cli/project/write.ts puts it on disk. */
export interface OutputFile {
  /** Path relative to the project root, with `/` separators. */
  path: string
  text: string
}
