import { isEligible, type EligibilityContext } from './eligibility'
import type { ClientFacts, DwellingFacts } from './facts'
import {
  createBatchScorer,
  scoreCandidate,
  type ProviderStanding,
  type RankingContext,
  type Score,
} from './ranking'

export interface ProposedCandidate {
  clientId: number
  score: Score
}

export interface ProposedShortlist {
  dwellingId: number
  /** Eligible clients when this dwelling's turn came, before the batch took any: the context of the choice. */
  eligiblePool: number
  candidates: ProposedCandidate[]
}

/** A stable tiebreak per client that does not favour low codes or early registrations. */
export function tiebreak(code: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < code.length; i++) {
    hash ^= code.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

export function compareCandidates(
  a: { total: number; client: ClientFacts },
  b: { total: number; client: ClientFacts },
): number {
  if (b.total !== a.total) return b.total - a.total
  // ISO dates order as plain strings; localeCompare would be needlessly slow in a hot loop.
  if (a.client.registeredOn !== b.client.registeredOn)
    return a.client.registeredOn < b.client.registeredOn ? -1 : 1
  return tiebreak(a.client.code) - tiebreak(b.client.code)
}

/** The best `n` by `compare`, without sorting the whole pool (a dwelling's pool can be thousands). */
export function best<T>(items: readonly T[], n: number, compare: (a: T, b: T) => number): T[] {
  const top: T[] = []
  for (const item of items) {
    if (top.length === n && compare(item, top[n - 1]!) >= 0) continue
    let at = top.length
    while (at > 0 && compare(item, top[at - 1]!) < 0) at--
    top.splice(at, 0, item)
    if (top.length > n) top.pop()
  }
  return top
}

/**
 * Shortlists for many dwellings at once. The scarcest dwellings (fewest eligible clients) go first,
 * so a dwelling only few can live in is not left empty by a common one taking its candidates. A
 * client is taken by at most as many shortlists as the open-shortlist limit allows, and each pick
 * counts towards its provider's standing, so providers stay balanced across the batch too.
 */
export function buildShortlists(
  dwellings: readonly DwellingFacts[],
  clients: readonly ClientFacts[],
  eligibility: EligibilityContext,
  ranking: RankingContext,
  size: number,
): ProposedShortlist[] {
  const pools = dwellings.map((dwelling) => ({
    dwelling,
    eligible: clients.filter((client) => isEligible(client, dwelling, eligibility)),
  }))
  pools.sort((a, b) => a.eligible.length - b.eligible.length || a.dwelling.id - b.dwelling.id)

  const used = new Map<number, number>()
  const providers = new Map<number, ProviderStanding>(
    [...ranking.providers].map(([id, standing]) => [id, { ...standing }]),
  )
  const batchRanking: RankingContext = { ...ranking, providers }
  const scoreTotal = createBatchScorer(batchRanking)

  return pools.map(({ dwelling, eligible }) => {
    const free = eligible.filter(
      (c) => c.openShortlists + (used.get(c.id) ?? 0) < eligibility.maxOpenShortlists,
    )
    const chosen = best(
      free.map((client) => ({ client, total: scoreTotal(client, dwelling) })),
      Math.max(0, size),
      compareCandidates,
    )
    const candidates = chosen.map(({ client }) => ({
      clientId: client.id,
      score: scoreCandidate(client, dwelling, batchRanking),
    }))
    for (const { client } of chosen) {
      used.set(client.id, (used.get(client.id) ?? 0) + 1)
      const standing = providers.get(client.careProviderId)
      // One of the shortlist's candidates will get the dwelling: count each as a share of it.
      if (standing) standing.allocated += 1 / size
    }
    return { dwellingId: dwelling.id, eligiblePool: eligible.length, candidates }
  })
}
