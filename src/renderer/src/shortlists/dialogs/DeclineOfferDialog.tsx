import { shortlistsApi, type DwellingMatching, type Offer } from '../../../../shared/api'
import { DECLINE_REASON } from '../../../../shared/domain/vocabulary'
import { client } from '../../api/client'
import { Dialog } from '../../components/Dialog'
import { FormFooter } from '../../components/form/FormFooter'
import { formatDate } from '../../format'
import { useSaveForm } from '../../hooks/use-save-form'
import { chosen, flatCheck } from '../form-check'
import { ReasonFields } from './ReasonFields'

interface DeclineOfferDialogProps {
  offer: Offer
  /** Codes of the round's reserves, in order: the first who is still waiting gets the offer next. */
  reserves: readonly string[]
  onClose: () => void
  onDone: (result: DwellingMatching) => void
}

export function DeclineOfferDialog({ offer, reserves, onClose, onDone }: DeclineOfferDialogProps) {
  const form = useSaveForm({
    initial: { reason: '', text: '' },
    check: (values) =>
      flatCheck(
        shortlistsApi.declineOffer.input.safeParse({
          offerId: offer.id,
          decline: { reason: values.reason, text: values.text },
        }),
        chosen('reason', values.reason, 'Kies de reden van de kandidaat'),
      ),
    save: (input) => client.declineOffer(input),
    onSaved: onDone,
    serverPrefix: 'decline',
  })

  return (
    <Dialog
      title={`Aanbieding geweigerd door ${offer.code}`}
      description={`Aangeboden op ${formatDate(offer.offeredOn)}.`}
      onClose={onClose}
    >
      <form {...form.formProps} className="dialog-form">
        <div className="dialog-body">
          <div className="form-grid form-grid-single">
            <ReasonFields
              vocabulary={DECLINE_REASON}
              reason={form.text('reason')}
              text={form.text('text')}
              reasonLabel="Reden van de kandidaat"
            />
          </div>
          <p className="sl-dialog-note">
            {reserves.length === 0
              ? 'Deze ronde heeft geen reserves meer: daarna wordt een nieuwe conceptronde gemaakt.'
              : reserves.length === 1
                ? `De aanbieding gaat daarna naar reserve ${reserves[0]}, als die nog wacht; anders wordt een nieuwe conceptronde gemaakt.`
                : `De aanbieding gaat daarna naar de eerstvolgende reserve die nog wacht (in volgorde: ${reserves.join(', ')}); wacht geen van hen meer, dan wordt een nieuwe conceptronde gemaakt.`}
          </p>
        </div>
        <FormFooter
          error={form.formError}
          saving={form.saving}
          onCancel={onClose}
          submitLabel="Weigering vastleggen"
        />
      </form>
    </Dialog>
  )
}
