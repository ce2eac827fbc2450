import { client } from '../api/client'
import { ErrorAlert, Loading } from '../components/Messages'
import { useApi } from '../hooks/use-api'
import { formatDatesIn, formatDateTime } from '../format'

/** Everything recorded for the dwelling, newest first: who did what, when. */
export function Timeline({ dwellingId }: { dwellingId: number }) {
  const events = useApi(
    () => client.timeline({ entityType: 'dwelling', entityId: dwellingId }),
    [dwellingId],
  )
  const list = events.data ? [...events.data].reverse() : undefined
  return (
    <section className="sl-panel" aria-labelledby="sl-timeline-title">
      <h3 id="sl-timeline-title">Tijdlijn</h3>
      <ErrorAlert message={events.error} onRetry={events.reload} />
      {!list && events.loading && <Loading label="Tijdlijn laden…" />}
      {list && list.length === 0 && <p className="muted">Nog niets vastgelegd voor deze woning.</p>}
      {list && list.length > 0 && (
        <ol className="sl-timeline">
          {list.map((event) => (
            <li key={event.id}>
              <span className="sl-when">
                <time dateTime={event.at}>{formatDateTime(event.at)}</time> · {event.officer}
              </span>
              <span>{formatDatesIn(event.summary)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
