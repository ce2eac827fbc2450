import { FLOW, WIJK, DWELLING_TYPE, CLIENT_STATUS } from '../../shared/domain/vocabulary'
import { ageIn, hasPair, householdSize, type ClientFacts, type DwellingFacts } from './facts'
import { stopReason, type ComplexStop, type StopCount } from './spreading'

export interface EligibilityContext {
  /** The year whose rent limits apply. */
  year: number
  /** Below 23 rent benefit only reaches the kwaliteitskortingsgrens (domain.md §3). */
  youngMaxRent: number
  /** How many open shortlists a client may stand on at once (setting, default 1). */
  maxOpenShortlists: number
  /** Dwelling–client pairs already presented for that dwelling in an earlier round, or rejected. */
  earlierPairs: ReadonlySet<string>
  /** Dwellings whose complex has no room under the stop, and those the officer let through. */
  complexStop: {
    limit: ComplexStop
    stopped: ReadonlyMap<number, StopCount>
    overridden: ReadonlySet<number>
  }
}

export interface Rule {
  key: string
  /** The rule as a Dutch sentence, for the legend of the why-not view. */
  label: string
  passes(client: ClientFacts, dwelling: DwellingFacts, ctx: EligibilityContext): boolean
  /** Why not, in Dutch, for this client and dwelling; only asked when `passes` is false. */
  reason(client: ClientFacts, dwelling: DwellingFacts, ctx: EligibilityContext): string
}

const euro = (n: number) => `€ ${n.toFixed(2).replace('.', ',')}`
/** Dwelling types for one person only (with a dwelling that is not self-contained). */
export const SMALL_TYPES: ReadonlySet<string> = new Set(['kamer', 'studio'])

/**
 * The rules, one definition for the why-not view, the pool and the batch. The batch runs them
 * compiled (eligibility-screen.ts): a change here needs the same change there, which
 * tests/unit/batch-fast-paths.test.ts checks on random pairs.
 */
export const RULES: readonly Rule[] = [
  {
    key: 'available',
    label: 'Kandidaat wacht en staat niet op een andere open voordracht',
    passes: (c, _d, ctx) => c.status === 'wachtend' && c.openShortlists < ctx.maxOpenShortlists,
    reason: (c) =>
      c.status !== 'wachtend'
        ? `Status is ${CLIENT_STATUS.label(c.status).toLowerCase()}, niet wachtend`
        : `Staat al op ${c.openShortlists} open voordracht${c.openShortlists === 1 ? '' : 'en'}`,
  },
  {
    key: 'earlier',
    label: 'Nooit opnieuw voor een woning waarvoor al eerder voorgedragen of afgewezen',
    passes: (c, d, ctx) => ctx.earlierPairs.size === 0 || !hasPair(ctx.earlierPairs, d.id, c.id),
    reason: () => 'Al eerder voor deze woning voorgedragen; de corporatie heeft toen niet gekozen',
  },
  {
    key: 'household',
    label: 'Het huishouden past in de woning',
    passes: (c, d) => {
      const persons = householdSize(c)
      if (d.rooms < c.minRooms) return false
      if ((SMALL_TYPES.has(d.type) || !d.selfContained) && persons > 1) return false
      return persons <= d.rooms + 1
    },
    reason: (c, d) => {
      const persons = householdSize(c)
      if (d.rooms < c.minRooms)
        return `Woning heeft ${d.rooms} kamer${d.rooms === 1 ? '' : 's'}, minimaal ${c.minRooms} nodig`
      if (SMALL_TYPES.has(d.type) || !d.selfContained) {
        return `Een ${DWELLING_TYPE.label(d.type).toLowerCase()} past niet bij een huishouden van ${persons} personen`
      }
      return `${d.rooms} ${d.rooms === 1 ? 'kamer' : 'kamers'} is te klein voor een huishouden van ${persons} personen`
    },
  },
  {
    key: 'rent',
    label: 'De huur is betaalbaar (jonger dan 23: tot de kwaliteitskortingsgrens)',
    passes: (c, d, ctx) =>
      d.netRent <= c.maxRent && (ageIn(ctx.year, c) >= 23 || d.netRent <= ctx.youngMaxRent),
    reason: (c, d, ctx) =>
      [
        d.netRent > c.maxRent
          ? `Kale huur ${euro(d.netRent)} is hoger dan de maximale huur ${euro(c.maxRent)}`
          : null,
        ageIn(ctx.year, c) < 23 && d.netRent > ctx.youngMaxRent
          ? `Jonger dan 23: huurtoeslag alleen tot ${euro(ctx.youngMaxRent)}, de huur is ${euro(d.netRent)}`
          : null,
      ]
        .filter(Boolean)
        .join('; '),
  },
  {
    key: 'access',
    label: 'Toegankelijkheid past bij de behoefte (rolstoel, begane grond of lift, prikkelarm)',
    passes: (c, d) =>
      (!c.needsWheelchair || d.wheelchairAccessible) &&
      (!c.needsGroundFloorOrLift || d.floor <= 0 || d.hasLift) &&
      (!c.needsLowStimulus || d.lowStimulus),
    // Every unmet need, not only the first: the officer must see all that stands in the way.
    reason: (c, d) =>
      [
        c.needsWheelchair && !d.wheelchairAccessible ? 'Heeft een rolstoelwoning nodig' : null,
        c.needsGroundFloorOrLift && !(d.floor <= 0 || d.hasLift)
          ? `Heeft begane grond of lift nodig; woning ligt op verdieping ${d.floor} zonder lift`
          : null,
        c.needsLowStimulus && !d.lowStimulus ? 'Heeft een prikkelarme woning nodig' : null,
      ]
        .filter(Boolean)
        .join('; '),
  },
  {
    key: 'wijk',
    label: 'De wijk is niet uitgesloten',
    passes: (c, d) => !c.excludedWijken.includes(d.wijk),
    reason: (c, d) =>
      `Wijk ${WIJK.label(d.wijk)} is uitgesloten${c.exclusionForSafety ? ' (veiligheid)' : ''}`,
  },
  {
    key: 'flow',
    label:
      'Instroom alleen in een woning voor instroom met omklap; uitstroom niet in een woning alleen voor instroom',
    passes: (c, d) =>
      c.flow === 'instroom'
        ? d.suitableFor !== 'uitstroom' && d.flipPossible
        : d.suitableFor !== 'instroom' && !d.reservedForInstroom,
    reason: (c, d) => {
      if (c.flow === 'uitstroom' && d.suitableFor !== 'instroom')
        return 'Woning is dit kwartaal voorbehouden aan instroom, om het aandeel instroom van dit jaar te halen'
      if (c.flow === 'uitstroom') return 'Woning is alleen voor instroom aangeboden'
      if (d.suitableFor === 'uitstroom')
        return `${FLOW.label(c.flow)}: woning is alleen voor uitstroom aangeboden`
      return 'Instroom vraagt een omklapwoning; omklap is hier niet mogelijk'
    },
  },
  {
    key: 'complexStop',
    label:
      'Het complex heeft de stop niet bereikt, of de matcher heeft de stop voor deze woning met een reden opgeheven',
    passes: (_c, d, { complexStop }) =>
      complexStop.stopped.size === 0 ||
      !complexStop.stopped.has(d.id) ||
      complexStop.overridden.has(d.id),
    reason: (_c, d, { complexStop }) =>
      stopReason(complexStop.stopped.get(d.id)!, complexStop.limit),
  },
]

export function isEligible(
  client: ClientFacts,
  dwelling: DwellingFacts,
  ctx: EligibilityContext,
): boolean {
  for (const rule of RULES) if (!rule.passes(client, dwelling, ctx)) return false
  return true
}

export interface RuleFailure {
  rule: string
  reason: string
}

/** Every rule the pair fails, each with its Dutch reason: the "why not" of the UI. */
export function whyNot(
  client: ClientFacts,
  dwelling: DwellingFacts,
  ctx: EligibilityContext,
): RuleFailure[] {
  return RULES.filter((rule) => !rule.passes(client, dwelling, ctx)).map((rule) => ({
    rule: rule.key,
    reason: rule.reason(client, dwelling, ctx),
  }))
}
