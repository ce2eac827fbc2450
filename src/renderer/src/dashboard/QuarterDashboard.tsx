import { useMemo } from 'react'
import { client } from '../api/client'
import { InstroomSteeringLine } from '../components/dwellings/InstroomLine'
import { ErrorAlert, Loading } from '../components/Messages'
import { useApi } from '../hooks/use-api'
import { hrefOf } from '../routes'
import { CorporationChart, TrendChart, WaitingChart, type Bucket } from '../reports/charts'
import { kpisOf, type Kpi } from '../reports/kpis'
import { KpiTiles } from '../reports/KpiTiles'
import {
  currentQuarterKey,
  periodLabel,
  reportHref,
  shortQuarterLabel,
} from '../reports/report-location'
import './dashboard.css'

/** How many quarters the trend looks back, the current one included. */
const TREND_QUARTERS = 6
const SMALL = { width: 420, height: 230 }

interface QuarterDashboardProps {
  /** Quarters that have dwellings (quarters:list), to draw the trend over. */
  quarterKeys: readonly string[]
  /** Waiting days of the clients waiting now, for the waiting-list chart. */
  waitingDays: readonly number[] | undefined
}

/** The waiting list now, in the report's own buckets, so both charts read the same way. */
function bucketsOf(buckets: readonly Bucket[], days: readonly number[]): Bucket[] {
  return buckets.map((b) => ({
    ...b,
    count: days.filter((d) => d >= b.fromDays && (b.toDays === null || d <= b.toDays)).length,
  }))
}

/**
 * The current quarter at a glance: the report's key figures (each a link to the list behind it),
 * three small charts, and the trend over the last quarters. Figures from reports:figures, the same
 * call as the printed report, so the dashboard and the report never disagree.
 */
export function QuarterDashboard({ quarterKeys, waitingDays }: QuarterDashboardProps) {
  const current = currentQuarterKey()
  const figures = useApi(() => client.reports.figures({ quarter: current }), [current])
  // The year's instroom course; a quarter not opened yet simply has none to show.
  const overview = useApi(() => client.planning.quarterOverview({ quarter: current }), [current])
  const trendKeys = useMemo(
    () =>
      [...new Set([...quarterKeys, current])]
        .filter((key) => key <= current)
        .sort()
        .slice(-TREND_QUARTERS),
    [quarterKeys, current],
  )
  const trend = useApi(
    () => Promise.all(trendKeys.map((quarter) => client.reports.figures({ quarter }))),
    [trendKeys.join()],
  )

  const data = figures.data
  const hrefOfKpi = (kpi: Kpi) =>
    kpi.list ? hrefOf(kpi.list) : reportHref('rapport', { period: current, part: kpi.part })
  const trendYear = current.slice(0, 4)

  return (
    <section aria-labelledby="dashboard-title" className="section dashboard">
      <div className="dashboard-heading">
        <h2 id="dashboard-title">Dit kwartaal: {periodLabel(current)}</h2>
        <a href={reportHref('rapport', { period: current })}>Volledige kwartaalrapportage</a>
      </div>
      <ErrorAlert
        message={figures.error ?? trend.error}
        onRetry={figures.error ? figures.reload : trend.reload}
      />
      {!data ? (
        figures.loading && <Loading label="Kerncijfers berekenen…" />
      ) : (
        <>
          <InstroomSteeringLine steering={overview.data?.steering ?? null} />
          <KpiTiles
            // The waiting list has its own tile above.
            kpis={kpisOf(data).filter((kpi) => kpi.key !== 'wachtlijst')}
            label={`Kerncijfers ${data.period.label}`}
            hrefOf={hrefOfKpi}
          />
          <div className="dashboard-charts">
            <CorporationChart
              corporations={data.corporations}
              series={['quota', 'submitted', 'allocated']}
              size={SMALL}
              title="Per corporatie: quotum, ingediend en toegewezen"
              footer={<a href={hrefOf('woningen')}>Naar de woningen van dit kwartaal</a>}
            />
            {waitingDays ? (
              <WaitingChart
                buckets={bucketsOf(data.waiting.buckets, waitingDays)}
                size={SMALL}
                countWord="wachtende kandidaten"
                title="Wachtende kandidaten naar wachttijd nu (dagen)"
                footer={<a href={hrefOf('kandidaten')}>Naar de wachtende kandidaten</a>}
              />
            ) : (
              <Loading />
            )}
            {trend.data ? (
              <TrendChart
                points={trend.data.map((f) => ({
                  label: shortQuarterLabel(f.period.key),
                  allocated: f.totals.allocated,
                  quota: f.totals.quota,
                  within91: f.waiting.overall.within91,
                }))}
                size={SMALL}
                title="Trend: toewijzingen en % binnen 91 dagen aangeboden"
                footer={
                  <>
                    {shortQuarterLabel(current)} loopt nog.{' '}
                    <a href={reportHref('rapport', { period: trendYear, part: 'trend' })}>
                      Naar de jaarrapportage {trendYear}
                    </a>
                  </>
                }
              />
            ) : (
              trend.loading && <Loading label="Trend berekenen…" />
            )}
          </div>
        </>
      )}
    </section>
  )
}
