import { api, type DwellingMatching, type Offer } from '../../../../shared/api'
import {
  DECLINE_REASON,
  VALID_DECLINE_REASONS,
  type DeclineReason,
  type Flow,
} from '../../../../shared/domain/vocabulary'
import { client } from '../../api/client'
import { FormDialog } from '../../components/form/FormDialog'
import { DateField } from '../../components/form/DateField'
import { readDates } from '../../components/form/field-errors'
import { isoDateFrom } from '../../components/form/form-values'
import { formatDate } from '../../format'
import { useSaveForm } from '../../hooks/use-save-form'
import { chosen, flatCheck } from '../form-check'
import { todayIso } from '../words'
import { ReasonFields } from './ReasonFields'

interface DeclineOfferDialogProps {
  offer: Offer
  /** The one-time offer binds uitstroom clients only. */
  flow: Flow | undefined
  corporation: string
  /** Codes of the round's reserves, in order: the corporation confirms which of them is next. */
  reserves: readonly string[]
  onClose: () => void
  onDone: (result: DwellingMatching) => void
}

/** What the chosen reason means for the client, said before the officer records it. */
function consequence(code: string, flow: Flow | undefined, reason: string): string | null {
  if (!reason) return null
  if (flow === 'instroom')
    return `Instroom: de eenmalige aanbieding geldt niet. ${code} blijft wachtend.`
  if (VALID_DECLINE_REASONS.has(reason as DeclineReason))
    return `Een geldige reden: ${code} blijft wachtend, met behoud van wachttijd.`
  return `Geen geldige reden: ${code} heeft de eenmalige aanbieding benut en gaat van de lijst van Het Vierde Huis; verder via de reguliere route (WoningNet).`
}

export function DeclineOfferDialog({
  offer,
  flow,
  corporation,
  reserves,
  onClose,
  onDone,
}: DeclineOfferDialogProps) {
  const form = useSaveForm({
    initial: { reason: '', text: '', respondedOn: formatDate(todayIso()) },
    check: (values) => {
      const dates = readDates({ respondedOn: values.respondedOn }, isoDateFrom)
      return flatCheck(
        api.offers.decline.input.safeParse({
          offerId: offer.id,
          decline: { reason: values.reason, text: values.text },
          respondedOn: dates.values.respondedOn,
        }),
        [...chosen('reason', values.reason, 'Kies de reden van de kandidaat'), ...dates.issues],
      )
    },
    save: (input) => client.offers.decline(input),
    onSaved: onDone,
    serverPrefix: 'decline',
  })
  const reason = form.text('reason')
  const outcome = consequence(offer.code, flow, reason.value)

  return (
    <FormDialog
      title={`Aanbieding geweigerd door ${offer.code}`}
      description={`Aangeboden op ${formatDate(offer.offeredOn)}.`}
      onClose={onClose}
      form={form}
      submitLabel="Weigering vastleggen"
    >
      <div className="form-grid form-grid-single">
        <ReasonFields
          vocabulary={DECLINE_REASON}
          reason={reason}
          text={form.text('text')}
          reasonLabel="Reden van de kandidaat"
        />
        <DateField
          {...form.text('respondedOn')}
          label="Datum weigering"
          required
          hint="niet vóór de aanbieding en niet na vandaag"
        />
      </div>
      {outcome && (
        <p className="sl-dialog-note" role="status">
          {outcome}
        </p>
      )}
      <p className="sl-dialog-note">
        {reserves.length === 0
          ? 'Deze ronde heeft geen reserves meer: daarna wordt een nieuwe conceptronde gemaakt.'
          : `De aanbieding gaat niet vanzelf naar een reserve: de ronde gaat terug naar ${corporation}, die bevestigt wie de aanbieding nu krijgt (${reserves.join(', ')}). Is geen van hen meer vrij, dan wordt een nieuwe conceptronde gemaakt.`}
      </p>
    </FormDialog>
  )
}
