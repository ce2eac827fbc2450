import { api, type Candidate, type DwellingMatching } from '../../../../shared/api'
import { REJECTION_REASON } from '../../../../shared/domain/vocabulary'
import { client } from '../../api/client'
import { FormDialog } from '../../components/form/FormDialog'
import { useSaveForm } from '../../hooks/use-save-form'
import { chosen, flatCheck } from '../form-check'
import { ReasonFields } from './ReasonFields'

interface RejectCandidateDialogProps {
  shortlistId: number
  round: number
  candidate: Candidate
  onClose: () => void
  onDone: (result: DwellingMatching) => void
}

/** The corporation finds no match with one presented candidate. */
export function RejectCandidateDialog({
  shortlistId,
  round,
  candidate,
  onClose,
  onDone,
}: RejectCandidateDialogProps) {
  const form = useSaveForm({
    initial: { reason: '', text: '' },
    check: (values) =>
      flatCheck(
        api.shortlists.rejectCandidate.input.safeParse({
          shortlistId,
          clientId: candidate.clientId,
          rejection: { reason: values.reason, text: values.text },
        }),
        chosen('reason', values.reason, 'Kies de reden van de corporatie'),
      ),
    save: (input) => client.shortlists.rejectCandidate(input),
    onSaved: onDone,
    serverPrefix: 'rejection',
  })

  return (
    <FormDialog
      title={`Geen match met ${candidate.code}`}
      description={`Ronde ${round}: de corporatie kan ${candidate.code} niet aan deze woning koppelen.`}
      onClose={onClose}
      form={form}
      submitLabel="Geen match vastleggen"
    >
      <div className="form-grid form-grid-single">
        <ReasonFields
          vocabulary={REJECTION_REASON}
          reason={form.text('reason')}
          text={form.text('text')}
          reasonLabel="Reden van de corporatie"
        />
      </div>
      <p className="sl-dialog-note">
        Staat daarna niemand meer open op deze voordracht, dan wordt de ronde afgesloten en een
        nieuwe conceptronde gemaakt met andere kandidaten.
      </p>
    </FormDialog>
  )
}
