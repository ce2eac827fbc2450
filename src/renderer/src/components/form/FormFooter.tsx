import type { ReactNode } from 'react'
import { ErrorAlert } from '../Messages'

interface FormFooterProps {
  error: string | undefined
  saving: boolean
  onCancel: () => void
  submitLabel?: string
  /** Extra controls at the left, e.g. status actions. */
  children?: ReactNode
}

/** The end of every form: its message, then Annuleren and the primary action (Enter). */
export function FormFooter({
  error,
  saving,
  onCancel,
  submitLabel = 'Opslaan',
  children,
}: FormFooterProps) {
  return (
    <div className="form-footer">
      <ErrorAlert message={error} />
      <div className="form-buttons">
        {children && <div className="form-buttons-start">{children}</div>}
        <button type="button" className="button" onClick={onCancel}>
          Annuleren
        </button>
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? 'Opslaan…' : submitLabel}
        </button>
      </div>
    </div>
  )
}
