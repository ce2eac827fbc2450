import type { ReactNode } from 'react'

/** A group of fields under a heading ("Adres", "Huur"), laid out in two columns. */
export function FormSection({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="form-section">
      <legend>{legend}</legend>
      <div className="form-grid">{children}</div>
    </fieldset>
  )
}
