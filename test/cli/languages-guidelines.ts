// One guideline per catalogue language with every part guidepress generates: title slide, agenda,
// recommendation slides and badges, key messages, references, alert boxes, words to know (with a
// synonym), sources, contacts with a helpline, "About this leaflet", the clinician summary's key
// recommendations panel, and a next review date. The author's text is in the language; only the
// labels are guidepress's.

export interface LanguageCase {
  lang: string
  id: string
  guideline: string
  glossary: string
  config: string
}

interface Words {
  title: string
  topics: [string, string, string, string]
  bullets: [string, string, string]
  handout: [string, string]
  alert: string
  strong: string
  conditional: string
  note: string
  references: [string, string]
  glossary: [string, string, string]
  helpline: [string, string]
  organisation: string
}

function caseOf(lang: string, id: string, words: Words): LanguageCase {
  const [bones, boneTerm, moving, moveTerm] = words.topics
  const guideline = `---
title: ${words.title}
version: 1.0.0
updated: 2026-01-15
next-review: 2027-06-01
status: draft
lang: ${lang}
authors: [Dr A. Example]
topics:
  - id: bones
    title: ${bones}
    terms: [${boneTerm}]
  - id: moving
    title: ${moving}
    terms: [${moveTerm}]
---

## ${bones} {#bones}

- ${words.bullets[0]}[^guideline]
- ${words.bullets[1]}

:::handout
${words.handout[0]}
:::

:::alert{level="emergency"}
${words.alert}
:::

:::recommendation{strength="strong" certainty="moderate"}
${words.strong}[^guideline]
:::

:::notes
${words.note}
:::

## ${moving} {#moving}

- ${words.bullets[2]}[^study]

:::handout
${words.handout[1]}
:::

:::recommendation{strength="conditional" certainty="low"}
${words.conditional}[^study]
:::

[^guideline]: ${words.references[0]}
[^study]: ${words.references[1]}
`
  const [term, synonym, explanation] = words.glossary
  const glossary = `${term}: { explanation: "${explanation}", synonyms: [${synonym}] }\n`
  const config = `lang: ${lang}\norganisation: { name: ${words.organisation} }\ncontacts:\n  helplines:\n    - { name: ${words.helpline[0]}, phone: "0800 100 200", hours: "${words.helpline[1]}" }\n`
  return { lang, id, guideline, glossary, config }
}

export const languageCases: LanguageCase[] = [
  caseOf('de', 'knochen', {
    title: 'Knochengesundheit',
    topics: ['Starke Knochen', 'Knochen', 'Bewegung im Alltag', 'Bewegung'],
    bullets: ['Knochen brauchen Kalzium und Vitamin D.', 'Eine Knochendichtemessung zeigt, wie fest die Knochen sind.', 'Bewegung stärkt Muskeln und Knochen.'],
    handout: ['Ihre Knochen werden im Alter dünner. Man nennt die Messung auch Osteodensitometrie.', 'Gehen Sie jeden Tag spazieren. Bewegung tut Ihren Knochen gut.'],
    alert: 'Nach einem Sturz mit starken Schmerzen: Bewegen Sie sich nicht.',
    strong: 'Bieten Sie Menschen mit hohem Bruchrisiko eine Knochendichtemessung an.',
    conditional: 'Empfehlen Sie ein Training für Kraft und Gleichgewicht.',
    note: 'Fragen Sie nach Stürzen im letzten Jahr.',
    references: ['Dachverband Osteologie. Leitlinie Osteoporose. 2023.', 'Müller A. Training und Knochen. Z Sportmed. 2022;1:1-5.'],
    glossary: ['Knochendichtemessung', 'Osteodensitometrie', 'Eine Untersuchung, die zeigt, wie fest Ihre Knochen sind.'],
    helpline: ['Krebsinformationsdienst', 'täglich 8 bis 20 Uhr'],
    organisation: 'Klinikum Beispielstadt'
  }),
  caseOf('fr', 'os', {
    title: 'La santé des os',
    topics: ['Des os solides', 'os', 'Bouger au quotidien', 'marche'],
    bullets: ['Les os ont besoin de calcium et de vitamine D.', 'Une densitométrie montre la solidité des os.', 'La marche renforce les muscles et les os.'],
    handout: ['Vos os deviennent plus fins avec l’âge. On parle aussi d’ostéodensitométrie.', 'Faites de la marche chaque jour. Cela aide vos os.'],
    alert: 'Après une chute avec une forte douleur, ne bougez plus.',
    strong: 'Proposez une densitométrie aux personnes à risque élevé de fracture.',
    conditional: 'Proposez un entraînement de la force et de l’équilibre.',
    note: 'Demandez si la personne est tombée cette année.',
    references: ['Société française de rhumatologie. Ostéoporose. 2023.', 'Martin B. Exercice et os. Rev Rhum. 2022;1:1-5.'],
    glossary: ['densitométrie', 'ostéodensitométrie', 'Un examen qui montre la solidité de vos os.'],
    helpline: ['Ligne Info Cancer', 'du lundi au samedi, de 9 h à 19 h'],
    organisation: 'Centre hospitalier Exemple'
  }),
  caseOf('es', 'huesos', {
    title: 'La salud de los huesos',
    topics: ['Huesos fuertes', 'huesos', 'Moverse cada día', 'caminar'],
    bullets: ['Los huesos necesitan calcio y vitamina D.', 'Una densitometría muestra lo fuertes que son los huesos.', 'Caminar fortalece los músculos y los huesos.'],
    handout: ['Sus huesos se vuelven más finos con la edad. También se llama osteodensitometría.', 'Salga a caminar cada día. Es bueno para sus huesos.'],
    alert: 'Tras una caída con mucho dolor, no se mueva.',
    strong: 'Ofrezca una densitometría a las personas con alto riesgo de fractura.',
    conditional: 'Recomiende un entrenamiento de fuerza y equilibrio.',
    note: 'Pregunte por caídas en el último año.',
    references: ['Sociedad Española de Reumatología. Osteoporosis. 2023.', 'García C. Ejercicio y hueso. Rev Esp Reumatol. 2022;1:1-5.'],
    glossary: ['densitometría', 'osteodensitometría', 'Una prueba que muestra lo fuertes que son sus huesos.'],
    helpline: ['Infocáncer', 'de lunes a viernes, de 9 a 19 h'],
    organisation: 'Hospital Ejemplo'
  })
]
