import { ErrorAlert } from '../Messages'

interface FormFooterProps {
  error: string | undefined
  saving: boolean
  onCancel: () => void
  submitLabel?: string
  savingLabel?: string
}

/** The end of every form: its message, then Annuleren and the primary action (Enter). */
export function FormFooter({
  error,
  saving,
  onCancel,
  submitLabel = 'Opslaan',
  savingLabel = 'Opslaan…',
}: FormFooterProps) {
  return (
    <div className="form-footer">
      <ErrorAlert message={error} />
      <div className="form-buttons">
        <button type="button" className="button" onClick={onCancel}>
          Annuleren
        </button>
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? savingLabel : submitLabel}
        </button>
      </div>
    </div>
  )
}
