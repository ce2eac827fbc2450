import type { DeclineReason, DwellingType, RejectionReason } from '../../shared/domain/vocabulary'
import type { Random } from './random'

/**
 * What corporations and clients say in the demo's history: the motivations an officer would read
 * back in the quarterly report. Never a client's personal details, as in the real trail.
 */

export interface DwellingSketch {
  address: string
  complex: string | null
  type: DwellingType
  floor: number
  hasLift: boolean
}

type Say = (rnd: Random, d: DwellingSketch) => string

const street = (d: DwellingSketch) => d.address.replace(/\s+\d.*$/, '')
const few = (rnd: Random) => rnd.pick(['twee', 'drie', 'drie', 'vier'])
const block = (d: DwellingSketch) => (d.complex ? d.complex.toLowerCase() : 'dit blok')

/** The whole shortlist rejected: a reason and the corporation's motivation (Bijlage 5, step 3). */
const REJECT_ALL: readonly (readonly [RejectionReason, number, readonly Say[]])[] = [
  [
    'spreiding-complex',
    32,
    [
      (rnd) => `Al ${few(rnd)} bijzondere plaatsingen in deze portiek`,
      (rnd, d) =>
        `In ${block(d)} wonen al ${few(rnd)} huurders met begeleiding; we willen eerst rust in het complex`,
      (_r, d) => `Buurtbeheer vraagt even geen nieuwe bijzondere plaatsingen aan de ${street(d)}`,
      () => 'Wijkteam meldt spanningen in de portiek; nu geen plaatsing met begeleiding',
      (rnd) =>
        `Vorig jaar ${few(rnd)} plaatsingen in deze straat, waarvan één met veel overlast; nu liever een reguliere huurder`,
    ],
  ],
  [
    'begeleiding-onvoldoende',
    26,
    [
      () => 'Begeleiding nog niet rond',
      () => 'Voor geen van de kandidaten is 24/7 bereikbaarheid van de begeleiding vastgelegd',
      () =>
        'Kandidaten hebben intensieve begeleiding nodig; het ambulante team heeft pas over twee maanden plek',
      () =>
        'Begeleidingsplan ontbreekt bij alle kandidaten; eerst een plan, dan opnieuw voordragen',
      () => 'Geen vast contactpersoon voor buren en corporatie genoemd bij de zorgaanbieders',
    ],
  ],
  [
    'woning-past-niet',
    20,
    [
      (_r, d) =>
        d.floor >= 2 && !d.hasLift
          ? `${d.floor} hoog zonder lift; voor deze kandidaten niet geschikt`
          : 'Gehorige woning; voor deze kandidaten te veel prikkels',
      () => 'Woning ligt boven een café; te onrustig voor deze kandidaten',
      (_r, d) =>
        d.type === 'eengezinswoning' || d.type === 'benedenwoning'
          ? 'Grote tuin met achterom; onderhoud en overzicht zijn voor deze kandidaten te veel'
          : d.type === 'bovenwoning'
            ? 'Steile trap en een gedeelde opgang met de benedenburen; voor deze kandidaten niet geschikt'
            : 'Galerij met veel aanloop; past niet bij kandidaten die net uit de opvang komen',
      () => 'Coffeeshop op de hoek; niet passend bij de verslavingsachtergrond van de kandidaten',
    ],
  ],
  [
    'huurschuld-of-overlast',
    12,
    [
      () => 'Oude huurschuld bij ons of een overlastdossier in dezelfde buurt bij deze kandidaten',
      () => 'Bij alle kandidaten een lopende betalingsregeling die nog niet is afgerond',
      () => 'Eerdere ontruiming wegens overlast; eerst een Housing First-traject',
    ],
  ],
  [
    'kandidaat-niet-bereikbaar',
    5,
    [
      () => 'Geen van de kandidaten gereageerd op de uitnodiging voor de kennismaking',
      () => 'Kennismaking twee keer verzet; de kandidaten zijn niet bereikbaar via hun begeleider',
    ],
  ],
  [
    'anders',
    5,
    [
      () => 'Buren hebben net een buurtbemiddelingstraject lopen; eerst rust in de portiek',
      () => 'De kandidaten zoeken in een andere wijk; de kans op weigering is te groot',
      () => 'Woning blijkt bij nader inzien een gezinswoning; liever aan een gezin met begeleiding',
    ],
  ],
]

/** "Geen match" with one candidate: a reason and a short note. */
const REJECT_ONE: readonly (readonly [RejectionReason, number, readonly string[]])[] = [
  [
    'kandidaat-niet-bereikbaar',
    35,
    [
      'Niet verschenen bij de bezichtiging',
      'Drie keer gebeld en gemaild, geen reactie',
      'Begeleider kon de kandidaat niet bereiken voor de kennismaking',
    ],
  ],
  [
    'huurschuld-of-overlast',
    25,
    [
      'Huurschuld bij een eerdere verhuurder nog niet afgelost',
      'Overlastmelding bij de vorige woning in dezelfde buurt',
    ],
  ],
  [
    'woning-past-niet',
    20,
    [
      'Kandidaat heeft een hond; in dit complex zijn huisdieren niet toegestaan',
      'Te ver van de dagbesteding en het netwerk van de kandidaat',
    ],
  ],
  [
    'begeleiding-onvoldoende',
    15,
    [
      'Begeleiding stopt over drie maanden; wij vragen minstens een jaar',
      'Zorgaanbieder kan de gevraagde intensiteit niet leveren',
    ],
  ],
  ['anders', 5, ['Kandidaat kiest liever voor een plek in een woongroep']],
]

/**
 * Why a client declines the one-time offer; a note in about half of the cases, always with "anders".
 * About half the declines have a reason Het Vierde Huis accepts; the others use up the offer.
 */
const DECLINE: readonly (readonly [DeclineReason, number, readonly string[]])[] = [
  [
    'niet-passend-na-bezichtiging',
    20,
    ['Geen aparte slaapkamer voor de kinderen in de omgangsweekenden', 'Trap te steil'],
  ],
  ['medisch', 10, ['Opgenomen in de kliniek; voorlopig niet zelfstandig']],
  [
    'veiligheid',
    10,
    ['Te dicht bij het oude netwerk van gebruik', 'Ex-partner woont in de straat'],
  ],
  ['begeleiding-niet-rond', 5, ['Wil eerst het traject bij de zorgaanbieder afronden']],
  ['anders', 5, ['Huur met servicekosten te hoog naast de schuldregeling']],
  [
    'wijk-niet-gewenst',
    25,
    ['Wil niet terug naar deze wijk', 'Te ver van de kinderen', 'Te ver van werk en dagbesteding'],
  ],
  ['woning-niet-gewenst', 10, ['Had liever een benedenwoning', 'Vindt de woning te gehorig']],
  ['niet-gereageerd', 10, ['Binnen de reactietermijn niet gereageerd']],
  [
    'geen-geldige-reden',
    5,
    ['Heeft via familie zelf een kamer gevonden', 'Wil liever naar een andere gemeente'],
  ],
]

/** Why a corporation withdraws a submitted dwelling. */
const WITHDRAWAL = [
  'Woning nodig voor herhuisvesting van een huurder uit een sloopcomplex',
  'Bij mutatieonderhoud asbest aangetroffen; de woning gaat langdurig in renovatie',
  'Funderingsherstel in het blok; voorlopig niet verhuurbaar',
  'Woning gaat in de verkoop',
  'Interne urgentie na brand elders in het complex',
] as const

export function rejectAllText(rnd: Random, d: DwellingSketch) {
  const [reason, , says] = rnd.weighted(REJECT_ALL.map((row) => [row, row[1]] as const))
  const motivation = rnd.pick(says)(rnd, d)
  return { rejection: { reason, text: reason === 'anders' ? motivation : null }, motivation }
}

export function rejectOneText(rnd: Random) {
  const [reason, , notes] = rnd.weighted(REJECT_ONE.map((row) => [row, row[1]] as const))
  return { reason, text: rnd.pick(notes) }
}

export function declineText(rnd: Random) {
  const [reason, , notes] = rnd.weighted(DECLINE.map((row) => [row, row[1]] as const))
  return {
    reason,
    text:
      reason === 'anders' || reason === 'niet-gereageerd' || rnd.chance(0.5)
        ? rnd.pick(notes)
        : null,
  }
}

export function withdrawalText(rnd: Random): string {
  return rnd.pick(WITHDRAWAL)
}
