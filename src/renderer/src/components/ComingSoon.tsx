import type { ReactNode } from 'react'

/** An honest placeholder: says what is not there yet and what it will do. */
export function ComingSoon({ summary, children }: { summary: string; children: ReactNode }) {
  return (
    <section className="coming-soon" aria-labelledby="coming-soon-title">
      <h2 id="coming-soon-title">Nog niet beschikbaar</h2>
      <p>{summary}</p>
      {children}
    </section>
  )
}
