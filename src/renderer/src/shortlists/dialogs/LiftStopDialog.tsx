import { api } from '../../../../shared/api'
import { client } from '../../api/client'
import { FormDialog } from '../../components/form/FormDialog'
import { TextAreaField } from '../../components/form/TextAreaField'
import { useSaveForm } from '../../hooks/use-save-form'
import { flatCheck } from '../form-check'

interface LiftStopDialogProps {
  dwellingId: number
  complex: string
  onClose: () => void
  onDone: () => void
}

/** The plan leaves room for maatwerk at complex level: only with a reason, which the log keeps. */
export function LiftStopDialog({ dwellingId, complex, onClose, onDone }: LiftStopDialogProps) {
  const form = useSaveForm({
    initial: { reason: '' },
    check: (values) =>
      flatCheck(
        api.spreading.overrideComplexStop.input.safeParse({ dwellingId, reason: values.reason }),
      ),
    save: (input) => client.spreading.overrideComplexStop(input),
    onSaved: onDone,
  })

  return (
    <FormDialog
      title={`Stop opheffen voor deze woning in ${complex}`}
      description="Alleen voor deze woning; de stop blijft gelden voor de andere woningen in het complex."
      onClose={onClose}
      form={form}
      submitLabel="Stop opheffen"
    >
      <div className="form-grid form-grid-single">
        <TextAreaField
          {...form.text('reason')}
          label="Waarom kan hier toch iemand komen wonen?"
          required
          maxLength={500}
          rows={3}
          hint="Bijvoorbeeld: de begeleiding zit al in het complex en de corporatie stemt in. De reden komt in het logboek van de woning."
        />
      </div>
    </FormDialog>
  )
}
