import { api, type DwellingMatching, type Shortlist } from '../../../../shared/api'
import { REJECTION_REASON } from '../../../../shared/domain/vocabulary'
import { client } from '../../api/client'
import { FormDialog } from '../../components/form/FormDialog'
import { TextAreaField } from '../../components/form/TextAreaField'
import { countOf } from '../../format'
import { useSaveForm } from '../../hooks/use-save-form'
import { chosen, flatCheck } from '../form-check'
import { openCandidates } from '../words'
import { ReasonFields } from './ReasonFields'

interface RejectAllDialogProps {
  shortlist: Shortlist
  corporation: string
  onClose: () => void
  onDone: (result: DwellingMatching) => void
}

/** Destructive: every open candidate gets "geen match" and a new round is made at once. */
export function RejectAllDialog({ shortlist, corporation, onClose, onDone }: RejectAllDialogProps) {
  const open = openCandidates(shortlist)
  const form = useSaveForm({
    initial: { reason: '', text: '', motivation: '' },
    check: (values) =>
      flatCheck(
        api.shortlists.rejectAll.input.safeParse({
          shortlistId: shortlist.id,
          rejection: { reason: values.reason, text: values.text },
          motivation: values.motivation,
        }),
        chosen('reason', values.reason, 'Kies de reden van de corporatie'),
      ),
    save: (input) => client.shortlists.rejectAll(input),
    onSaved: onDone,
    serverPrefix: 'rejection',
  })

  return (
    <FormDialog
      title={`Hele voordracht afwijzen (ronde ${shortlist.round})`}
      description={
        open.length === 1
          ? `${corporation} kan met de laatste open kandidaat geen goede match maken.`
          : `${corporation} kan met geen van de ${countOf(open.length, 'kandidaat', 'kandidaten')} een goede match maken.`
      }
      onClose={onClose}
      size="medium"
      form={form}
      submitLabel="Voordracht afwijzen"
    >
      <div className="sl-warning">
        <p>
          {open.map((c) => c.code).join(', ')} krijgen “geen match” en worden voor deze woning niet
          meer voorgedragen. Er wordt direct een nieuwe conceptronde gemaakt met andere kandidaten.
          Dit kan niet ongedaan worden gemaakt.
        </p>
      </div>
      <div className="form-grid form-grid-single">
        <ReasonFields
          vocabulary={REJECTION_REASON}
          reason={form.text('reason')}
          text={form.text('text')}
          reasonLabel="Reden van de corporatie"
        />
        <TextAreaField
          {...form.text('motivation')}
          label="Motivatie van de corporatie"
          required
          maxLength={2000}
          rows={3}
          hint="Zoals de corporatie die gaf; hij blijft bij deze ronde bewaard."
        />
      </div>
    </FormDialog>
  )
}
