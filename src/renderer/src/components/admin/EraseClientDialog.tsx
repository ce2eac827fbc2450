import { EraseClientInput, type ClientRow, type EraseResult } from '../../../../shared/api'
import { CLIENT_STATUS } from '../../../../shared/domain/vocabulary'
import { client } from '../../api/client'
import { useDataVersion } from '../../hooks/data-version'
import { useSaveForm } from '../../hooks/use-save-form'
import { FormDialog } from '../form/FormDialog'
import { TextAreaField } from '../form/TextAreaField'

/** Erasure on request (AVG art. 17): asks for a reason without personal data, then erases. */
export function EraseClientDialog({
  target,
  onClose,
  onErased,
}: {
  target: ClientRow
  onClose: () => void
  onErased: (message: string, result: EraseResult) => void
}) {
  const { refreshAll } = useDataVersion()
  const form = useSaveForm({
    initial: { reason: '' },
    check: (values) => EraseClientInput.safeParse({ clientId: target.id, reason: values.reason }),
    save: (input) => client.privacy.eraseClient(input),
    onSaved: (result) => {
      refreshAll()
      onErased(
        result.outcome === 'deleted'
          ? `Kandidaat ${result.code} is volledig verwijderd.`
          : `De persoonsgegevens van ${result.code} zijn gewist, ook de toelichtingen en redenen in de audittrail. De code blijft bewaard, omdat de kandidaat op voordrachten of aanbiedingen staat die in de cijfers meetellen.`,
        result,
      )
    },
  })

  return (
    <FormDialog
      title={`Gegevens van ${target.code} wissen`}
      description={`${target.careProvider} · ${CLIENT_STATUS.labels[target.status]}`}
      onClose={onClose}
      form={form}
      submitLabel="Definitief wissen"
    >
      <p>
        De kandidaat gaat van elke open voordracht af. Staat de kandidaat op voordrachten of
        aanbiedingen, dan blijft alleen de code bewaard; anders wordt de kandidaat helemaal
        verwijderd. Dit kan niet ongedaan worden gemaakt.
      </p>
      <TextAreaField
        {...form.text('reason')}
        label="Reden"
        required
        maxLength={500}
        rows={2}
        hint="Bijvoorbeeld “verzoek van de cliënt”. Komt in de audittrail: schrijf geen persoonsgegevens op."
      />
    </FormDialog>
  )
}
