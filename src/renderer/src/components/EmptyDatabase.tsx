interface EmptyDatabaseProps {
  busy: boolean
  onLoadDemo: () => void
}

/** First start: nothing registered yet. Calm, one clear way forward. */
export function EmptyDatabase({ busy, onLoadDemo }: EmptyDatabaseProps) {
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
