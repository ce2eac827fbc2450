import { useAppInfo } from '../hooks/app-info'
import { hrefOf } from '../routes'

interface EmptyDatabaseProps {
  busy: boolean
  onLoadDemo: () => void
}

/** First start: nothing registered yet. Calm, one clear way forward. */
export function EmptyDatabase({ busy, onLoadDemo }: EmptyDatabaseProps) {
  const info = useAppInfo()
  // Team mode: the team's database gets real data only (the demo is refused there).
  if (info.data?.store === 'postgres') {
    return (
      <section className="empty-state" aria-labelledby="empty-title">
        <h2 id="empty-title">De teamdatabase is nog leeg</h2>
        <p>
          Er zijn nog geen corporaties, zorgaanbieders, kandidaten of woningen vastgelegd. Begin in{' '}
          <a href={hrefOf('beheer')}>Beheer</a> met de corporaties en zorgaanbieders, of laat de
          beheerder de database van een bureau overzetten met{' '}
          <code>npm run cli -- migrate-to-postgres</code>. Demogegevens worden in de teamdatabase
          niet geladen.
        </p>
      </section>
    )
  }
  return (
    <section className="empty-state" aria-labelledby="empty-title">
      <h2 id="empty-title">De database is nog leeg</h2>
      <p>
        Er zijn nog geen corporaties, zorgaanbieders, kandidaten of woningen vastgelegd. Laad
        demogegevens om de applicatie te verkennen: fictieve kandidaten en woningen in Utrecht,
        verdeeld over een aantal kwartalen.
      </p>
      <button type="button" className="button button-primary" onClick={onLoadDemo} disabled={busy}>
        {busy ? 'Demogegevens laden…' : 'Demogegevens laden'}
      </button>
    </section>
  )
}
