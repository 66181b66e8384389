import { englishLabels, type Labels } from '../catalogue/labels.ts'

/** What titling needs of a unit of a slide (slides.ts): what it is labelled, the `###` it comes under. */
interface Unit {
  label?: string | undefined
  under?: string | undefined
}

/** Past this many characters, "Section: label" is too long for a title and the label stands alone. */
export const titleCharacters = 60

/** "Section: label", or the label alone when the two together would not fit a title line. */
export function labelledTitle(section: string, label: string): string {
  const joined = `${section}: ${label}`
  return joined.length <= titleCharacters ? joined : label
}

/** The title a later slide of a section gets from what it starts with, before any numbering. */
export function sourceTitle(section: string, page: Unit[]): string | undefined {
  const first = page[0]
  const label = first?.label ?? first?.under
  return label === undefined ? undefined : labelledTitle(section, label)
}

/**
 * The titles of a section's slides: the first is the section's; each later one is named from the
 * source (the `###` heading it starts with or comes under, the caption of the table or list it
 * starts with, its figure's title or alt text). A slide with no such label, or whose title would
 * repeat the one before it, is numbered instead: "Section (part 2 of 3)".
 */
export function continuationTitles(section: string, pages: Unit[][], labels: Labels = englishLabels): string[] {
  const titles = pages.map((page, index) => (index === 0 ? section : sourceTitle(section, page)))
  const numbered = (index: number): string => labels.text('partTitle', { title: section, n: index + 1, total: pages.length })
  return titles.map((title, index) => {
    if (title === undefined) return numbered(index)
    if (index > 0 && title === titles[index - 1]) return labels.text('partTitle', { title, n: index + 1, total: pages.length })
    return title
  })
}

/** The title to measure a page with while packing it: its final title cannot be longer than this. */
export function measuringTitle(section: string, page: Unit[], first: boolean, labels: Labels = englishLabels): string {
  if (first) return section
  const numbered = labels.text('partTitle', { title: section, n: 10, total: 10 })
  const title = sourceTitle(section, page)
  return title === undefined || title.length < numbered.length ? numbered : labels.text('partTitle', { title, n: 10, total: 10 })
}
