import type { AlertLevel } from '../format/directives.ts'

/**
 * The words guidepress itself writes into patient outputs, per language: one table, so a message
 * catalogue can take it over later. A language not listed reads English (`wordsFor`).
 */
export interface ReaderWords {
  /** The action heading of each alert level; `{number}` is the emergency number. */
  alertHeadings: Record<AlertLevel, string>
  /** The emergency heading where no number is known (config and `lang` give none). */
  emergencyWithoutNumber: string
  contactsTitle: string
  contactsIntro: string
  keyWorker: string
  dayAndNightNumber: string
  contactColumn: string
  writeHereColumn: string
  helplinesTitle: string
  /** Before the other names of a glossary term: "Also called endocrine therapy." */
  alsoCalled: string
  aboutTitle: string
  whoFor: string
  basedOn: (title: string) => string
  writtenBy: string
  checkedBy: string
  version: string
  updated: string
  nextReview: string
  /** The handout's heading over the sources its text cites. */
  sourcesTitle: string
  /** The printed handout's contents list and notes page (render/document/parts.ts). */
  contents: string
  page: string
  notes: string
  questions: string
  moreNotes: string
}

const english: ReaderWords = {
  alertHeadings: { emergency: 'Call {number} now', urgent: 'Call your 24-hour number now', soon: 'Tell your team soon' },
  emergencyWithoutNumber: 'Call an ambulance now',
  contactsTitle: 'Your contacts',
  contactsIntro: 'Write your contacts here so you have them when you need them.',
  keyWorker: 'Key worker’s name',
  dayAndNightNumber: '24-hour number',
  contactColumn: 'Contact',
  writeHereColumn: 'Write it here',
  helplinesTitle: 'Support and information',
  alsoCalled: 'Also called',
  aboutTitle: 'About this leaflet',
  whoFor: 'This leaflet is for people who have this condition or may have it, and for their families and carers.',
  basedOn: (title) => `It is based on the clinical guideline “${title}” and the sources it cites.`,
  writtenBy: 'Written by',
  checkedBy: 'Checked by',
  version: 'Version',
  updated: 'Updated',
  nextReview: 'Next review',
  sourcesTitle: 'Where this information comes from',
  contents: 'Contents',
  page: 'page',
  notes: 'Notes',
  questions: 'Questions to ask',
  moreNotes: 'Other notes'
}

const german: ReaderWords = {
  alertHeadings: { emergency: 'Rufen Sie jetzt die {number} an', urgent: 'Rufen Sie jetzt Ihre 24-Stunden-Nummer an', soon: 'Sagen Sie es bald Ihrem Behandlungsteam' },
  emergencyWithoutNumber: 'Rufen Sie jetzt den Notruf an',
  contactsTitle: 'Ihre Kontakte',
  contactsIntro: 'Schreiben Sie Ihre Kontakte hier auf, damit Sie sie zur Hand haben.',
  keyWorker: 'Name Ihrer Ansprechperson',
  dayAndNightNumber: '24-Stunden-Nummer',
  contactColumn: 'Kontakt',
  writeHereColumn: 'Hier eintragen',
  helplinesTitle: 'Hilfe und Information',
  alsoCalled: 'Auch genannt:',
  aboutTitle: 'Über dieses Merkblatt',
  whoFor: 'Dieses Merkblatt ist für Menschen, die diese Erkrankung haben oder haben könnten, und für ihre Familien und Angehörigen.',
  basedOn: (title) => `Es beruht auf der Leitlinie „${title}“ und den dort genannten Quellen.`,
  writtenBy: 'Geschrieben von',
  checkedBy: 'Geprüft von',
  version: 'Version',
  updated: 'Stand',
  nextReview: 'Nächste Überprüfung',
  sourcesTitle: 'Woher diese Informationen stammen',
  contents: 'Inhalt',
  page: 'Seite',
  notes: 'Notizen',
  questions: 'Fragen, die ich stellen möchte',
  moreNotes: 'Weitere Notizen'
}

const french: ReaderWords = {
  alertHeadings: { emergency: 'Appelez le {number} maintenant', urgent: 'Appelez maintenant votre numéro joignable 24 h sur 24', soon: 'Prévenez bientôt votre équipe soignante' },
  emergencyWithoutNumber: 'Appelez les urgences maintenant',
  contactsTitle: 'Vos contacts',
  contactsIntro: 'Notez vos contacts ici pour les avoir sous la main.',
  keyWorker: 'Nom de votre référent',
  dayAndNightNumber: 'Numéro joignable 24 h sur 24',
  contactColumn: 'Contact',
  writeHereColumn: 'À remplir',
  helplinesTitle: 'Aide et information',
  alsoCalled: 'Aussi appelé\u00a0:',
  aboutTitle: 'À propos de ce document',
  whoFor: 'Ce document s’adresse aux personnes qui ont cette maladie ou pourraient l’avoir, ainsi qu’à leur famille et à leurs proches.',
  basedOn: (title) => `Il s’appuie sur la recommandation clinique « ${title} » et ses sources.`,
  writtenBy: 'Rédigé par',
  checkedBy: 'Relu par',
  version: 'Version',
  updated: 'Mis à jour le',
  nextReview: 'Prochaine révision',
  sourcesTitle: 'D’où viennent ces informations',
  contents: 'Sommaire',
  page: 'page',
  notes: 'Notes',
  questions: 'Questions à poser',
  moreNotes: 'Autres notes'
}

const spanish: ReaderWords = {
  alertHeadings: { emergency: 'Llame ahora al {number}', urgent: 'Llame ahora a su número de 24 horas', soon: 'Avise pronto a su equipo médico' },
  emergencyWithoutNumber: 'Llame ahora a emergencias',
  contactsTitle: 'Sus contactos',
  contactsIntro: 'Anote aquí sus contactos para tenerlos a mano.',
  keyWorker: 'Nombre de su persona de referencia',
  dayAndNightNumber: 'Número de 24 horas',
  contactColumn: 'Contacto',
  writeHereColumn: 'Escríbalo aquí',
  helplinesTitle: 'Ayuda e información',
  alsoCalled: 'También llamado:',
  aboutTitle: 'Sobre este folleto',
  whoFor: 'Este folleto es para las personas que tienen esta enfermedad o podrían tenerla, y para sus familias y cuidadores.',
  basedOn: (title) => `Se basa en la guía clínica «${title}» y en las fuentes que cita.`,
  writtenBy: 'Escrito por',
  checkedBy: 'Revisado por',
  version: 'Versión',
  updated: 'Actualizado',
  nextReview: 'Próxima revisión',
  sourcesTitle: 'De dónde viene esta información',
  contents: 'Índice',
  page: 'página',
  notes: 'Notas',
  questions: 'Preguntas para hacer',
  moreNotes: 'Otras notas'
}

const wordsByLanguage: Record<string, ReaderWords> = { en: english, de: german, fr: french, es: spanish }

/** The words for a BCP 47 tag, by its language subtag (`de-AT` reads German); English otherwise. */
export function wordsFor(lang: string): ReaderWords {
  return wordsByLanguage[primaryLanguage(lang)] ?? english
}

function primaryLanguage(lang: string): string {
  return localeOf(lang)?.language ?? lang.split('-')[0]?.toLowerCase() ?? ''
}

/** Intl.Locale reads the tag's parts (`en-Latn-GB` is English); undefined for a tag it refuses. */
function localeOf(lang: string): Intl.Locale | undefined {
  try {
    return new Intl.Locale(lang)
  } catch {
    return undefined
  }
}
