// The words guidepress itself writes into its outputs (never the author's text), in English: the
// reference every other language's catalogue is typed against (de.ts, fr.ts, es.ts). `{name}` is a
// placeholder a caller fills (labels.ts); a translation keeps the same placeholders, in any order.
export const english = {
  // Shared by several outputs
  draftMark: 'Draft – not clinically approved',
  references: 'References',
  version: 'Version',
  statusDraft: 'draft',
  statusInReview: 'in review',
  statusApproved: 'approved',
  strengthStrong: 'Strong recommendation',
  strengthConditional: 'Conditional recommendation',
  strengthUnknown: 'Recommendation',
  certaintyHigh: 'High certainty',
  certaintyModerate: 'Moderate certainty',
  certaintyLow: 'Low certainty',
  certaintyVeryLow: 'Very low certainty',

  // Deck (Markdown)
  agenda: 'Agenda',
  keyMessages: 'Key messages',
  deckKind: 'Slides for clinicians',
  deckDescription: 'Slides for clinicians · version {version} · updated {updated}',
  deckFooter: '{title} · v{version} · {status}',
  titleSlideLine: 'Version {version} · updated {date} · {status}',
  approvedBy: 'approved by {reviewers}',
  partTitle: '{title} (part {n} of {total})',
  recommendationTitle: 'Recommendation: {section}',
  recommendationNumberedTitle: 'Recommendation {n}: {section}',
  recommendationsPlainTitle: 'Recommendations: {section}',
  recommendationsTitle: 'Recommendations {from}–{to}: {section}',
  noteNumbered: 'Recommendation {n}: {text}',
  noteStrengthCertainty: '{strength}, {certainty}',
  noteCertaintyHigh: 'high certainty of evidence',
  noteCertaintyModerate: 'moderate certainty of evidence',
  noteCertaintyLow: 'low certainty of evidence',
  noteCertaintyVeryLow: 'very low certainty of evidence',
  noteSources: 'Sources: {sources}',
  noteNoSources: 'No sources cited.',

  // Clinician summary
  summaryKind: 'Clinician summary',
  summaryLine: 'version {version} · updated {date} · {status}',
  approvedReviewedBy: 'Approved; reviewed by {reviewers}',
  keyRecommendations: 'Key recommendations',
  panelSection: 'Section',
  panelRecommendation: 'Recommendation',
  panelStrengthCertainty: 'Strength · certainty',

  // Patient handout
  handoutKind: 'Patient handout',
  draftNotice: 'A doctor has not yet checked this handout. Talk with your care team before you act on it.',
  wordsToKnow: 'Words to know',
  alsoCalled: 'Also called {names}.',
  alertEmergency: 'Call {number} now',
  alertUrgent: 'Call your 24-hour number now',
  alertSoon: 'Tell your team soon',
  alertEmergencyWithoutNumber: 'Call an ambulance now',
  contactsTitle: 'Your contacts',
  contactsIntro: 'Write your contacts here so you have them when you need them.',
  keyWorker: 'Key worker’s name',
  dayAndNightNumber: '24-hour number',
  contactColumn: 'Contact',
  writeHereColumn: 'Write it here',
  helplinesTitle: 'Support and information',
  aboutTitle: 'About this leaflet',
  whoFor: 'This leaflet is for people who have this condition or may have it, and for their families and carers.',
  basedOn: 'It is based on the clinical guideline “{title}” and the sources it cites.',
  writtenBy: 'Written by',
  checkedBy: 'Checked by',
  updated: 'Updated',
  nextReview: 'Next review',
  sourcesTitle: 'Where this information comes from',
  contents: 'Contents',
  page: 'page',
  notes: 'Notes',
  questions: 'Questions to ask',
  moreNotes: 'Other notes',

  // Printed pages (handout, summary, presenter.pdf) and HTML documents
  handoutLabel: 'Handout',
  summaryLabel: 'Summary',
  documentHead: '{kind} · version {version} · updated {date}',
  runningHead: '{title} · version {version} · updated {date}',
  pageOf: 'Page {n} of {total}',
  pdfSubject: '{kind} · version {version}',
  footnotesTitle: 'Notes',
  footnoteBack: 'Back to text',
  footnoteBackShort: 'Back',

  // Presenter notes (presenter.pdf) and the slide show (deck.html)
  presenterNotes: 'Presenter notes',
  speakerNotes: 'Speaker notes',
  noSpeakerNotes: 'No speaker notes.',
  notesCutShort: 'Notes cut short: too long for this page (see deck.pdf).',
  slideNumber: 'Slide {n}',
  slideOf: 'Slide {n} of {total}',
  slidesRange: 'Slides {from}–{to}',
  presenterTime: 'Time',
  previousSlide: '← Previous',
  nextSlide: 'Next →',
  presenterKeys: 'f: fullscreen · r: restart timer',

  // The library's index page (dist/index.html), in the project's language
  indexTitle: 'Clinical guidelines',
  indexPageTitle: 'guidepress – all guidelines',
  indexCountOne: '{count} guideline, built by guidepress.',
  indexCountOther: '{count} guidelines, built by guidepress.',
  indexGuidelines: 'Guidelines',
  indexCoverage: 'Coverage',
  indexReadability: 'Readability',
  slides: 'Slides',
  indexPowerPoint: 'PowerPoint',
  indexPresenterPdf: 'Presenter notes (PDF)',
  indexInReview: 'In review – not clinically approved',
  indexApproved: 'Approved',
  indexMeta: 'Version {version} · updated {date}',
  indexNoFiles: 'No rendered files.',
  indexGuideline: 'Guideline',
  indexTerm: 'Term',
  indexOutput: 'Output',
  indexMetric: 'Metric',
  indexValue: 'Value',
  indexTarget: 'Target',
  indexYes: 'yes',
  indexMissing: 'missing',
  indexNotComputed: 'Not computed in this build. The quality gates fill this section.'
} as const

/** The name of one label. */
export type MessageKey = keyof typeof english

/** A complete catalogue: every key, each a string (tsc refuses a language that leaves one out). */
export type Catalogue = { readonly [K in MessageKey]: string }

/** The placeholder names of a template: `'{n} of {total}'` → `'n' | 'total'`. */
export type Placeholders<T extends string> = T extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never

/** What `label` takes after the key: nothing for a plain label, its named values for a template. */
export type ParamsOf<K extends MessageKey> = [Placeholders<(typeof english)[K]>] extends [never] ? [] : [Record<Placeholders<(typeof english)[K]>, string | number>]

/** The keys of labels without placeholders (a badge's words, a heading). */
export type PlainKey = { [K in MessageKey]: [Placeholders<(typeof english)[K]>] extends [never] ? K : never }[MessageKey]
