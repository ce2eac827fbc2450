import {
  WIJK,
  type DwellingType,
  type SuitableFor,
  type Wijk,
} from '../../shared/domain/vocabulary'
import { largestRemainder } from '../domain/quota'
import { addDays, daysBetween, nextWeekday } from './calendar'
import type { DemoDwelling, QuarterRow } from './generate'
import { CORPORATIONS, type DemoCorporation } from './organisations'
import { STREETS, WIJK_STOCK_SHARE, postcodeFor, type Street } from './places'
import { hashString, type Random } from './random'

const FLAT_TYPES: readonly DwellingType[] = ['appartement', 'studio', 'kamer']

const ROOMS: Record<DwellingType, [number, number][]> = {
  kamer: [[1, 1]],
  studio: [[1, 1]],
  appartement: [
    [2, 45],
    [3, 40],
    [4, 15],
  ],
  bovenwoning: [
    [2, 35],
    [3, 50],
    [4, 15],
  ],
  benedenwoning: [
    [2, 50],
    [3, 50],
  ],
  eengezinswoning: [
    [3, 35],
    [4, 65],
  ],
}

/**
 * Net rent band 2026 (euros a month) by type and rooms. Corporations submit dwellings for this group
 * under the aftoppingsgrens of the household they fit (passend toewijzen: € 682,96 for one or two
 * persons, € 731,93 for three or more): most clients live on benefits. Were they dearer, the
 * engine would run out of clients who can pay them within a quarter or two.
 */
function rentBand(type: DwellingType, rooms: number): [number, number] {
  switch (type) {
    case 'kamer':
      return [360, 460]
    case 'studio':
      return [450, 550]
    case 'eengezinswoning':
      return [660, 730]
    case 'appartement':
      return rooms <= 2 ? [540, 680] : rooms === 3 ? [590, 700] : [640, 730]
    default:
      return rooms <= 2 ? [560, 680] : rooms === 3 ? [610, 710] : [650, 730]
  }
}

/** A few larger dwellings rent above the aftoppingsgrens: for the clients with some income. */
const ABOVE_CAP_SHARE = 0.05
const ABOVE_CAP_BAND: [number, number] = [745, 880]

const cents = (x: number) => Math.round(x * 100) / 100

function wijkWeights(corporation: DemoCorporation): [Wijk, number][] {
  return WIJK.keys.map((w) => [
    w,
    corporation.wijken ? (corporation.wijken[w] ?? 0) : WIJK_STOCK_SHARE[w],
  ])
}

function fits(street: Street, type: DwellingType): boolean {
  return street.kind === 'mixed' || (street.kind === 'flat') === FLAT_TYPES.includes(type)
}

/** A remark a corporation would plausibly add; only ones that agree with the dwelling itself. */
function remark(
  rnd: Random,
  d: { type: DwellingType; floor: number; hasLift: boolean; ssh: boolean },
): string | null {
  if (d.ssh) return 'Studentencomplex: maximaal 15% van de eenheden voor bijzondere doelgroepen.'
  if (!rnd.chance(0.2)) return null
  const options = ['Huisdieren niet toegestaan.', 'Woning wordt na mutatieonderhoud opgeleverd.']
  if (!d.hasLift && d.floor >= 2) options.push(`Portiekflat, ${d.floor} hoog zonder lift.`)
  if (d.type === 'eengezinswoning') options.push('Tuin op het noorden; onderhoud door huurder.')
  if (FLAT_TYPES.includes(d.type))
    options.push(rnd.pick(['Balkon op het zuiden.', 'Geen buitenruimte.']))
  return rnd.pick(options)
}

interface DwellingContext {
  todayIso: string
  quarters: readonly QuarterRow[]
  /** Per quarter, the quota per corporation (same order as CORPORATIONS). */
  quotas: readonly (readonly number[])[]
}

/**
 * About a hundred dwellings per quarter: each corporation submits roughly its quota (some a bit
 * more, some short), early in the quarter, in the wijken where its stock is.
 */
export function generateDwellings(
  rnd: Random,
  { todayIso, quarters, quotas }: DwellingContext,
): DemoDwelling[] {
  // Unique over the whole demo, not only per quarter: the same door twice would confuse the history.
  const usedAddresses = new Set<string>()
  const rows: DemoDwelling[] = []

  quarters.forEach((quarter, qi) => {
    CORPORATIONS.forEach((corporation, ci) => {
      const quota = quotas[qi]?.[ci] ?? 0
      const count = Math.max(0, Math.round(quota * rnd.between(0.85, 1.2)))
      // Wijken apportioned to the stock with some jitter, not drawn one by one: a hundred
      // independent draws could put Zuidwest above Overvecht, which no officer would recognise.
      const weights = wijkWeights(corporation)
      const perWijk = largestRemainder(
        count,
        weights.map(([, w]) => w * rnd.between(0.6, 1.4)),
      )
      const wijken = rnd.shuffle(
        weights.flatMap(([wijk], i) => Array<Wijk>(perWijk[i] ?? 0).fill(wijk)),
      )
      for (const wijk of wijken) {
        rows.push(dwelling(rnd, { quarter, corporation, ci, wijk, todayIso, usedAddresses }))
      }
    })
  })
  // In order of submission, so ids follow the officer's inbox.
  return rows
    .map((row, index) => ({ row, index }))
    .sort(
      (a, b) =>
        a.row.quarterKey.localeCompare(b.row.quarterKey) ||
        a.row.submittedOn.localeCompare(b.row.submittedOn) ||
        a.index - b.index,
    )
    .map(({ row }) => row)
}

function dwelling(
  rnd: Random,
  c: {
    quarter: QuarterRow
    corporation: DemoCorporation
    ci: number
    wijk: Wijk
    todayIso: string
    usedAddresses: Set<string>
  },
): DemoDwelling {
  const { quarter, corporation, wijk } = c
  const type = rnd.weighted(Object.entries(corporation.types) as [DwellingType, number][])
  const street = rnd.pick(STREETS[wijk].filter((s) => fits(s, type)))

  let address = ''
  let houseNumber = 0
  do {
    houseNumber = rnd.int(street.numbers[0], street.numbers[1])
    const suffix =
      type === 'bovenwoning'
        ? ' bis'
        : type === 'kamer'
          ? `-${rnd.int(1, 24)}`
          : rnd.chance(0.1)
            ? rnd.pick(['A', 'B', 'C'])
            : ''
    address = `${street.name} ${houseNumber}${suffix}`
  } while (c.usedAddresses.has(address))
  c.usedAddresses.add(address)

  const flat = FLAT_TYPES.includes(type)
  const floor = flat
    ? rnd.int(0, street.maxFloor)
    : type === 'bovenwoning'
      ? rnd.int(1, Math.max(1, Math.min(2, street.maxFloor)))
      : 0
  const hasLift = flat && street.lift
  const rooms = rnd.weighted(ROOMS[type])
  const [low, high] =
    rooms >= 3 && rnd.chance(ABOVE_CAP_SHARE) ? ABOVE_CAP_BAND : rentBand(type, rooms)

  // A quarter of the dwellings can be flipped to the client's own lease, and only those suit instroom.
  const flipPossible = rnd.chance(0.25)
  const suitableFor: SuitableFor = flipPossible
    ? rnd.chance(0.4)
      ? 'instroom'
      : 'beide'
    : 'uitstroom'

  const { startsOn, endsOn } = quarter
  // In the first weeks of the quarter (not on its first day, 1 January is a holiday), never after today.
  const planned = nextWeekday(addDays(startsOn, rnd.int(1, 20)))
  const submittedOn = planned < c.todayIso ? planned : c.todayIso
  // Submitted when the tenant gives notice: free one to seven weeks later, within the quarter.
  const availableFrom = addDays(
    submittedOn,
    rnd.int(7, Math.max(7, Math.min(49, daysBetween(submittedOn, endsOn)))),
  )

  return {
    corporation: c.ci,
    quarterKey: quarter.key,
    address,
    postcode: postcodeFor(street, houseNumber),
    wijk,
    buurt: street.buurt,
    // Corporations know their flats by complex number: one per block of a hundred house numbers
    // along a street (a gallery flat), so the stop per complex bites now and then, not everywhere.
    complex:
      street.kind === 'flat'
        ? `Complex ${1000 + (hashString(`${corporation.name}${street.name}${Math.floor(houseNumber / 100)}`) % 9000)}`
        : null,
    type,
    selfContained: type !== 'kamer',
    rooms,
    floor,
    hasLift,
    wheelchairAccessible: (floor === 0 || hasLift) && type !== 'kamer' && rnd.chance(0.04),
    lowStimulus: rnd.chance(flat ? 0.02 : 0.08),
    netRent: cents(rnd.between(low, high)),
    serviceCosts: cents(
      hasLift ? rnd.between(45, 80) : flat ? rnd.between(25, 60) : rnd.between(20, 40),
    ),
    availableFrom,
    suitableFor,
    flipPossible,
    remarks: remark(rnd, { type, floor, hasLift, ssh: corporation.name === 'SSH' }),
    status: 'ingediend',
    statusSince: submittedOn,
    submittedOn,
  }
}
