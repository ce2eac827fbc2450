import type { Period, QuarterFigures } from '../../shared/api/report-figures'
import { WIJK, type SupportIntensity, type Wijk } from '../../shared/domain/vocabulary'
import type { DbOrTx } from '../db/connection'
import { reachedStop } from '../domain/spreading'
import { spreadingState } from '../services/spreading-service'
import { ratio } from './stats'

interface Placement {
  wijk: Wijk
  supportIntensity: SupportIntensity | null
}

interface Submission {
  wijk: Wijk
  status: string
}

/**
 * Norms, stops and loads as they stood on the period's last day (or today, for a period still
 * running): a report on a past quarter keeps the yardstick of its own time.
 */
function asOf(period: Period, now: Date): Date {
  const end = new Date(`${period.endsOn}T23:59:59`)
  return end < now ? end : now
}

/**
 * The report's spreading section: placements per wijk against the norm, the complexes at or past
 * the stop, and whether clients with intensive support land in spared wijken less often.
 */
export async function spreadingFigures(
  db: DbOrTx,
  period: Period,
  now: Date,
  placements: readonly Placement[],
  submissions: readonly Submission[],
): Promise<Pick<QuarterFigures, 'wijken' | 'spreading'>> {
  const state = await spreadingState(db, asOf(period, now))
  const spared = (wijk: Wijk) => state.norms.get(wijk)?.spared ?? false
  const sparedShare = (group: readonly Placement[]) => {
    const inSpared = group.filter((p) => spared(p.wijk)).length
    return { placed: group.length, inSpared, share: ratio(inSpared, group.length) }
  }
  return {
    wijken: WIJK.keys.map((wijk) => {
      const placed = placements.filter((p) => p.wijk === wijk).length
      const share = ratio(placed, placements.length)
      const norm = state.norms.get(wijk)
      return {
        wijk,
        label: WIJK.label(wijk),
        submitted: submissions.filter((d) => d.wijk === wijk && d.status !== 'ingetrokken').length,
        allocated: placed,
        allocationShare: share,
        stockShare: norm?.stockShare ?? 0,
        norm: norm?.norm ?? 0,
        spared: spared(wijk),
        difference: share === null || !norm ? null : share - norm.norm,
      }
    }),
    spreading: {
      stop: state.stop,
      complexesAtStop: [...state.complexPlacements]
        .filter(([, count]) => reachedStop(count, state.stop))
        .sort(([a, x], [b, y]) => y - x || a.localeCompare(b, 'nl'))
        .map(([complex, count]) => ({ complex, placements: count })),
      intensive: sparedShare(placements.filter((p) => p.supportIntensity === 'intensief')),
      others: sparedShare(placements.filter((p) => p.supportIntensity !== 'intensief')),
    },
  }
}
