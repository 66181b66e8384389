import type { GuidelineResult } from '../../../transforms/pipeline.ts'
import { termPattern, visibleText } from '../../../transforms/format/text.ts'
import type { Audience } from '../../../transforms/types.ts'
import type { FigureChange } from './types.ts'

/** Readability grade, coverage of every topic term either side has, and slide count, where they moved. */
export function figureChanges(audience: Audience, old: GuidelineResult, now: GuidelineResult): FigureChange[] {
  const figures: FigureChange[] = []
  const oldGrade = old.readability[audience]?.grade ?? null
  const newGrade = now.readability[audience]?.grade ?? null
  if (oldGrade !== null && newGrade !== null && oldGrade.toFixed(1) !== newGrade.toFixed(1)) {
    figures.push({ kind: 'readability', old: oldGrade, new: newGrade, text: `${audience} grade ${oldGrade.toFixed(1)} → ${newGrade.toFixed(1)}` })
  }
  const oldTree = old.shaped[audience]
  const newTree = now.shaped[audience]
  if (oldTree && newTree) {
    const oldText = visibleText(oldTree)
    const newText = visibleText(newTree)
    const topics = new Map([...old.meta.topics, ...now.meta.topics].map((topic) => [topic.id, new Set<string>()]))
    for (const topic of [...old.meta.topics, ...now.meta.topics]) for (const term of topic.terms) topics.get(topic.id)?.add(term)
    for (const [topic, terms] of topics) {
      for (const term of terms) {
        const before = termPattern(term).test(oldText)
        const after = termPattern(term).test(newText)
        if (before === after) continue
        figures.push({ kind: 'coverage', topic, term, old: before, new: after, text: coverageFigureText(topic, term, after, audience) })
      }
    }
  }
  if (audience === 'deck' && old.slides && now.slides && old.slides.slides !== now.slides.slides) {
    figures.push({ kind: 'slides', old: old.slides.slides, new: now.slides.slides, text: `deck ${old.slides.slides} → ${now.slides.slides} slides` })
  }
  return figures
}

/** "topic moving: term “walk” no longer in handout"; the Markdown report passes the term escaped. */
export function coverageFigureText(topic: string, term: string, found: boolean, audience: Audience): string {
  return `topic ${topic}: term “${term}” ${found ? 'now' : 'no longer'} in ${audience}`
}
