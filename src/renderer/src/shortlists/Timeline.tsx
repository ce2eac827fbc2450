import { useState, type FormEvent } from 'react'
import { client } from '../api/client'
import { ErrorAlert, Loading } from '../components/Messages'
import { useAction } from '../hooks/use-action'
import { useApi } from '../hooks/use-api'
import { formatDatesIn, formatDateTime } from '../format'

/** Everything recorded for the dwelling, newest first: who did what, when. */
export function Timeline({ dwellingId }: { dwellingId: number }) {
  const events = useApi(
    () => client.audit.timeline({ entityType: 'dwelling', entityId: dwellingId }),
    [dwellingId],
  )
  const list = events.data ? [...events.data].reverse() : undefined
  return (
    <section className="sl-panel" aria-labelledby="sl-timeline-title">
      <h3 id="sl-timeline-title">Tijdlijn</h3>
      <NoteForm dwellingId={dwellingId} onAdded={events.reload} />
      <ErrorAlert message={events.error} onRetry={events.reload} />
      {!list && events.loading && <Loading label="Tijdlijn laden…" />}
      {list && list.length === 0 && <p className="muted">Nog niets vastgelegd voor deze woning.</p>}
      {list && list.length > 0 && (
        <ol className="sl-timeline">
          {list.map((event) => (
            <li key={event.id}>
              <span className="sl-when">
                <time dateTime={event.at}>{formatDateTime(event.at)}</time> ·{' '}
                <span title={event.desk ? `Bureau: ${event.desk}` : undefined}>
                  {event.officer}
                </span>
              </span>
              <span>{formatDatesIn(event.summary)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

/** A note on the dwelling's timeline: for Het Vierde Huis only, never in an export. */
function NoteForm({ dwellingId, onAdded }: { dwellingId: number; onAdded: () => void }) {
  const [text, setText] = useState('')
  const saving = useAction()

  function save(event: FormEvent) {
    event.preventDefault()
    void saving.run(async () => {
      await client.audit.addDwellingNote({ dwellingId, text })
      setText('')
      onAdded()
    })
  }

  return (
    <form className="sl-note-form" onSubmit={save}>
      <label htmlFor={`note-${dwellingId}`}>Notitie toevoegen</label>
      <textarea
        id={`note-${dwellingId}`}
        value={text}
        rows={2}
        maxLength={1000}
        onChange={(e) => setText(e.target.value)}
        aria-describedby={`note-hint-${dwellingId}`}
      />
      <span id={`note-hint-${dwellingId}`} className="muted">
        Alleen voor Het Vierde Huis: een notitie gaat nooit mee in een export.
      </span>
      <ErrorAlert message={saving.error} />
      <div>
        <button type="submit" className="button button-small" disabled={saving.busy}>
          {saving.busy ? 'Vastleggen…' : 'Notitie vastleggen'}
        </button>
      </div>
    </form>
  )
}
