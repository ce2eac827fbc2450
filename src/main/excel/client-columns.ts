import { ClientFieldsSchema, type ClientFields } from '../../shared/domain/client-input'
import { FLOW, SUPPORT_INTENSITY, TARGET_GROUP, WIJK } from '../../shared/domain/vocabulary'
import { defineColumns } from './columns'

export const CLIENTS_SHEET = 'Aanmeldingen'

/**
 * The fields a care provider fills in. Deliberately no name, BSN or notes (domain.md §5): a name,
 * if any, is entered only in the app, and an import never overwrites it.
 */
export type ClientTemplateField = Exclude<keyof ClientFields, 'name' | 'notes'>

export const CLIENT_COLUMNS = defineColumns<ClientTemplateField>(ClientFieldsSchema, {
  code: {
    header: 'Cliëntcode',
    kind: 'text',
    width: 16,
    help: 'De code die uw organisatie voor deze cliënt gebruikt: letters, cijfers en streepjes. Geen naam en geen BSN.',
  },
  targetGroup: {
    header: 'Doelgroep',
    kind: 'choice',
    width: 26,
    vocabulary: TARGET_GROUP,
    help: 'De doelgroep; kies uit de lijst.',
  },
  flow: {
    header: 'In- of uitstroom',
    kind: 'choice',
    width: 16,
    vocabulary: FLOW,
    help: 'Uitstroom: vertrek uit opvang of beschermd wonen. Instroom: direct een eigen woning met begeleiding (omklapwoning).',
  },
  registeredOn: {
    header: 'Aanmelddatum',
    kind: 'date',
    width: 14,
    help: 'Datum van aanmelding als dd-mm-jjjj; hiervandaan telt de wachttijd.',
  },
  adults: {
    header: 'Aantal volwassenen',
    kind: 'integer',
    width: 18,
    help: 'Volwassenen in het huishouden.',
  },
  children: {
    header: 'Aantal kinderen',
    kind: 'integer',
    width: 15,
    help: 'Kinderen in het huishouden.',
  },
  birthYear: {
    header: 'Geboortejaar',
    kind: 'integer',
    width: 13,
    help: 'Geboortejaar van de aanvrager, voor de huurgrenzen voor jongeren. Alleen het jaar.',
  },
  maxRent: {
    header: 'Maximale huur',
    kind: 'euro',
    width: 14,
    help: 'De kale huur per maand in euro die het huishouden kan betalen.',
  },
  minRooms: {
    header: 'Minimaal aantal kamers',
    kind: 'integer',
    width: 21,
    help: 'Het kleinste aantal kamers dat past.',
  },
  needsGroundFloorOrLift: {
    header: 'Begane grond of lift',
    kind: 'yesNo',
    width: 19,
    help: 'ja als de cliënt geen trap kan lopen (medische indicatie).',
  },
  needsWheelchair: {
    header: 'Rolstoelwoning',
    kind: 'yesNo',
    width: 15,
    help: 'ja als een rolstoelwoning nodig is.',
  },
  needsLowStimulus: {
    header: 'Prikkelarm',
    kind: 'yesNo',
    width: 11,
    help: 'ja als een rustige, prikkelarme locatie nodig is.',
  },
  preferredWijken: {
    header: 'Voorkeurswijken',
    kind: 'choiceList',
    width: 28,
    vocabulary: WIJK,
    help: "Wijken met voorkeur, gescheiden door komma's, bijvoorbeeld: Oost, Zuid. Mag leeg.",
  },
  excludedWijken: {
    header: 'Uitgesloten wijken',
    kind: 'choiceList',
    width: 28,
    vocabulary: WIJK,
    help: "Wijken waar de cliënt niet kan wonen, gescheiden door komma's. Mag leeg.",
  },
  exclusionForSafety: {
    header: 'Uitsluiting om veiligheidsredenen',
    kind: 'yesNo',
    width: 18,
    help: 'ja als de uitgesloten wijken om veiligheidsredenen zijn uitgesloten; de reden zelf hoort hier niet. Leeg betekent nee.',
  },
  supportIntensity: {
    header: 'Intensiteit begeleiding',
    kind: 'choice',
    width: 30,
    vocabulary: SUPPORT_INTENSITY,
    help: 'De woonbegeleiding na de verhuizing; kies uit de lijst. Mag leeg.',
  },
  supportMonths: {
    header: 'Duur begeleiding (maanden)',
    kind: 'integer',
    width: 17,
    help: 'Afgesproken duur van de woonbegeleiding in maanden. Mag leeg.',
  },
})

export const CLIENT_EXAMPLE: Record<ClientTemplateField, string | number | Date | null> = {
  code: 'VOORBEELD-001',
  targetGroup: TARGET_GROUP.label('uitstroom-bw'),
  flow: FLOW.label('uitstroom'),
  registeredOn: new Date(Date.UTC(2026, 8, 15)),
  adults: 1,
  children: 0,
  birthYear: 1990,
  maxRent: 650,
  minRooms: 1,
  needsGroundFloorOrLift: 'nee',
  needsWheelchair: 'nee',
  needsLowStimulus: 'ja',
  preferredWijken: `${WIJK.label('oost')}, ${WIJK.label('zuid')}`,
  excludedWijken: WIJK.label('overvecht'),
  exclusionForSafety: 'ja',
  supportIntensity: SUPPORT_INTENSITY.label('middel'),
  supportMonths: 24,
}
