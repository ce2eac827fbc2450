import { shortlistsApi, type DwellingMatching, type Offer } from '../../../../shared/api'
import { CONTRACT_KIND, type Flow } from '../../../../shared/domain/vocabulary'
import { client } from '../../api/client'
import { Dialog } from '../../components/Dialog'
import { FormFooter } from '../../components/form/FormFooter'
import { SelectField, vocabularyOptions } from '../../components/form/SelectField'
import { TextField } from '../../components/form/TextField'
import { formatDate } from '../../format'
import { useSaveForm } from '../../hooks/use-save-form'
import { chosen, flatCheck } from '../form-check'
import { todayIso } from '../words'

interface AcceptOfferDialogProps {
  offer: Offer
  /** Instroom gets a flip contract (omklapcontract), uitstroom an ordinary lease. */
  flow: Flow | undefined
  /** An omklapcontract only where the corporation marked the dwelling flip-possible. */
  flipPossible: boolean
  onClose: () => void
  onDone: (result: DwellingMatching) => void
}

export function AcceptOfferDialog({
  offer,
  flow,
  flipPossible,
  onClose,
  onDone,
}: AcceptOfferDialogProps) {
  const form = useSaveForm({
    initial: {
      startsOn: '',
      respondedOn: todayIso(),
      contractKind: flow === 'instroom' && flipPossible ? 'omklap' : 'huur',
    },
    check: (values) =>
      flatCheck(
        shortlistsApi.acceptOffer.input.safeParse({
          offerId: offer.id,
          startsOn: values.startsOn,
          contractKind: values.contractKind,
          respondedOn: values.respondedOn,
        }),
        chosen('startsOn', values.startsOn, 'Vul de ingangsdatum van het contract in'),
      ),
    save: (input) => client.acceptOffer(input),
    onSaved: onDone,
  })

  return (
    <Dialog
      title={`Aanbieding geaccepteerd door ${offer.code}`}
      description={`Aangeboden op ${formatDate(offer.offeredOn)}. Na vastleggen is de woning verhuurd.`}
      onClose={onClose}
    >
      <form {...form.formProps} className="dialog-form">
        <div className="dialog-body">
          <div className="form-grid form-grid-single">
            <TextField
              {...form.text('startsOn')}
              type="date"
              label="Ingangsdatum contract"
              required
              size="medium"
              autoFocus
            />
            <TextField
              {...form.text('respondedOn')}
              type="date"
              label="Datum acceptatie"
              required
              size="medium"
              hint="Niet vóór de aanbieding en niet na vandaag."
            />
            <SelectField
              {...form.text('contractKind')}
              label="Soort contract"
              required
              options={vocabularyOptions(CONTRACT_KIND).filter(
                (o) => flipPossible || o.value !== 'omklap',
              )}
              hint={
                flipPossible
                  ? 'Instroom krijgt gewoonlijk een omklapcontract, uitstroom een huurcontract.'
                  : 'Omklappen is bij deze woning niet mogelijk: alleen een huurcontract.'
              }
            />
          </div>
        </div>
        <FormFooter
          error={form.formError}
          saving={form.saving}
          onCancel={onClose}
          submitLabel="Acceptatie vastleggen"
        />
      </form>
    </Dialog>
  )
}
