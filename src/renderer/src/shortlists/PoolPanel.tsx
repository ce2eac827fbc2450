import { useState } from 'react'
import { TARGET_GROUP } from '../../../shared/domain/vocabulary'
import { client } from '../api/client'
import { ErrorAlert, Loading } from '../components/Messages'
import { countOf, formatNumber } from '../format'
import { useApi } from '../hooks/use-api'
import { isOverdue } from '../waiting-time'
import { formatPoints } from './words'

const FIRST = 8

/**
 * Who else could get this dwelling now: free, eligible clients by score. Clients on another open
 * shortlist are not free, so after "Voordrachten maken" this is usually much smaller than the
 * pool the round was chosen from.
 */
export function PoolPanel({ dwellingId }: { dwellingId: number }) {
  const pool = useApi(() => client.shortlists.pool({ dwellingId }), [dwellingId])
  const [all, setAll] = useState(false)
  const entries = pool.data?.entries ?? []
  const shown = all ? entries : entries.slice(0, FIRST)
  return (
    <section className="sl-panel" aria-labelledby="sl-pool-title">
      <h3 id="sl-pool-title">Nu vrij en in aanmerking</h3>
      <ErrorAlert message={pool.error} onRetry={pool.reload} />
      {!pool.data && pool.loading && <Loading label="Kandidaten laden…" />}
      {pool.data && (
        <p className="muted sl-panel-intro">
          {pool.data.eligible === 0
            ? 'Niemand die nu vrij is, komt voor deze woning in aanmerking.'
            : `${countOf(pool.data.eligible, 'kandidaat', 'kandidaten')} die nu niet op een andere open voordracht staan; hoogste score eerst.`}
        </p>
      )}
      {shown.length > 0 && (
        <table className="sl-table">
          <caption className="visually-hidden">
            Vrije kandidaten in aanmerking, hoogste score eerst
          </caption>
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Zorgaanbieder</th>
              <th scope="col">Doelgroep</th>
              <th scope="col" className="numeric">
                Wachtdagen
              </th>
              <th scope="col" className="numeric">
                Score
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((entry) => (
              <tr key={entry.clientId}>
                <th scope="row" className="sl-code">
                  {entry.code}
                </th>
                <td>{entry.careProvider}</td>
                <td>{TARGET_GROUP.label(entry.targetGroup)}</td>
                <td className="numeric">
                  <span className={isOverdue(entry.waitingDays) ? 'sl-overdue' : undefined}>
                    {formatNumber(entry.waitingDays)}
                  </span>
                </td>
                <td className="numeric">{entry.score === null ? '' : formatPoints(entry.score)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {entries.length > FIRST && (
        <button
          type="button"
          className="button-link sl-more"
          onClick={() => setAll(!all)}
          aria-expanded={all}
        >
          {all ? `Alleen de eerste ${FIRST} tonen` : `Alle ${formatNumber(entries.length)} tonen`}
        </button>
      )}
    </section>
  )
}
