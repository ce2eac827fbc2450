import { format } from 'date-fns'
import { ApiError } from '../../shared/api/endpoint'
import type { FiguresRequest } from '../../shared/api/reports'
import type {
  CareProviderFigures,
  CorporationFigures,
  Period,
  QuarterFigures,
} from '../../shared/api/report-figures'
import { yearlyContingent } from '../../shared/domain/contingent'
import { parseQuarter, quarterBounds, quarterLabel } from '../../shared/domain/quarter'
import { REJECTION_REASON, TARGET_GROUP } from '../../shared/domain/vocabulary'
import { localIsoDate } from '../../shared/domain/dates'
import { addWorkingDays } from '../domain/deadlines'
import { quotasForQuarter } from '../domain/planning'
import type { ServiceContext } from '../services/context'
import { getSettings, quarterOverview } from '../services/planning-service'
import { daysBetween, loadPeriodData, type PeriodData } from './figures-data'
import { resolvePeriod, yearFraction } from './period'
import { spreadingFigures } from './spreading-figures'
import { bucketise, groupBy, mean, median, percentile, ratio, waitStats } from './stats'

/**
 * The monitoring figures of a quarter or a year: the single computation behind the report
 * workbook, the printable report and the dashboard (domain.md §4).
 */
export async function computeFigures(
  ctx: ServiceContext,
  request: FiguresRequest,
): Promise<QuarterFigures> {
  const period = resolvePeriod(request)
  const data = await loadPeriodData(ctx.store.db, period)
  if (data.openQuarters.length === 0) {
    throw new ApiError('not-found', `Er is nog geen kwartaal geopend in ${period.label}`)
  }
  const quotas = await quotaByCorporation(ctx, period, data)
  const corporationFigures = corporationsOf(data, quotas, await answerTimeliness(ctx, data))
  const sum = (pick: (c: CorporationFigures) => number) =>
    corporationFigures.reduce((total, c) => total + pick(c), 0)
  const quota = sum((c) => c.quota)
  const allocated = data.allocations.length
  const instroom = data.allocations.filter((a) => a.flow === 'instroom').length
  const waitDays = data.firstOffers.map((o) => daysBetween(o.registeredOn, o.offeredOn))
  const vacancy = data.allocations.map((a) => daysBetween(a.submittedOn, a.startsOn))

  return {
    period,
    generatedAt: ctx.now().toISOString(),
    target: data.target && {
      target: data.target.target,
      instroomShareTarget: data.target.instroomShareTarget,
    },
    totals: {
      quota,
      submitted: sum((c) => c.submitted),
      withdrawn: sum((c) => c.withdrawn),
      presentedCandidates: data.presentedCandidates.length,
      presentedClients: new Set(data.presentedCandidates.map((c) => c.clientId)).size,
      matched: sum((c) => c.matched),
      allocated,
      submissionRate: ratio(
        sum((c) => c.submitted),
        quota,
      ),
      realisation: ratio(allocated, quota),
      registered: [...data.registrations.values()].reduce((a, n) => a + n, 0),
      waitingListNow: data.waitingListNow,
    },
    corporations: corporationFigures,
    careProviders: careProvidersOf(data, period),
    waiting: waitingOf(data, waitDays),
    rounds: roundsOf(data),
    instroom: {
      allocated,
      instroom,
      share: ratio(instroom, allocated),
      target: data.target?.instroomShareTarget ?? null,
    },
    offers: {
      declined: data.declinedOffers.length,
      oneTimeUsed: data.declinedOffers.filter((o) => o.usedOneTimeOffer).length,
    },
    ...(await spreadingFigures(ctx.store.db, period, ctx.now(), data.allocations, data.dwellings)),
    vacancy: {
      count: vacancy.length,
      median: median(vacancy),
      p75: percentile(vacancy, 0.75),
      mean: mean(vacancy),
      max: vacancy.length ? Math.max(...vacancy) : null,
    },
    trend: period.kind === 'year' ? await trendRows(ctx, data.openQuarters) : [],
  }
}

/**
 * A quarter's quotas as the quarter screen shows them (with any carried shortfall). A year's are
 * the four quarters' pro-rata quotas without carrying, which would count a shortfall twice.
 */
async function quotaByCorporation(ctx: ServiceContext, period: Period, data: PeriodData) {
  if (period.kind === 'quarter') {
    const overview = await quarterOverview(ctx, period.quarters[0]!)
    return new Map(overview.lines.map((l) => [l.corporationId, l.quota]))
  }
  // Same holders, order and split as planning-service's overview: active corporations by name.
  const holders = data.corporations.filter((c) => c.active)
  const target = data.target?.target ?? 0
  const quotas = new Map<number, number>()
  for (const number of [1, 2, 3, 4]) {
    const split = quotasForQuarter(
      target,
      holders.map((h) => h.socialStock),
      number,
    )
    holders.forEach((h, i) => quotas.set(h.id, (quotas.get(h.id) ?? 0) + (split[i] ?? 0)))
  }
  return quotas
}

/**
 * Per dwelling, whether the corporation answered its presented rounds within the answer term of
 * the year they were presented in: on time, or late (after the term, or still open past it).
 */
async function answerTimeliness(ctx: ServiceContext, data: PeriodData) {
  const today = localIsoDate(ctx.now())
  const terms = new Map<number, number>()
  const termOf = async (year: number) => {
    if (!terms.has(year)) terms.set(year, (await getSettings(ctx, year)).values.answerWorkingDays)
    return terms.get(year)!
  }
  const byDwelling = new Map<number, { onTime: number; late: number }>()
  for (const round of data.presentedRounds) {
    if (!round.presentedAt) continue
    const presented = localIsoDate(new Date(round.presentedAt))
    const due = addWorkingDays(presented, await termOf(Number(presented.slice(0, 4))))
    const answered = round.decidedAt ? localIsoDate(new Date(round.decidedAt)) : null
    const entry = byDwelling.get(round.dwellingId) ?? { onTime: 0, late: 0 }
    if (answered !== null && answered <= due) entry.onTime += 1
    else if (answered !== null || today > due) entry.late += 1
    byDwelling.set(round.dwellingId, entry)
  }
  return byDwelling
}

function corporationsOf(
  data: PeriodData,
  quotas: Map<number, number>,
  answers: Map<number, { onTime: number; late: number }>,
): CorporationFigures[] {
  return data.corporations
    .filter((c) => c.active || data.dwellings.some((d) => d.corporationId === c.id))
    .map((c) => {
      const own = data.dwellings.filter((d) => d.corporationId === c.id)
      const ids = new Set(own.map((d) => d.id))
      const allocated = data.allocations.filter((a) => a.corporationId === c.id)
      const quota = quotas.get(c.id) ?? 0
      const submitted = own.filter((d) => d.status !== 'ingetrokken').length
      return {
        corporationId: c.id,
        corporation: c.name,
        quota,
        submitted,
        withdrawn: own.length - submitted,
        presented: data.presentedCandidates.filter((p) => ids.has(p.dwellingId)).length,
        matched: new Set(
          data.presentedRounds
            .filter((r) => r.status === 'gekozen' && ids.has(r.dwellingId))
            .map((r) => r.dwellingId),
        ).size,
        allocated: allocated.length,
        submissionRate: ratio(submitted, quota),
        realisation: ratio(allocated.length, quota),
        medianVacancyDays: median(allocated.map((a) => daysBetween(a.submittedOn, a.startsOn))),
        answeredOnTime: own.reduce((sum, d) => sum + (answers.get(d.id)?.onTime ?? 0), 0),
        answeredLate: own.reduce((sum, d) => sum + (answers.get(d.id)?.late ?? 0), 0),
      }
    })
}

function careProvidersOf(data: PeriodData, period: Period): CareProviderFigures[] {
  const target = data.target?.target ?? null
  return data.careProviders
    .map((p) => {
      const allocated = data.allocations.filter((a) => a.careProviderId === p.id).length
      const perYear = yearlyContingent(p, target)
      const contingent = perYear === null ? null : perYear * yearFraction(period)
      return {
        careProviderId: p.id,
        careProvider: p.name,
        registered: data.registrations.get(p.id) ?? 0,
        presented: data.presentedCandidates.filter((c) => c.careProviderId === p.id).length,
        allocated,
        contingent,
        contingentRealisation: ratio(allocated, contingent),
        active: p.active,
      }
    })
    .filter((p) => p.active || p.registered + p.presented + p.allocated > 0)
    .map(({ active: _active, ...p }) => p)
}

function waitingOf(data: PeriodData, days: number[]): QuarterFigures['waiting'] {
  const withDays = data.firstOffers.map((o, i) => ({ ...o, days: days[i]! }))
  const byProvider = groupBy(withDays, (o) => o.careProviderId)
  return {
    overall: waitStats(days),
    byGroup: TARGET_GROUP.keys.map((group) => ({
      key: group,
      label: TARGET_GROUP.label(group),
      ...waitStats(withDays.filter((o) => o.targetGroup === group).map((o) => o.days)),
    })),
    byProvider: data.careProviders
      .filter((p) => byProvider.has(p.id))
      .map((p) => ({
        key: String(p.id),
        label: p.name,
        ...waitStats(byProvider.get(p.id)!.map((o) => o.days)),
      })),
    buckets: bucketise(days),
  }
}

function roundsOf(data: PeriodData): QuarterFigures['rounds'] {
  const chosen = data.presentedRounds.filter((r) => r.status === 'gekozen')
  const rejected = data.presentedRounds.filter((r) => r.status === 'afgewezen')
  const rejections = data.presentedCandidates.filter((c) => c.decision === 'geen-match')
  // A dwelling matched again after a declined offer has two chosen rounds; it is one matched
  // dwelling, counted in the round that matched it last (as totals.matched counts dwellings).
  const matchedIn = new Map<number, number>()
  for (const r of chosen)
    matchedIn.set(r.dwellingId, Math.max(matchedIn.get(r.dwellingId) ?? 0, r.round))
  const byRound = groupBy([...matchedIn.values()], (round) => round)
  return {
    presentedRounds: data.presentedRounds.length,
    decided: chosen.length + rejected.length,
    chosen: chosen.length,
    rejectedRounds: rejected.length,
    bottleneckShare: ratio(rejected.length, chosen.length + rejected.length),
    averageRounds: mean([...matchedIn.values()]),
    byRound: [...byRound.keys()]
      .sort((a, b) => a - b)
      .map((round) => ({ round, count: byRound.get(round)!.length })),
    rejections: rejections.length,
    tooFewEligible: data.dwellings.filter((d) => d.shortNote === 'too-few-eligible').length,
    neededElsewhere: data.dwellings.filter((d) => d.shortNote === 'needed-elsewhere').length,
    decidedByBalance: data.presentedCandidates.filter((c) => c.decidedByBalance).length,
    reasons: REJECTION_REASON.keys.map((reason) => {
      const n = rejections.filter((r) => r.reason === reason).length
      return {
        reason,
        label: REJECTION_REASON.label(reason),
        count: n,
        share: ratio(n, rejections.length),
      }
    }),
  }
}

/** One trend row per quarter, one after another (each reads the figures of its quarter). */
async function trendRows(ctx: ServiceContext, keys: readonly string[]) {
  const rows = []
  for (const key of keys) rows.push(await trendRow(ctx, key))
  return rows
}

async function trendRow(ctx: ServiceContext, key: QuarterFigures['trend'][number]['key']) {
  const f = await computeFigures(ctx, { quarter: key })
  const today = format(ctx.now(), 'yyyy-MM-dd')
  return {
    key,
    label: quarterLabel(parseQuarter(key)),
    running: quarterBounds(parseQuarter(key)).endsOn >= today,
    quota: f.totals.quota,
    submitted: f.totals.submitted,
    presented: f.totals.presentedCandidates,
    matched: f.totals.matched,
    allocated: f.totals.allocated,
    realisation: f.totals.realisation,
    medianWait: f.waiting.overall.median,
    within91: f.waiting.overall.within91,
    instroomShare: f.instroom.share,
  }
}
