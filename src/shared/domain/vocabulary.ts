/**
 * The domain's closed lists, each with the Dutch label the users read.
 * One definition for the database enums, the zod schemas, the Excel dropdowns and the UI.
 * Source: shared/docs/domain.md §3.
 */

function labelled<const K extends string>(labels: Record<K, string>) {
  const keys = Object.keys(labels) as [K, ...K[]]
  return { keys, labels, label: (key: K): string => labels[key] }
}

/** Utrecht's ten wijken; the share of the corporations' social stock is used by the demo data. */
export const WIJK = labelled({
  binnenstad: 'Binnenstad',
  noordoost: 'Noordoost',
  oost: 'Oost',
  zuid: 'Zuid',
  zuidwest: 'Zuidwest',
  west: 'West',
  noordwest: 'Noordwest',
  overvecht: 'Overvecht',
  'leidsche-rijn': 'Leidsche Rijn',
  'vleuten-de-meern': 'Vleuten-De Meern',
})
export type Wijk = (typeof WIJK.keys)[number]

/** Where a wijk figure in Beheer comes from (spreading): the plan, an estimate, or the officer. */
export const WIJK_FIGURE_SOURCE = labelled({
  'plan-2019': 'Plan van aanpak 2019',
  schatting: 'Schatting, graag controleren',
  beheer: 'Bijgewerkt in Beheer',
})
export type WijkFigureSource = (typeof WIJK_FIGURE_SOURCE.keys)[number]

export const TARGET_GROUP = labelled({
  'uitstroom-mo': 'Uitstroom MO',
  'uitstroom-bw': 'Uitstroom BW',
  vrouwenopvang: 'Vrouwenopvang',
  wlz: 'Wlz',
  forensisch: 'Forensische zorg',
  jongvolwassenen: 'Jongvolwassenen',
  corporatiehotel: 'Uitstroom corporatiehotel',
  'beschermd-thuis': 'Beschermd Thuis (instroom)',
  'housing-first': 'Housing First',
})
export type TargetGroup = (typeof TARGET_GROUP.keys)[number]

/** Instroom: housing at the front door, with a flip dwelling; uitstroom: leaving a facility. */
export const FLOW = labelled({ uitstroom: 'Uitstroom', instroom: 'Instroom' })
export type Flow = (typeof FLOW.keys)[number]

export const SUITABLE_FOR = labelled({
  uitstroom: 'Uitstroom',
  instroom: 'Instroom',
  beide: 'Beide',
})
export type SuitableFor = (typeof SUITABLE_FOR.keys)[number]

export const DWELLING_TYPE = labelled({
  appartement: 'Appartement',
  eengezinswoning: 'Eengezinswoning',
  bovenwoning: 'Bovenwoning',
  benedenwoning: 'Benedenwoning',
  studio: 'Studio',
  kamer: 'Kamer',
})
export type DwellingType = (typeof DWELLING_TYPE.keys)[number]

export const CLIENT_STATUS = labelled({
  wachtend: 'Wachtend',
  voorgedragen: 'Voorgedragen',
  aanbieding: 'Aanbieding',
  gehuisvest: 'Gehuisvest',
  ingetrokken: 'Ingetrokken',
  'on-hold': 'In de wacht',
  /** Uitstroom: declined the one-time offer without a valid reason; off the Vierde Huis list. */
  'aanbieding-benut': 'Eenmalige aanbieding benut',
})
export type ClientStatus = (typeof CLIENT_STATUS.keys)[number]

export const DWELLING_STATUS = labelled({
  ingediend: 'Ingediend',
  'in-voordracht': 'In voordracht',
  aangeboden: 'Aangeboden',
  verhuurd: 'Verhuurd',
  ingetrokken: 'Ingetrokken',
})
export type DwellingStatus = (typeof DWELLING_STATUS.keys)[number]
/** Dwellings whose complex may still get a placement from them: shortlisted or offered. */
export const DWELLING_UNDER_WAY = [
  'in-voordracht',
  'aangeboden',
] as const satisfies DwellingStatus[]

export const SUPPORT_INTENSITY = labelled({
  licht: 'Licht (ambulant, < 3 uur per week)',
  middel: 'Middel (3–6 uur per week)',
  intensief: 'Intensief (> 6 uur per week)',
})
export type SupportIntensity = (typeof SUPPORT_INTENSITY.keys)[number]

export const SHORTLIST_STATUS = labelled({
  concept: 'Concept',
  voorgedragen: 'Voorgedragen',
  gekozen: 'Kandidaat gekozen',
  afgewezen: 'Afgewezen (nieuwe ronde)',
  vervallen: 'Vervallen',
})
export type ShortlistStatus = (typeof SHORTLIST_STATUS.keys)[number]

export const CANDIDATE_DECISION = labelled({
  open: 'Open',
  gekozen: 'Gekozen',
  'geen-match': 'Geen match',
})
export type CandidateDecision = (typeof CANDIDATE_DECISION.keys)[number]

export const OFFER_OUTCOME = labelled({
  open: 'Openstaand',
  geaccepteerd: 'Geaccepteerd',
  geweigerd: 'Geweigerd',
})
export type OfferOutcome = (typeof OFFER_OUTCOME.keys)[number]

/** What may happen next to a dwelling, a round or an offer; the rules: src/main/domain/workflow.ts. */
export const DWELLING_STEP = labelled({ edit: 'Woning wijzigen', withdraw: 'Woning intrekken' })
export type DwellingStep = (typeof DWELLING_STEP.keys)[number]

export const ROUND_STEP = labelled({
  swap: 'Kandidaat wisselen',
  present: 'Voordragen',
  choose: 'Kandidaat kiezen',
  reject: 'Geen match',
  rejectAll: 'Hele voordracht afwijzen',
})
export type RoundStep = (typeof ROUND_STEP.keys)[number]

export const OFFER_STEP = labelled({
  accept: 'Aanbieding geaccepteerd',
  decline: 'Aanbieding geweigerd',
})
export type OfferStep = (typeof OFFER_STEP.keys)[number]

export const CONTRACT_KIND = labelled({ huur: 'Huurcontract', omklap: 'Omklapcontract' })
export type ContractKind = (typeof CONTRACT_KIND.keys)[number]

/** Why a corporation finds no match with a presented candidate (Bijlage 5: "met een motivatie"). */
export const REJECTION_REASON = labelled({
  'woning-past-niet': 'Woning past niet bij de kandidaat',
  'begeleiding-onvoldoende': 'Begeleiding niet passend of onvoldoende geregeld',
  'spreiding-complex': 'Te veel bijzondere plaatsingen in complex of portiek',
  'huurschuld-of-overlast': 'Huurschuld of overlast uit het verleden',
  'kandidaat-niet-bereikbaar': 'Kandidaat niet bereikbaar',
  anders: 'Anders (toelichting verplicht)',
})
export type RejectionReason = (typeof REJECTION_REASON.keys)[number]

/**
 * Why a client declines the one-time offer. The first five are the reasons Het Vierde Huis accepts
 * as valid (VALID_DECLINE_REASONS); any other means the uitstroom client has used the offer
 * (seed 003: "Kandidaten uit de uitstroom MO/BW krijgen een eenmalige aanbieding").
 */
export const DECLINE_REASON = labelled({
  'niet-passend-na-bezichtiging': 'Niet passend na bezichtiging',
  medisch: 'Medische reden',
  veiligheid: 'Veiligheid (bijv. dader, netwerk of schuldeisers in de buurt)',
  'begeleiding-niet-rond': 'Begeleiding niet rond',
  anders: 'Anders, geldige reden (toelichting verplicht)',
  'wijk-niet-gewenst': 'Wijk of locatie niet gewenst',
  'woning-niet-gewenst': 'Woning niet naar wens',
  'niet-gereageerd': 'Niet gereageerd op de aanbieding',
  'geen-geldige-reden': 'Andere reden, niet geldig',
})
export type DeclineReason = (typeof DECLINE_REASON.keys)[number]

/** The fixed list of valid reasons: with one of these the client keeps their place on the list. */
export const VALID_DECLINE_REASONS: ReadonlySet<DeclineReason> = new Set([
  'niet-passend-na-bezichtiging',
  'medisch',
  'veiligheid',
  'begeleiding-niet-rond',
  'anders',
])

/**
 * How much a shortlist export tells a corporation about a candidate (domain.md §5). 'beperkt' is
 * what judging the match needs: a coarse group and the provider giving support. 'uitgebreid' adds
 * the exact target group and the registering provider, only where an agreement with that
 * corporation says so: "Forensische zorg" or "Vrouwenopvang" are special-category hints.
 */
export const EXPORT_DETAIL = labelled({
  beperkt: 'Beperkt (standaard)',
  uitgebreid: 'Uitgebreid (volgens afspraak)',
})
export type ExportDetail = (typeof EXPORT_DETAIL.keys)[number]

/** The coarse group a corporation sees by default: enough to picture the household, no diagnosis. */
export const COARSE_GROUP = labelled({
  uitstroom: 'Uitstroom',
  instroom: 'Instroom',
  jongeren: 'Jongeren',
  gezin: 'Gezin',
})
export type CoarseGroup = (typeof COARSE_GROUP.keys)[number]
