import type { Wijk } from '../../shared/domain/vocabulary'
import { hashString } from './random'

/**
 * Utrecht geography for the demo: the wijk shares of the corporations' social stock (domain.md §3)
 * and a handful of real streets per wijk with their buurt and postcode area. Approximate on purpose:
 * it has to look familiar to a matching officer, not be a land register.
 */

export { WIJK_STOCK_SHARE } from '../../shared/domain/wijk-stock'

/** flat: apartments, studios, rooms; house: upper/lower flats and family homes; mixed: both. */
export type StreetKind = 'flat' | 'house' | 'mixed'

export interface Street {
  name: string
  buurt: string
  /** The four digits of the postcode area. */
  pc: string
  kind: StreetKind
  /** Highest floor of the buildings here, and whether they have a lift. */
  maxFloor: number
  lift: boolean
  /** House-number range. */
  numbers: readonly [number, number]
}

const s = (
  name: string,
  buurt: string,
  pc: string,
  kind: StreetKind,
  maxFloor: number,
  lift: boolean,
  numbers: readonly [number, number],
): Street => ({ name, buurt, pc, kind, maxFloor, lift, numbers })

// Every wijk has at least one 'mixed' street, so every dwelling type can be placed in every wijk.
export const STREETS: Record<Wijk, readonly Street[]> = {
  overvecht: [
    s('Zambesidreef', 'Zambesidreef en omgeving', '3561', 'flat', 8, true, [1, 420]),
    s('Tigrisdreef', 'Tigrisdreef en omgeving', '3561', 'flat', 8, true, [1, 360]),
    s('Neckardreef', 'Neckardreef en omgeving', '3562', 'flat', 8, true, [1, 300]),
    s('Zamenhofdreef', 'Zamenhofdreef en omgeving', '3562', 'flat', 8, true, [1, 250]),
    s('Kaap Hoorndreef', 'Kaap Hoorndreef en omgeving', '3563', 'flat', 4, false, [1, 120]),
    s('Marokkodreef', 'Taag- en Rubicondreef', '3564', 'mixed', 3, false, [1, 90]),
  ],
  zuidwest: [
    s('Marshalllaan', 'Kanaleneiland-Zuid', '3527', 'flat', 4, false, [1, 260]),
    s('Churchilllaan', 'Kanaleneiland-Noord', '3527', 'flat', 4, false, [1, 300]),
    s('Auriollaan', 'Kanaleneiland-Noord', '3527', 'flat', 8, true, [1, 140]),
    s('Columbuslaan', 'Kanaleneiland-Zuid', '3526', 'flat', 4, false, [1, 220]),
    s('Vondellaan', 'Dichterswijk', '3521', 'mixed', 4, true, [1, 200]),
    s('Rijnlaan', 'Rivierenwijk', '3522', 'mixed', 3, false, [1, 130]),
    s('Maasstraat', 'Rivierenwijk', '3522', 'house', 2, false, [1, 80]),
  ],
  noordwest: [
    s('Amsterdamsestraatweg', 'Pijlsweerd', '3551', 'mixed', 3, false, [1, 400]),
    s('Ondiep-Zuidzijde', 'Ondiep', '3552', 'house', 2, false, [1, 150]),
    s('Marnixlaan', 'Ondiep', '3552', 'flat', 4, false, [1, 250]),
    s('Bessemerstraat', 'Zuilen-Noord', '3553', 'house', 2, false, [1, 120]),
    s('Burgemeester Norbruislaan', 'Elinkwijk', '3554', 'flat', 6, true, [1, 300]),
  ],
  zuid: [
    s('Briljantlaan', 'Hoograven', '3523', 'flat', 4, false, [1, 320]),
    s('Smaragdplein', 'Hoograven', '3523', 'mixed', 3, false, [1, 60]),
    s('Hooft Graaflandstraat', 'Nieuw-Hoograven', '3525', 'flat', 6, true, [1, 260]),
    s('Hondsrug', 'Lunetten-Noord', '3524', 'flat', 8, true, [1, 200]),
    s('Zevenwouden', 'Lunetten-Zuid', '3524', 'house', 2, false, [1, 300]),
  ],
  'leidsche-rijn': [
    s('Berlijnplein', 'Leidsche Rijn Centrum', '3541', 'flat', 8, true, [1, 400]),
    s('Terwijdelaan', 'Terwijde', '3544', 'mixed', 4, true, [1, 180]),
    s('Langerakbaan', 'Langerak', '3544', 'mixed', 4, true, [1, 240]),
    s('Grauwaartsingel', 'Parkwijk', '3543', 'house', 2, false, [1, 120]),
  ],
  oost: [
    s('Nachtegaalstraat', 'Oudwijk', '3581', 'house', 2, false, [1, 120]),
    s('Gansstraat', 'Abstede', '3582', 'mixed', 3, false, [1, 160]),
    s('Koningsweg', 'Sterrenwijk', '3582', 'mixed', 4, true, [1, 220]),
    s('Jozef Israëlslaan', 'Schildersbuurt', '3583', 'house', 2, false, [1, 90]),
    s('Cambridgelaan', 'Utrecht Science Park', '3584', 'flat', 8, true, [1, 900]),
  ],
  west: [
    s('Kanaalstraat', 'Lombok', '3531', 'mixed', 3, false, [1, 250]),
    s('Jan Pieterszoon Coenstraat', 'Lombok', '3531', 'house', 2, false, [1, 120]),
    s('Thomas à Kempisweg', 'Oog in Al', '3531', 'house', 2, false, [1, 180]),
    s('Vleutenseweg', 'Nieuw Engeland', '3532', 'mixed', 4, false, [1, 420]),
    s('Cartesiusweg', 'Halve Maan', '3534', 'flat', 8, true, [1, 300]),
  ],
  noordoost: [
    s('Adelaarstraat', 'Vogelenbuurt', '3514', 'house', 2, false, [1, 200]),
    s('Merelstraat', 'Vogelenbuurt', '3514', 'house', 2, false, [1, 90]),
    s('Biltstraat', 'Wittevrouwen', '3572', 'mixed', 4, false, [1, 400]),
    s('Poortstraat', 'Wittevrouwen', '3572', 'house', 2, false, [1, 110]),
    s('Blauwkapelseweg', 'Tuinwijk', '3572', 'mixed', 3, false, [1, 90]),
  ],
  'vleuten-de-meern': [
    s('Zandweg', 'De Meern', '3454', 'house', 2, false, [1, 220]),
    s('Meerndijk', 'De Meern', '3454', 'house', 1, false, [1, 120]),
    s('Castellumlaan', 'Hoge Woerd', '3454', 'mixed', 4, true, [1, 160]),
    s('Hindersteinlaan', 'Vleuten', '3451', 'mixed', 3, false, [1, 100]),
  ],
  binnenstad: [
    s('Springweg', 'Springweg en omgeving', '3511', 'mixed', 3, false, [1, 160]),
    s('Twijnstraat', 'Lange Elisabethstraat en Mariaplaats', '3511', 'house', 2, false, [1, 60]),
    s(
      'Lange Smeestraat',
      'Lange Elisabethstraat en Mariaplaats',
      '3511',
      'mixed',
      3,
      false,
      [1, 70],
    ),
    s('Jansveld', 'Breedstraat en Plompetorengracht', '3512', 'mixed', 3, false, [1, 60]),
    s('Wijde Begijnestraat', 'Wijk C', '3512', 'mixed', 3, false, [1, 40]),
  ],
}

// Dutch postcodes never use the letter pairs SA, SD and SS.
const LETTERS = 'ABCDEFGHJKLMNPRSTVWXZ'
const FORBIDDEN = new Set(['SA', 'SD', 'SS'])

/**
 * A postcode for a street and house number: fixed for the same address, and one letter pair per
 * stretch of about twenty numbers, as on a real street.
 */
export function postcodeFor(street: Street, houseNumber: number): string {
  const block = Math.floor(houseNumber / 20)
  let n = (hashString(street.name) + block * 7) % (LETTERS.length * LETTERS.length)
  for (;;) {
    const pair = `${LETTERS[Math.floor(n / LETTERS.length)]}${LETTERS[n % LETTERS.length]}`
    if (!FORBIDDEN.has(pair)) return `${street.pc} ${pair}`
    n = (n + 1) % (LETTERS.length * LETTERS.length)
  }
}
