import {
  DWELLING_STEP,
  OFFER_STEP,
  ROUND_STEP,
  type DwellingStatus,
  type DwellingStep,
  type OfferOutcome,
  type OfferStep,
  type RoundStep,
  type ShortlistStatus,
} from '../../shared/domain/vocabulary'

/**
 * What a dwelling, a round (shortlist) and an offer may do next. Each rule is plain data, like the
 * eligibility rules: the services refuse a step with its reason, and the Voordrachten screen shows
 * only the steps allowed, both from these rules.
 */
export interface StepRule<K extends string, S> {
  key: K
  /** The step as the officer knows it (the button's words). */
  label: string
  allows(state: S): boolean
  /** Why not, in Dutch; only asked when `allows` is false. */
  reason(state: S): string
}

/** A step judged for one dwelling, round or offer now: what the screen shows. */
export interface NextStep<K extends string = string> {
  key: K
  label: string
  allowed: boolean
  /** Why not, in Dutch; null when allowed. */
  reason: string | null
}

export interface DwellingState {
  status: DwellingStatus
}
export interface RoundState {
  status: ShortlistStatus
}
export interface OfferState {
  outcome: OfferOutcome
}

/** Only a concept can be changed or presented; only a presented round can be answered. */
const roundIn = (
  key: RoundStep,
  wanted: ShortlistStatus,
  action: string,
): StepRule<RoundStep, RoundState> => ({
  key,
  label: ROUND_STEP.label(key),
  allows: (round) => round.status === wanted,
  reason: (round) =>
    `${action} kan alleen bij een voordracht met status ${wanted}; deze is ${round.status}`,
})

export const DWELLING_RULES: readonly StepRule<DwellingStep, DwellingState>[] = [
  {
    key: 'edit',
    label: DWELLING_STEP.label('edit'),
    // The corporation judges the candidates on the dwelling as it was presented.
    allows: (d) => d.status === 'ingediend',
    reason: () => 'Deze woning is al in voordracht of verder en kan niet meer worden gewijzigd',
  },
  {
    key: 'withdraw',
    label: DWELLING_STEP.label('withdraw'),
    allows: (d) => d.status === 'ingediend' || d.status === 'in-voordracht',
    reason: (d) =>
      d.status === 'aangeboden'
        ? 'Er loopt een aanbieding voor deze woning; leg eerst de reactie van de kandidaat vast'
        : `De woning is al ${d.status} en kan niet meer worden ingetrokken`,
  },
]

export const ROUND_RULES: readonly StepRule<RoundStep, RoundState>[] = [
  roundIn('swap', 'concept', 'Wisselen'),
  roundIn('present', 'concept', 'Voordragen'),
  roundIn('choose', 'voorgedragen', 'Kiezen'),
  roundIn('reject', 'voorgedragen', 'Afwijzen'),
  roundIn('rejectAll', 'voorgedragen', 'Afwijzen'),
]

/** The client answers the one-time offer once: accepted or declined, never both. */
const offerOpen = (key: OfferStep): StepRule<OfferStep, OfferState> => ({
  key,
  label: OFFER_STEP.label(key),
  allows: (offer) => offer.outcome === 'open',
  reason: () => 'Op deze aanbieding is al gereageerd',
})

export const OFFER_RULES: readonly StepRule<OfferStep, OfferState>[] = [
  offerOpen('accept'),
  offerOpen('decline'),
]

/** Every step of a rule set judged for one state, in the rules' order. */
export function nextSteps<K extends string, S>(
  rules: readonly StepRule<K, S>[],
  state: S,
): NextStep<K>[] {
  return rules.map((rule) => {
    const allowed = rule.allows(state)
    return {
      key: rule.key,
      label: rule.label,
      allowed,
      reason: allowed ? null : rule.reason(state),
    }
  })
}

/** Why this step may not be taken now, or null when it may. */
export function refusal<K extends string, S>(
  rules: readonly StepRule<K, S>[],
  key: K,
  state: S,
): string | null {
  const rule = rules.find((r) => r.key === key)
  if (!rule) throw new Error(`Onbekende stap ${key}`)
  return rule.allows(state) ? null : rule.reason(state)
}
