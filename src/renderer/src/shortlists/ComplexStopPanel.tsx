import { useState } from 'react'
import { client } from '../api/client'
import { ErrorAlert } from '../components/Messages'
import { useDataVersion } from '../hooks/data-version'
import { useApi } from '../hooks/use-api'
import { LiftStopDialog } from './dialogs/LiftStopDialog'

/**
 * The stop per complex for this dwelling: why nobody is eligible, and the one way past it, an
 * officer's reason. Shows nothing while the complex has room.
 */
export function ComplexStopPanel({ dwellingId }: { dwellingId: number }) {
  const stop = useApi(() => client.spreading.complexStopOf({ dwellingId }), [dwellingId])
  const { refreshAll } = useDataVersion()
  const [lifting, setLifting] = useState(false)
  const s = stop.data
  if (stop.error) return <ErrorAlert message={stop.error} onRetry={stop.reload} />
  if (!s || (!s.stopped && s.override === null)) return null

  const underWay =
    s.pending === 0
      ? ''
      : `, ${s.pending} ${s.pending === 1 ? 'woning' : 'woningen'} in behandeling`
  return (
    <section className="sl-panel" aria-labelledby="sl-stop-title">
      <h3 id="sl-stop-title">Stop per complex</h3>
      {s.override !== null ? (
        <p className="sl-panel-intro">
          De stop voor {s.complex} is voor deze woning opgeheven: {s.override}
        </p>
      ) : (
        <>
          <div className="sl-warning">
            <p>
              {s.complex} heeft de stop bereikt: {s.placements} plaatsingen in {s.limit.years} jaar
              {underWay}; de stop ligt bij {s.limit.placements}. Daarom komt niemand voor deze
              woning in aanmerking.
            </p>
          </div>
          <button type="button" className="button" onClick={() => setLifting(true)}>
            Stop opheffen…
          </button>
        </>
      )}
      {lifting && (
        <LiftStopDialog
          dwellingId={dwellingId}
          complex={s.complex}
          onClose={() => setLifting(false)}
          onDone={() => {
            setLifting(false)
            refreshAll()
          }}
        />
      )}
    </section>
  )
}
