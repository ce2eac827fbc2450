import { useState, type FormEvent } from 'react'
import { client } from '../api/client'
import { useAction } from '../hooks/use-action'
import { ErrorAlert } from './Messages'

interface OfficerFormProps {
  current: string
  onSaved: () => void
  onCancel: () => void
}

/** The name that goes into the audit log with every change and export from now on. */
export function OfficerForm({ current, onSaved, onCancel }: OfficerFormProps) {
  const [name, setName] = useState(current)
  const saving = useAction()

  function save(event: FormEvent) {
    event.preventDefault()
    void saving.run(async () => {
      await client.app.setOfficer({ name })
      onSaved()
    })
  }

  return (
    <form
      className="officer-form"
      onSubmit={save}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <label htmlFor="officer-name">Uw naam</label>
      <input
        id="officer-name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        autoFocus
        autoComplete="name"
        maxLength={80}
        aria-invalid={saving.error ? true : undefined}
        aria-describedby={saving.error ? 'officer-error' : undefined}
      />
      <button type="submit" className="button button-primary button-small" disabled={saving.busy}>
        {saving.busy ? 'Opslaan…' : 'Opslaan'}
      </button>
      <button type="button" className="button button-small" onClick={onCancel}>
        Annuleren
      </button>
      <div id="officer-error" className="officer-error">
        <ErrorAlert message={saving.error} />
      </div>
    </form>
  )
}
