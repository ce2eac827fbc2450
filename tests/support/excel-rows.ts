import type ExcelJS from 'exceljs'

type Row = Record<string, ExcelJS.CellValue>

/** A valid dwelling as a corporation would type it in the template (Dutch headers, labels, ja/nee). */
export function dwellingRow(n: number, overrides: Row = {}): Row {
  return {
    Adres: `Kanaalstraat ${n}`,
    Postcode: '3531 CJ',
    Wijk: 'West',
    Buurt: 'Lombok',
    Complex: null,
    Type: 'Appartement',
    Zelfstandig: 'ja',
    'Aantal kamers': 2,
    Verdieping: 1,
    Lift: 'nee',
    Rolstoeltoegankelijk: 'nee',
    Prikkelarm: 'nee',
    'Kale huur': 600 + n,
    Servicekosten: 25,
    'Beschikbaar vanaf': new Date(Date.UTC(2027, 0, 15)),
    'Geschikt voor': 'Uitstroom',
    'Omklap mogelijk': 'nee',
    Opmerkingen: null,
    ...overrides,
  }
}

/** A valid registration as a care provider would type it; no name, no BSN. */
export function clientRow(n: number, overrides: Row = {}): Row {
  return {
    Cliëntcode: `LIS-${String(n).padStart(3, '0')}`,
    Doelgroep: 'Uitstroom BW',
    'In- of uitstroom': 'Uitstroom',
    Aanmelddatum: new Date(Date.UTC(2026, 5, 1 + n)),
    'Aantal volwassenen': 1,
    'Aantal kinderen': 0,
    Geboortejaar: 1985,
    'Maximale huur': 650,
    'Minimaal aantal kamers': 1,
    'Begane grond of lift': 'nee',
    Rolstoelwoning: 'nee',
    Prikkelarm: 'nee',
    Voorkeurswijken: 'Oost, Zuid',
    'Uitgesloten wijken': null,
    'Uitsluiting om veiligheidsredenen': 'nee',
    'Intensiteit begeleiding': 'Middel (3–6 uur per week)',
    'Duur begeleiding (maanden)': 24,
    ...overrides,
  }
}
