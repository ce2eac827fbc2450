import { useState } from 'react'
import type { QuarterLine, QuarterOverview } from '../../../../shared/api'
import { client } from '../../api/client'
import { dutchMessage } from '../../errors'
import { formatNumber, formatShare } from '../../format'
import { useDataVersion } from '../../hooks/data-version'
import { useApi } from '../../hooks/use-api'
import { ErrorAlert, Loading } from '../Messages'
import { InstroomLine } from './InstroomLine'
import { QuotaProgress } from './QuotaProgress'

interface QuarterOverviewPanelProps {
  quarter: string
  quarterName: string
  /** False for a quarter nobody planned or submitted to yet: there is nothing to read. */
  exists: boolean
}

type Counts = Pick<
  QuarterLine,
  'carried' | 'quota' | 'submitted' | 'inShortlist' | 'matched' | 'allocated'
>

function Cells({ line }: { line: Counts }) {
  return (
    <>
      <td className="numeric">
        {formatNumber(line.quota)}
        {line.carried > 0 && (
          <span className="cell-note">+{formatNumber(line.carried)} uit vorig kwartaal</span>
        )}
      </td>
      <td className="numeric">{formatNumber(line.submitted)}</td>
      <td>
        <QuotaProgress submitted={line.submitted} quota={line.quota} />
      </td>
      <td className="numeric">{formatNumber(line.inShortlist)}</td>
      <td className="numeric">{formatNumber(line.matched)}</td>
      <td className="numeric">{formatNumber(line.allocated)}</td>
    </>
  )
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

/**
 * Per corporation: its quota for the quarter (pro rata, plus last quarter's shortfall when chosen)
 * against what it submitted and how far those dwellings got. A plain table: a handful of rows,
 * read at a glance, with a totals row.
 */
export function QuarterOverviewPanel({ quarter, quarterName, exists }: QuarterOverviewPanelProps) {
  const overview = useApi(
    () => (exists ? client.quarterOverview({ quarter }) : Promise.resolve(undefined)),
    [quarter, exists],
  )
  const { refreshAll } = useDataVersion()
  const [planning, setPlanning] = useState(false)
  const [planError, setPlanError] = useState<string>()
  const data = overview.data?.quarter.key === quarter ? overview.data : undefined

  async function plan(carryShortfall: boolean) {
    setPlanning(true)
    setPlanError(undefined)
    try {
      await client.planQuarter({ quarter, carryShortfall })
      refreshAll()
    } catch (error) {
      setPlanError(dutchMessage(error))
    } finally {
      setPlanning(false)
    }
  }

  return (
    <section aria-labelledby="overview-title" className="overview">
      <div className="overview-header">
        <h2 id="overview-title">Kwartaaloverzicht {quarterName}</h2>
        <label className="check-row">
          <input
            type="checkbox"
            checked={data?.quarter.carryShortfall ?? false}
            disabled={planning || (exists && !data)}
            onChange={(e) => void plan(e.target.checked)}
            aria-describedby="carry-hint"
          />
          Tekort van vorig kwartaal meenemen
        </label>
      </div>
      <p id="carry-hint" className="visually-hidden">
        Wat een corporatie vorig kwartaal te weinig indiende, komt bij haar quotum voor dit
        kwartaal.
      </p>
      <ErrorAlert message={overview.error ?? planError} onRetry={overview.reload} />
      {!exists ? (
        <p className="overview-note">
          Voor {quarterName} is nog niets ingediend of gepland. Het kwartaal begint zodra er een
          woning wordt toegevoegd of geïmporteerd.{' '}
          <button
            type="button"
            className="button-link"
            onClick={() => void plan(false)}
            disabled={planning}
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
            <table className="table overview-table">
              <caption className="visually-hidden">
                Quotum en voortgang per corporatie, {quarterName}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Corporatie</th>
                  <th scope="col" className="numeric">
                    Aandeel voorraad
                  </th>
                  <th scope="col" className="numeric">
                    Quotum
                  </th>
                  <th scope="col" className="numeric">
                    Ingediend
                  </th>
                  <th scope="col">Voortgang</th>
                  <th scope="col" className="numeric">
                    In voordracht
                  </th>
                  <th scope="col" className="numeric">
                    Gematcht
                  </th>
                  <th scope="col" className="numeric">
                    Verhuurd
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.lines.map((line) => (
                  <tr key={line.corporationId}>
                    <th scope="row">{line.corporation}</th>
                    <td className="numeric">{formatShare(line.stockShare)}</td>
                    <Cells line={line} />
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">Totaal</th>
                  <td className="numeric">{formatShare(1)}</td>
                  <Cells line={data.totals} />
                </tr>
              </tfoot>
            </table>
          )}
          <InstroomLine instroom={data.instroom} />
        </>
      )}
    </section>
  )
}
