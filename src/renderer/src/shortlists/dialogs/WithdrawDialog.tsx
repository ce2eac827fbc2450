import { api, type DwellingMatching } from '../../../../shared/api'
import { client } from '../../api/client'
import { FormDialog } from '../../components/form/FormDialog'
import { TextAreaField } from '../../components/form/TextAreaField'
import { useSaveForm } from '../../hooks/use-save-form'
import { flatCheck } from '../form-check'

interface WithdrawDialogProps {
  dwellingId: number
  address: string
  corporation: string
  hasOpenRound: boolean
  onClose: () => void
  onDone: (result: DwellingMatching) => void
}

/** Destructive: the corporation takes the dwelling back; open rounds lapse. */
export function WithdrawDialog({
  dwellingId,
  address,
  corporation,
  hasOpenRound,
  onClose,
  onDone,
}: WithdrawDialogProps) {
  const form = useSaveForm({
    initial: { reason: '' },
    check: (values) =>
      flatCheck(api.dwellings.withdraw.input.safeParse({ dwellingId, reason: values.reason })),
    save: (input) => client.dwellings.withdraw(input),
    onSaved: onDone,
  })

  return (
    <FormDialog
      title={`Woning ${address} intrekken`}
      description={`${corporation} trekt deze woning in.`}
      onClose={onClose}
      form={form}
      submitLabel="Woning intrekken"
    >
      <div className="sl-warning">
        <p>
          {hasOpenRound
            ? 'De open voordracht vervalt en de kandidaten erop komen weer vrij voor andere woningen. '
            : ''}
          De woning telt niet meer mee als beschikbaar. Dit kan niet ongedaan worden gemaakt.
        </p>
      </div>
      <div className="form-grid form-grid-single">
        <TextAreaField
          {...form.text('reason')}
          label="Reden van intrekken"
          required
          maxLength={1000}
          rows={2}
        />
      </div>
    </FormDialog>
  )
}
