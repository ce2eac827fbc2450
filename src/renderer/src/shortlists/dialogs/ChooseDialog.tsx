import { api, type Candidate, type DwellingMatching } from '../../../../shared/api'
import { client } from '../../api/client'
import { FormDialog } from '../../components/form/FormDialog'
import { DateField } from '../../components/form/DateField'
import { readDates } from '../../components/form/field-errors'
import { isoDateFrom } from '../../components/form/form-values'
import { formatDate } from '../../format'
import { useSaveForm } from '../../hooks/use-save-form'
import { flatCheck } from '../form-check'
import { todayIso } from '../words'

interface ChooseDialogProps {
  shortlistId: number
  candidate: Candidate
  corporation: string
  address: string
  onClose: () => void
  onDone: (result: DwellingMatching) => void
}

/**
 * The corporation's choice. Asked in a dialog because it cannot be undone: the client gets the
 * one-time offer at once, and the choice is often recorded a day or two after it was made.
 */
export function ChooseDialog({
  shortlistId,
  candidate,
  corporation,
  address,
  onClose,
  onDone,
}: ChooseDialogProps) {
  const form = useSaveForm({
    initial: { offeredOn: formatDate(todayIso()) },
    check: (values) => {
      const dates = readDates({ offeredOn: values.offeredOn }, isoDateFrom)
      return flatCheck(
        api.shortlists.choose.input.safeParse({
          shortlistId,
          clientId: candidate.clientId,
          offeredOn: dates.values.offeredOn,
        }),
        dates.issues,
      )
    },
    save: (input) => client.shortlists.choose(input),
    onSaved: onDone,
  })

  return (
    <FormDialog
      title={`${candidate.code} kiezen`}
      description={`${corporation} kiest ${candidate.code} voor ${address}.`}
      onClose={onClose}
      form={form}
      submitLabel="Kiezen en aanbieding vastleggen"
    >
      <p className="sl-dialog-note">
        {candidate.code} krijgt een eenmalige aanbieding voor deze woning. De andere kandidaten van
        deze ronde blijven reserve voor als de aanbieding wordt geweigerd.
      </p>
      <div className="form-grid form-grid-single">
        <DateField {...form.text('offeredOn')} label="Datum aanbieding" required autoFocus />
      </div>
    </FormDialog>
  )
}
