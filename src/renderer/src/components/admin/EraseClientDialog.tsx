import { useState, type FormEvent } from 'react'
import type { ClientRow } from '../../../../shared/api'
import { CLIENT_STATUS } from '../../../../shared/domain/vocabulary'
import { client } from '../../api/client'
import { dutchMessage } from '../../errors'
import { useDataVersion } from '../../hooks/data-version'
import { Dialog } from '../Dialog'
import { FormFooter } from '../form/FormFooter'
import { TextAreaField } from '../form/TextAreaField'

/** Erasure on request (AVG art. 17): asks for a reason without personal data, then erases. */
export function EraseClientDialog({
  target,
  onClose,
  onErased,
}: {
  target: ClientRow
  onClose: () => void
  onErased: (message: string) => void
}) {
  const { refreshAll } = useDataVersion()
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string>()
  const [saving, setSaving] = useState(false)

  async function erase(event: FormEvent) {
    event.preventDefault()
    if (reason.trim() === '') {
      setError('Vul de reden in (zonder persoonsgegevens), bijvoorbeeld “verzoek van de cliënt”.')
      return
    }
    setSaving(true)
    try {
      const result = await client.eraseClient({ clientId: target.id, reason: reason.trim() })
      refreshAll()
      onErased(
        result.outcome === 'deleted'
          ? `Kandidaat ${result.code} is volledig verwijderd.`
          : `De persoonsgegevens van ${result.code} zijn gewist. De code blijft bewaard, omdat de kandidaat op voordrachten of aanbiedingen staat die in de cijfers meetellen.`,
      )
    } catch (e) {
      setError(dutchMessage(e))
      setSaving(false)
    }
  }

  return (
    <Dialog
      title={`Gegevens van ${target.code} wissen`}
      description={`${target.careProvider} · ${CLIENT_STATUS.labels[target.status]}`}
      onClose={onClose}
    >
      <form className="dialog-form" onSubmit={(e) => void erase(e)} noValidate>
        <div className="dialog-body">
          <p>
            De kandidaat gaat van elke open voordracht af. Staat de kandidaat op voordrachten of
            aanbiedingen, dan blijft alleen de code bewaard; anders wordt de kandidaat helemaal
            verwijderd. Dit kan niet ongedaan worden gemaakt.
          </p>
          <TextAreaField
            name="reason"
            label="Reden"
            required
            value={reason}
            onChange={(value) => {
              setReason(value)
              setError(undefined)
            }}
            maxLength={500}
            rows={2}
            error={error}
            hint="Komt in de audittrail. Schrijf geen persoonsgegevens op."
          />
        </div>
        <FormFooter
          error={undefined}
          saving={saving}
          onCancel={onClose}
          submitLabel="Definitief wissen"
        />
      </form>
    </Dialog>
  )
}
