import { api, type DwellingMatching, type Offer } from '../../../../shared/api'
import { CONTRACT_KIND, type Flow } from '../../../../shared/domain/vocabulary'
import { client } from '../../api/client'
import { FormDialog } from '../../components/form/FormDialog'
import { SelectField, vocabularyOptions } from '../../components/form/SelectField'
import { DateField } from '../../components/form/DateField'
import { readDates } from '../../components/form/field-errors'
import { isoDateFrom } from '../../components/form/form-values'
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
      respondedOn: formatDate(todayIso()),
      contractKind: flow === 'instroom' && flipPossible ? 'omklap' : 'huur',
    },
    check: (values) => {
      const dates = readDates(
        { startsOn: values.startsOn, respondedOn: values.respondedOn },
        isoDateFrom,
      )
      return flatCheck(
        api.offers.accept.input.safeParse({
          offerId: offer.id,
          startsOn: dates.values.startsOn,
          contractKind: values.contractKind,
          respondedOn: dates.values.respondedOn,
        }),
        [
          ...chosen('startsOn', values.startsOn, 'Vul de ingangsdatum van het contract in'),
          ...dates.issues,
        ],
      )
    },
    save: (input) => client.offers.accept(input),
    onSaved: onDone,
  })

  return (
    <FormDialog
      title={`Aanbieding geaccepteerd door ${offer.code}`}
      description={`Aangeboden op ${formatDate(offer.offeredOn)}. Na vastleggen is de woning verhuurd.`}
      onClose={onClose}
      form={form}
      submitLabel="Acceptatie vastleggen"
    >
      <div className="form-grid form-grid-single">
        <DateField {...form.text('startsOn')} label="Ingangsdatum contract" required autoFocus />
        <DateField
          {...form.text('respondedOn')}
          label="Datum acceptatie"
          required
          hint="niet vóór de aanbieding en niet na vandaag"
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
    </FormDialog>
  )
}
