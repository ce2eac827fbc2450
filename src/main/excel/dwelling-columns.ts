import { DwellingFieldsSchema, type DwellingFields } from '../../shared/domain/dwelling-input'
import { DWELLING_TYPE, SUITABLE_FOR, WIJK } from '../../shared/domain/vocabulary'
import { defineColumns } from './columns'

export const DWELLINGS_SHEET = 'Woningen'

/** The columns of sheet "Woningen", in order. Headers are the words of the schema's own messages. */
export const DWELLING_COLUMNS = defineColumns<keyof DwellingFields>(DwellingFieldsSchema, {
  address: {
    header: 'Adres',
    kind: 'text',
    width: 32,
    help: 'Straat en huisnummer met toevoeging, bijvoorbeeld Domstraat 12 bis.',
  },
  postcode: { header: 'Postcode', kind: 'text', width: 11, help: 'Postcode als 1234 AB.' },
  wijk: {
    header: 'Wijk',
    kind: 'choice',
    width: 18,
    vocabulary: WIJK,
    help: 'De Utrechtse wijk; kies uit de lijst.',
  },
  buurt: {
    header: 'Buurt',
    kind: 'text',
    width: 20,
    help: 'De buurt binnen de wijk, bijvoorbeeld Kanaleneiland. Mag leeg.',
  },
  complex: {
    header: 'Complex',
    kind: 'text',
    width: 20,
    help: 'Naam of nummer van het complex, voor de spreiding per complex. Mag leeg.',
  },
  type: {
    header: 'Type',
    kind: 'choice',
    width: 18,
    vocabulary: DWELLING_TYPE,
    help: 'Soort woning; kies uit de lijst.',
  },
  selfContained: {
    header: 'Zelfstandig',
    kind: 'yesNo',
    width: 12,
    help: 'ja: eigen voordeur, keuken en sanitair; nee: kamer met gedeelde voorzieningen.',
  },
  rooms: {
    header: 'Aantal kamers',
    kind: 'integer',
    width: 14,
    help: 'Aantal kamers, inclusief de woonkamer.',
  },
  floor: {
    header: 'Verdieping',
    kind: 'integer',
    width: 11,
    help: '0 = begane grond, 1 = eerste verdieping, -1 = souterrain.',
  },
  hasLift: {
    header: 'Lift',
    kind: 'yesNo',
    width: 8,
    help: 'ja als de woning met een lift bereikbaar is.',
  },
  wheelchairAccessible: {
    header: 'Rolstoeltoegankelijk',
    kind: 'yesNo',
    width: 20,
    help: 'ja voor een rolstoelwoning.',
  },
  lowStimulus: {
    header: 'Prikkelarm',
    kind: 'yesNo',
    width: 12,
    help: 'ja voor een rustige, prikkelarme locatie. Leeg betekent nee.',
  },
  netRent: {
    header: 'Kale huur',
    kind: 'euro',
    width: 13,
    help: 'Kale huur per maand in euro, zonder servicekosten.',
  },
  serviceCosts: {
    header: 'Servicekosten',
    kind: 'euro',
    width: 14,
    help: 'Servicekosten per maand in euro; 0 als er geen zijn.',
  },
  availableFrom: {
    header: 'Beschikbaar vanaf',
    kind: 'date',
    width: 17,
    help: 'Datum waarop de woning betrokken kan worden, als dd-mm-jjjj.',
  },
  suitableFor: {
    header: 'Geschikt voor',
    kind: 'choice',
    width: 15,
    vocabulary: SUITABLE_FOR,
    help: 'Uitstroom (vertrek uit opvang of beschermd wonen), instroom (omklapwoning) of beide.',
  },
  flipPossible: {
    header: 'Omklap mogelijk',
    kind: 'yesNo',
    width: 16,
    help: 'ja als het huurcontract later op naam van de cliënt kan (omklapwoning); verplicht ja bij alleen instroom.',
  },
  remarks: {
    header: 'Opmerkingen',
    kind: 'text',
    width: 40,
    help: 'Wat de matcher verder moet weten. Geen persoonsgegevens van huurders. Mag leeg.',
  },
})

/** The example row of the template; its address starts with the marker the importer skips. */
export const DWELLING_EXAMPLE: Record<keyof DwellingFields, string | number | Date | null> = {
  address: 'VOORBEELD Domstraat 12 bis',
  postcode: '3512 JC',
  wijk: WIJK.label('binnenstad'),
  buurt: 'Domplein e.o.',
  complex: null,
  type: DWELLING_TYPE.label('appartement'),
  selfContained: 'ja',
  rooms: 2,
  floor: 1,
  hasLift: 'nee',
  wheelchairAccessible: 'nee',
  lowStimulus: 'nee',
  netRent: 612.5,
  serviceCosts: 35,
  availableFrom: new Date(Date.UTC(2027, 0, 1)),
  suitableFor: SUITABLE_FOR.label('beide'),
  flipPossible: 'ja',
  remarks: 'Dit is een voorbeeld; deze rij wordt niet geïmporteerd.',
}
