import { useState } from 'react'
import type { QuarterOverview } from '../../../../shared/api'
import { client } from '../../api/client'
import { formatNumber, formatShare } from '../../format'
import { useDataVersion } from '../../hooks/data-version'
import { useAction } from '../../hooks/use-action'
import { useApi } from '../../hooks/use-api'
import { ErrorAlert, Loading } from '../Messages'
import { InstroomLine, InstroomSteeringLine } from './InstroomLine'
import { OverviewTable } from './OverviewTable'
import { SpreadingWarnings } from './SpreadingWarnings'

interface QuarterOverviewPanelProps {
  quarter: string
  quarterName: string
  /** False for a quarter nobody planned or submitted to yet: there is nothing to read. */
  exists: boolean
}

function TargetNote({ overview }: { overview: QuarterOverview }) {
  const year = overview.quarter.year
  if (!overview.target)
    return (
      <p className="overview-note overview-warning">
        Voor {year} is nog geen taakstelling vastgelegd, dus er is geen quotum. Leg die vast bij
        Beheer → Taakstelling per jaar.
      </p>
    )
  return (
    <p className="overview-note">
      Taakstelling {year}: {formatNumber(overview.target.target)} woningen. Quotum dit kwartaal:{' '}
      {formatNumber(overview.totals.quota)}
      {overview.totals.carried > 0 &&
        `, waarvan ${formatNumber(overview.totals.carried)} tekort uit vorig kwartaal`}
      .
    </p>
  )
}

const EXPANDED_KEY = 'woningen.kwartaaloverzicht'

/** One line for when the overview is folded away. */
function CompactSummary({ overview }: { overview: QuarterOverview }) {
  const { quota, submitted } = overview.totals
  return (
    <p className="overview-note">
      Quotum {formatNumber(quota)}, ingediend {formatNumber(submitted)}
      {quota > 0 && ` (${formatShare(submitted / quota)})`}.
    </p>
  )
}

/**
 * Per corporation: its quota for the quarter (pro rata, plus last quarter's shortfall when chosen)
 * against what it submitted and how far those dwellings got. A plain table: a handful of rows,
 * read at a glance, with a totals row.
 */
export function QuarterOverviewPanel({ quarter, quarterName, exists }: QuarterOverviewPanelProps) {
  const overview = useApi(
    () => (exists ? client.planning.quarterOverview({ quarter }) : Promise.resolve(undefined)),
    [quarter, exists],
  )
  const { refreshAll } = useDataVersion()
  const planning = useAction()
  const data = overview.data?.quarter.key === quarter ? overview.data : undefined
  const [expanded, setExpanded] = useState(() => localStorage.getItem(EXPANDED_KEY) !== 'closed')

  // The box follows the click at once; the overview catches up when it has reloaded.
  const [chosenCarry, setChosenCarry] = useState<{ quarter: string; carry: boolean }>()
  const carry =
    chosenCarry?.quarter === quarter ? chosenCarry.carry : (data?.quarter.carryShortfall ?? false)

  async function plan(carryShortfall: boolean) {
    setChosenCarry({ quarter, carry: carryShortfall })
    const planned = await planning.run(async () => {
      await client.planning.planQuarter({ quarter, carryShortfall })
      refreshAll()
    })
    if (!planned) setChosenCarry(undefined)
  }

  function toggle() {
    const next = !expanded
    setExpanded(next)
    // Remembered on this computer: an officer who wants the grid higher keeps it that way.
    localStorage.setItem(EXPANDED_KEY, next ? 'open' : 'closed')
  }

  return (
    <section aria-labelledby="overview-title" className="overview">
      <div className="overview-header">
        <h2 id="overview-title">Kwartaaloverzicht {quarterName}</h2>
        <button
          type="button"
          className="button-link"
          aria-expanded={expanded}
          aria-controls="overview-body"
          onClick={toggle}
        >
          {expanded ? 'Overzicht verbergen' : 'Overzicht tonen'}
        </button>
        {expanded && (
          <label className="check-row overview-carry">
            <input
              type="checkbox"
              checked={carry}
              disabled={planning.busy || (exists && !data)}
              onChange={(e) => void plan(e.target.checked)}
              aria-describedby="carry-hint"
            />
            Tekort van vorig kwartaal meenemen
          </label>
        )}
      </div>
      <ErrorAlert message={overview.error ?? planning.error} onRetry={overview.reload} />
      {!expanded ? (
        data && <CompactSummary overview={data} />
      ) : (
        <div id="overview-body">
          <p id="carry-hint" className="visually-hidden">
            Wat een corporatie vorig kwartaal te weinig indiende, komt bij haar quotum voor dit
            kwartaal.
          </p>
          {!exists ? (
            <p className="overview-note">
              Voor {quarterName} is nog niets ingediend of gepland. Het kwartaal begint zodra er een
              woning wordt toegevoegd of geïmporteerd.{' '}
              <button
                type="button"
                className="button-link"
                onClick={() => void plan(false)}
                disabled={planning.busy}
              >
                Quota nu berekenen
              </button>
            </p>
          ) : !data ? (
            overview.loading && <Loading label="Kwartaaloverzicht laden…" />
          ) : (
            <>
              <TargetNote overview={data} />
              {data.lines.length === 0 ? (
                <p className="muted">Er zijn nog geen actieve corporaties vastgelegd.</p>
              ) : (
                <OverviewTable overview={data} quarterName={quarterName} />
              )}
              <InstroomLine instroom={data.instroom} />
              <InstroomSteeringLine steering={data.steering} />
              <SpreadingWarnings warnings={data.spreadingWarnings} />
            </>
          )}
        </div>
      )}
    </section>
  )
}
