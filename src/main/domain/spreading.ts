/**
 * Spreading over the city (spreiding, seed 003 "Spreiding over de stad", domain.md §3): wijken with
 * much social housing and many past placements of vulnerable groups are spared; a complex can be
 * stopped. Pure: figures and counts in, norms and loads out. docs/matching.md explains it in Dutch.
 */
import type { SpreadingSettings } from '../../shared/api/spreading'
import { WIJK, type SupportIntensity, type Wijk } from '../../shared/domain/vocabulary'
import type { ClientFacts, DwellingFacts } from './facts'
import type { RankingContext } from './ranking'

/** What the officer keeps per wijk in Beheer (seeded from the 2018 figures of seed 003). */
export interface WijkFigures {
  wijk: Wijk
  /** The corporations' social-rent dwellings in the wijk. */
  socialStock: number
  /** Share (0–1) of all dwellings in the wijk that is corporation social rent. */
  socialShare: number
  /** MO/BW placements known from outside the app (the reference year's), added to the app's own. */
  placements: number
}

/** How hard the norm leans away from concentration and from past placements (settings). */
export interface SpreadingWeights {
  /** α: 0 ignores concentration, 1 makes the norm follow all dwellings rather than social ones. */
  concentration: number
  /** β: 0 ignores past placements, 1 lowers a wijk's norm in full proportion to its excess. */
  history: number
}

export interface WijkNorm {
  wijk: Wijk
  /** The wijk's share of the city's social stock: where the norm starts. */
  stockShare: number
  /** The wijk's social share against the city's: 1 is average, 2.2 is Overvecht. */
  concentration: number
  /** Past placement share against the concentration-adjusted share, kept within 0.5–2. */
  history: number
  /** The share (0–1) of placements this wijk should get. */
  norm: number
  /** Placements counted (reference figures plus the app's own in the history window). */
  placements: number
  placementShare: number | null
  /** The norm is below the stock share: the plan wants the wijk spared. */
  spared: boolean
}

const HISTORY_FLOOR = 0.5
const HISTORY_CEILING = 2

const clamp = (n: number, low: number, high: number) => Math.min(high, Math.max(low, n))
const sum = (values: Iterable<number>) => {
  let total = 0
  for (const v of values) total += v
  return total
}
function normalise(raw: ReadonlyMap<Wijk, number>): Map<Wijk, number> {
  const total = sum(raw.values())
  return new Map([...raw].map(([w, v]) => [w, total > 0 ? v / total : 0]))
}

/**
 * The norm per wijk, in three steps (each documented in docs/matching.md, "Spreiding over de stad"):
 *
 *   stockShare_w  = stock_w / Σ stock
 *   concentration_w = socialShare_w / city social share   (city share = Σ stock / Σ (stock_w / socialShare_w))
 *   base_w  ∝ stockShare_w × concentration_w^(−α)                    (normalised to sum 1)
 *   history_w = clamp(placementShare_w / base_w, 0.5, 2)              (1 when nothing was placed yet)
 *   norm_w  ∝ base_w × history_w^(−β)                                (normalised to sum 1)
 *
 * Starting from the social stock keeps the norm tied to where dwellings actually come free (the plan:
 * wijken "kunnen niet zo maar op slot"); the powers lower it where social housing is concentrated
 * and where past placements ran ahead of even that lowered share, and raise it elsewhere, since the
 * plan says to look first at wijken with little social housing. History is judged against the base
 * rather than the stock share, so a wijk that got exactly its concentration-adjusted share is not
 * punished twice; the clamp keeps one busy year from closing or flooding a wijk.
 */
export function wijkNorms(
  figures: readonly WijkFigures[],
  appPlacements: ReadonlyMap<Wijk, number>,
  weights: SpreadingWeights,
): Map<Wijk, WijkNorm> {
  const stock = sum(figures.map((f) => f.socialStock))
  const dwellings = sum(figures.map((f) => (f.socialShare > 0 ? f.socialStock / f.socialShare : 0)))
  const cityShare = dwellings > 0 ? stock / dwellings : 0
  const counts = new Map(
    figures.map((f) => [f.wijk, f.placements + (appPlacements.get(f.wijk) ?? 0)]),
  )
  const placed = sum(counts.values())

  const stockShare = (f: WijkFigures) => (stock > 0 ? f.socialStock / stock : 0)
  const concentration = (f: WijkFigures) =>
    cityShare > 0 && f.socialShare > 0 ? f.socialShare / cityShare : 1
  const base = normalise(
    new Map(
      figures.map((f) => [f.wijk, stockShare(f) * concentration(f) ** -weights.concentration]),
    ),
  )
  const history = (f: WijkFigures) => {
    const b = base.get(f.wijk) ?? 0
    if (placed === 0 || b === 0) return 1
    return clamp((counts.get(f.wijk) ?? 0) / placed / b, HISTORY_FLOOR, HISTORY_CEILING)
  }
  const norm = normalise(
    new Map(figures.map((f) => [f.wijk, (base.get(f.wijk) ?? 0) * history(f) ** -weights.history])),
  )

  return new Map(
    figures.map((f) => {
      const n = norm.get(f.wijk) ?? 0
      const count = counts.get(f.wijk) ?? 0
      return [
        f.wijk,
        {
          wijk: f.wijk,
          stockShare: stockShare(f),
          concentration: concentration(f),
          history: history(f),
          norm: n,
          placements: count,
          placementShare: placed === 0 ? null : count / placed,
          // A hair's tolerance: rounding must not call a neutral wijk spared.
          spared: n < stockShare(f) - 1e-9,
        },
      ]
    }),
  )
}

/**
 * Load of a wijk: placements against its norm. 0 is on the norm, 1 double it (capped at 2, triple);
 * −1 is nothing placed yet where the norm expects some. With no placements at all every wijk is 0.
 */
export function wijkLoads(norms: ReadonlyMap<Wijk, WijkNorm>): Map<Wijk, number> {
  const loads = new Map<Wijk, number>()
  for (const n of norms.values()) {
    loads.set(
      n.wijk,
      n.placementShare === null || n.norm <= 0 ? 0 : clamp(n.placementShare / n.norm - 1, -1, 2),
    )
  }
  return loads
}

/**
 * Whether a corporation's submissions lean on a spared wijk beyond its norm: more dwellings there
 * than the norm's share of its submissions, rounded up (so one dwelling of a small batch never warns).
 */
export function leansOnSparedWijk(inWijk: number, submitted: number, norm: WijkNorm): boolean {
  return norm.spared && inWijk > Math.ceil(norm.norm * submitted - 1e-9)
}

/** The stop per complex (a setting): at most `placements` placements in `years` years. */
export interface ComplexStop {
  placements: number
  years: number
}

/**
 * How a dwelling's complex is known: the corporation's complex name or number, else the address up
 * to the house number ("Rijnlaan 120-3" → "Rijnlaan 120"): the flats behind one front door.
 */
export function complexKey(dwelling: { complex: string | null; address: string }): string {
  const named = dwelling.complex?.trim()
  if (named) return named
  return dwelling.address.match(/^\D*\d+/)?.[0].trim() ?? dwelling.address.trim()
}

export const reachedStop = (placements: number, stop: ComplexStop) => placements >= stop.placements

/** Why a dwelling is stopped: its complex, the placements in the window and the dwellings under way. */
export interface StopCount {
  complex: string
  placements: number
  /** Other dwellings of the complex with a shortlist, a match or an offer: placements to come. */
  pending: number
}

/**
 * The dwellings of a batch whose complex has no room left under the stop. Room is the stop minus
 * the placements in its window minus the complex's dwellings already under way; when a batch holds
 * more dwellings of one complex than there is room, the earliest submitted (lowest id) go first,
 * so one quarter cannot overshoot the stop either.
 */
export function stoppedDwellings(
  batch: readonly { id: number; complex: string | null }[],
  placements: ReadonlyMap<string, number>,
  pending: ReadonlyMap<string, number>,
  stop: ComplexStop,
): Map<number, StopCount> {
  const stopped = new Map<number, StopCount>()
  const taken = new Map<string, number>()
  for (const d of [...batch].sort((a, b) => a.id - b.id)) {
    if (d.complex === null) continue
    const count: StopCount = {
      complex: d.complex,
      placements: placements.get(d.complex) ?? 0,
      pending: (pending.get(d.complex) ?? 0) + (taken.get(d.complex) ?? 0),
    }
    if (reachedStop(count.placements + count.pending, stop)) stopped.set(d.id, count)
    else taken.set(d.complex, (taken.get(d.complex) ?? 0) + 1)
  }
  return stopped
}

export function stopReason(count: StopCount, stop: ComplexStop): string {
  const placed = `${count.placements} plaatsing${count.placements === 1 ? '' : 'en'} in ${stop.years} jaar`
  const underWay =
    count.pending === 0
      ? ''
      : `, ${count.pending} ${count.pending === 1 ? 'woning' : 'woningen'} in behandeling`
  return `${count.complex}: complex heeft de stop bereikt (${placed}${underWay}; stop bij ${stop.placements})`
}

/** Used until the officer sets other values in Beheer; docs/matching.md shows what they give. */
export const DEFAULT_SPREADING_SETTINGS: SpreadingSettings = {
  concentrationWeight: 0.5,
  historyWeight: 0.5,
  historyYears: 2,
  complexStopPlacements: 3,
  complexStopYears: 2,
}

/** Intensive support weighs more on a neighbourhood than light support: it counts for more load. */
const INTENSITY_LOAD: Record<SupportIntensity, number> = { licht: 0.5, middel: 1, intensief: 1.5 }

type SpreadingView = Pick<RankingContext, 'wijkLoad' | 'complexPlacements' | 'complexStop'>

const complexCount = (d: DwellingFacts, ctx: SpreadingView) =>
  d.complex ? (ctx.complexPlacements.get(d.complex) ?? 0) : 0

/**
 * The spreading part of a score, before its weight: the wijk's load against its norm plus how near
 * the complex is to its stop (0–1), times the client's support intensity. Negative where a wijk is
 * below its norm, so clients who need much support are drawn to the wijken the plan looks at first.
 */
export function spreadingPenalty(c: ClientFacts, d: DwellingFacts, ctx: SpreadingView): number {
  return intensityLoad(c) * dwellingLoad(d, ctx)
}

/** The client's share of the spreading penalty: how much their support weighs on a neighbourhood. */
export function intensityLoad(c: ClientFacts): number {
  return INTENSITY_LOAD[c.supportIntensity ?? 'middel']
}

/** The dwelling's share of the spreading penalty: its wijk's load plus how near its complex is to the stop. */
export function dwellingLoad(d: DwellingFacts, ctx: SpreadingView): number {
  const nearStop = ctx.complexStop > 0 ? Math.min(1, complexCount(d, ctx) / ctx.complexStop) : 0
  return (ctx.wijkLoad.get(d.wijk) ?? 0) + nearStop
}

export function explainSpreading(c: ClientFacts, d: DwellingFacts, ctx: SpreadingView): string {
  const load = ctx.wijkLoad.get(d.wijk) ?? 0
  const pct = Math.round(Math.abs(load) * 100)
  const parts = [
    pct === 0
      ? `${WIJK.label(d.wijk)} zit op zijn spreidingsnorm`
      : `${WIJK.label(d.wijk)} zit ${pct} % ${load > 0 ? 'boven' : 'onder'} zijn spreidingsnorm`,
  ]
  const count = complexCount(d, ctx)
  if (count > 0)
    parts.push(`${count} van ${ctx.complexStop} plaatsingen tot de stop in ${d.complex}`)
  if (c.supportIntensity === 'intensief') parts.push('intensieve begeleiding telt zwaarder')
  if (c.supportIntensity === 'licht') parts.push('lichte begeleiding telt lichter')
  return parts.join('; ')
}
