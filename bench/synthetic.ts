// Synthetic guidelines for the benchmark (bench/run.ts).
//
// Each guideline is about 10 KB of source and gives a 12–20 slide deck. It uses every part of the
// format (docs/authoring.md): topics whose terms appear in shared text, the :::deck, :::handout,
// :::summary, :::notes and :::recommendation{strength certainty} blocks, footnotes, a list long
// enough to split across slides, an image in source/images/ and words from a shared glossary.
// Shared and handout text is short sentences in common words so the handout stays well under
// the Flesch–Kincaid grade 8 gate. Output depends only on (seed, index): the same call always
// writes the same bytes.
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'

/** Size each guideline is padded to (notes and summary text, which add no slides). */
export const targetBytes = 10 * 1024

interface Topic {
  id: string
  title: string
  terms: [string, string]
}

const topicPool: readonly Topic[] = [
  { id: 'sleep', title: 'Sleep and rest', terms: ['sleep', 'rest'] },
  { id: 'food-and-drink', title: 'Food and drink', terms: ['food', 'water'] },
  { id: 'staying-active', title: 'Staying active', terms: ['walk', 'exercise'] },
  { id: 'pain', title: 'Pain', terms: ['pain', 'pain relief'] },
  { id: 'mood', title: 'Mood and worry', terms: ['mood', 'worry'] },
  { id: 'skin-care', title: 'Skin care', terms: ['skin', 'rash'] },
  { id: 'breathing', title: 'Breathing', terms: ['breath', 'cough'] },
  { id: 'blood-tests', title: 'Blood tests', terms: ['blood test', 'result'] },
  { id: 'fever', title: 'Fever and infection', terms: ['fever', 'infection'] },
  { id: 'work-and-money', title: 'Work and money', terms: ['work', 'money'] },
  { id: 'family', title: 'Family and friends', terms: ['family', 'support'] },
  { id: 'travel', title: 'Travel', terms: ['travel', 'trip'] },
  { id: 'tiredness', title: 'Tiredness', terms: ['tiredness', 'energy'] },
  { id: 'mouth-care', title: 'Mouth care', terms: ['mouth', 'teeth'] }
]

/** `source/glossary.yml` for the workspace: its terms are among the topic terms above. */
export const glossaryYaml = `# Synthetic glossary for the guidepress benchmark.
fever: A body heat of 38 degrees or more.
infection: Germs that grow in the body and make you ill.
rash: A patch of red or sore skin.
pain relief: Medicine or other help that eases pain.
blood test: A small amount of blood taken from a vein and checked in a lab.
tiredness: Feeling weak or worn out, even after rest.
`

/** A small SVG, written to `source/images/` of the workspace. */
export const imageSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 200" width="400" height="200" role="img">
  <title>Three steps of care</title>
  <rect x="10" y="60" width="110" height="80" rx="12" fill="#dbe9f6" stroke="#1d4f91" stroke-width="3"/>
  <rect x="145" y="60" width="110" height="80" rx="12" fill="#dbe9f6" stroke="#1d4f91" stroke-width="3"/>
  <rect x="280" y="60" width="110" height="80" rx="12" fill="#dbe9f6" stroke="#1d4f91" stroke-width="3"/>
  <path d="M120 100h25M255 100h25" stroke="#1d4f91" stroke-width="4"/>
</svg>
`
export const imageName = 'care-steps.svg'

// Plain words for shared and handout text ({t} is a topic term, {n} a small number).
const sharedSentences = [
  'Tell your team if your {t} changes.',
  'Your team can help with {t}.',
  'Many people have a change in {t} at some time.',
  'Small steps with {t} can make a big difference.',
  'Write down what you notice about {t} each day.',
  'Ask us what is normal for your {t}.',
  'We check your {t} at each visit.',
  'Good care of your {t} helps you feel well.'
]
const handoutSentences = [
  'You do not have to cope alone.',
  'Ask for help when you need it.',
  'Keep a short note of how you feel each day.',
  'Bring a friend to your next visit if you like.',
  'Call the clinic if you feel worse.',
  'Most people find this gets easier with time.',
  'It is fine to ask the same thing twice.',
  'Take your time and rest when you need to.',
  'Call us in {n} days if there is no change.',
  'Your nurse will give you a phone number to call.'
]
const bullets = [
  'Ask about {t} at every visit.',
  'Note any change in {t}.',
  'Give simple advice on {t}.',
  'Check {t} again after {n} weeks.',
  'Give written facts about {t}.',
  'Agree a plan for {t} with the person.',
  'Look at {t} again when treatment changes.',
  'Ask the family how {t} has been.',
  'Keep the plan for {t} short and clear.',
  'Share the plan for {t} with the GP.',
  'Say who to call about {t} at night.'
]
// Clinician and presenter text: longer words are fine here (no readability gate).
const summarySentences = [
  'Assess {t} at each review and document changes in the shared care record.',
  'Observational cohorts support structured assessment of {t}, although randomised evidence is limited.',
  'Consider specialist referral when {t} fails to improve within {n} weeks despite first-line measures.',
  'Medication review should precede escalation, particularly in older adults with polypharmacy.',
  'Validated questionnaires improve detection compared with unstructured enquiry.',
  'Document the agreed management plan and the threshold for urgent reassessment.'
]
const notesSentences = [
  'Ask the audience how they raise {t} in a busy clinic.',
  'Stress that problems with {t} are common and usually treatable.',
  'Give one local example of a referral pathway for {t}.',
  'Pause here for questions before moving on.',
  'Point out that the handout uses the same words as this slide.',
  'Remind the room that the summary holds the evidence and the doses.'
]
const deckSentences = ['Audit of {t} is due in {n} months.', 'Local lead for {t}: see the intranet page.']
const recommendationSentences = [
  'Offer a written plan for {t} to every person who asks for one.',
  'Ask about {t} at every review and act on any change.',
  'Refer people with a lasting problem with {t} to the right team.'
]
const strengths = ['strong', 'conditional'] as const
const certainties = ['high', 'moderate', 'low', 'very-low'] as const
const references = [
  'National Institute for Health and Care Excellence. Supportive care in adults. Guideline 123, 2024.',
  'European Society for Medical Oncology. Patient-reported outcomes in routine care. Ann Oncol 2023;34:1–12.',
  'Synthetic Collaborative Group. Structured review in outpatient clinics, a cohort study. BMJ Open 2022;12:e045678.'
]

/** mulberry32: a small, fast, seeded generator (the same seed always gives the same sequence). */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

class Writer {
  constructor(private readonly next: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)]
    if (item === undefined) throw new Error('pick from an empty list')
    return item
  }
  /** `count` items without repeats (fewer if the pool is smaller). */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items]
    const chosen: T[] = []
    while (chosen.length < count && pool.length > 0) chosen.push(...pool.splice(Math.floor(this.next() * pool.length), 1))
    return chosen
  }
  fill(template: string, term: string): string {
    return template.replaceAll('{t}', term).replaceAll('{n}', String(this.int(2, 6)))
  }
  /** `count` sentences from a pool, each with one of the topic's terms filled in. */
  sentences(pool: readonly string[], count: number, topic: Topic): string[] {
    return this.sample(pool, count).map((template, index) => this.fill(template, topic.terms[index % 2] ?? topic.terms[0]))
  }
}

interface Section {
  topic: Topic
  shared: string[]
  bullets: string[]
  image: boolean
  handout: string[]
  summary: string[]
  deck: string
  notes: string[]
  recommendation?: { text: string; strength: string; certainty: string }
  citation: number
}

export function guidelineId(index: number): string {
  return `synthetic-${String(index + 1).padStart(3, '0')}`
}

/** The text of synthetic guideline `index` (0-based) for `seed`. */
export function syntheticGuideline(index: number, seed = 1): string {
  const w = new Writer(random(seed * 100_003 + index))
  const topics = w.sample(topicPool, 5)
  const longList = w.int(0, topics.length - 1)
  const imageAt = (longList + 1 + w.int(0, topics.length - 2)) % topics.length
  const sections: Section[] = topics.map((topic, i) => ({
    topic,
    // Both terms reach every output through the shared text.
    shared: [w.fill(w.pick(sharedSentences), topic.terms[0]), ...w.sentences(sharedSentences, 2, { ...topic, terms: [topic.terms[1], topic.terms[0]] })],
    bullets: w.sentences(bullets, i === longList ? w.int(9, 11) : w.int(3, 4), topic),
    image: i === imageAt,
    handout: w.sentences(handoutSentences, w.int(5, 7), topic),
    summary: w.sentences(summarySentences, 3, topic),
    deck: w.fill(w.pick(deckSentences), topic.terms[0]),
    notes: w.sentences(notesSentences, 3, topic),
    ...(i % 2 === 0 || i === longList
      ? { recommendation: { text: w.fill(w.pick(recommendationSentences), topic.terms[0]), strength: w.pick(strengths), certainty: w.pick(certainties) } }
      : {}),
    citation: i % references.length
  }))
  // Pad to the target size with clinician and presenter text, which adds no slides.
  let text = render(index, seed, sections)
  for (let round = 0; Buffer.byteLength(text) < targetBytes && round < 200; round++) {
    const section = sections[round % sections.length]
    if (!section) break
    if (round % 2 === 0) section.summary.push(w.fill(w.pick(summarySentences), w.pick(section.topic.terms)))
    else section.notes.push(w.fill(w.pick(notesSentences), w.pick(section.topic.terms)))
    text = render(index, seed, sections)
  }
  return text
}

function render(index: number, seed: number, sections: Section[]): string {
  const id = guidelineId(index)
  const lines: string[] = [
    '---',
    `title: Synthetic guideline ${index + 1}`,
    `subtitle: Benchmark guideline ${id}, seed ${seed}`,
    'version: 1.0.0',
    'updated: 2026-01-15',
    'status: draft',
    'lang: en-GB',
    'topics:'
  ]
  for (const { topic } of sections) lines.push(`  - id: ${topic.id}`, `    title: ${topic.title}`, `    terms: [${topic.terms.join(', ')}]`)
  lines.push('---', '')
  for (const section of sections) {
    lines.push(`## ${section.topic.title} {#${section.topic.id}}`, '')
    lines.push(`${section.shared.join(' ')}[^ref${section.citation + 1}]`, '')
    lines.push(...section.bullets.map((bullet) => `- ${bullet}`), '')
    if (section.image) lines.push(`![Three boxes joined by lines, one for each step of care](images/${imageName})`, '')
    lines.push(':::handout', section.handout.join(' '), ':::', '')
    lines.push(':::summary', section.summary.join(' '), ':::', '')
    lines.push(':::deck', section.deck, ':::', '')
    lines.push(':::notes', section.notes.join(' '), ':::', '')
    const rec = section.recommendation
    if (rec) lines.push(`:::recommendation{strength="${rec.strength}" certainty="${rec.certainty}"}`, `${rec.text}[^ref${section.citation + 1}]`, ':::', '')
  }
  lines.push('## Questions to ask', '', ':::handout')
  lines.push('- What should I do if I feel worse at night?', '- Who do I call with a question?', '- When is my next visit?')
  lines.push(':::', '')
  const cited = [...new Set(sections.map((section) => section.citation))].sort()
  for (const n of cited) lines.push(`[^ref${n + 1}]: ${references[n] ?? ''}`)
  return `${lines.join('\n')}\n`
}

/** The same guideline with one more sentence at the end of its first shared paragraph. */
export function editGuideline(text: string, note = 'Ask us about this at your next visit.'): string {
  return text.replace(/\[\^ref\d+\]\n/, (citation) => ` ${note}${citation}`)
}

export interface Workspace {
  root: string
  ids: string[]
  bytes: number
}

/** Writes `count` guidelines, the glossary and the image into `root/source/`. */
export async function writeWorkspace(root: string, count: number, seed = 1): Promise<Workspace> {
  const source = path.join(root, 'source')
  await mkdir(path.join(source, 'images'), { recursive: true })
  await writeFile(path.join(source, 'glossary.yml'), glossaryYaml)
  await writeFile(path.join(source, 'images', imageName), imageSvg)
  const ids: string[] = []
  let bytes = 0
  for (let index = 0; index < count; index++) {
    const text = syntheticGuideline(index, seed)
    ids.push(guidelineId(index))
    bytes += Buffer.byteLength(text)
    await writeFile(path.join(source, `${guidelineId(index)}.md`), text)
  }
  return { root, ids, bytes }
}
