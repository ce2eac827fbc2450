import type { CorporationRow, DwellingDetail } from '../../../../shared/api'
import { DWELLING_YES_NO } from '../../../../shared/domain/dwelling-input'
import { parseQuarter, quarterLabel } from '../../../../shared/domain/quarter'
import {
  DWELLING_STATUS,
  DWELLING_TYPE,
  SUITABLE_FOR,
  WIJK,
} from '../../../../shared/domain/vocabulary'
import { client } from '../../api/client'
import { formatEuro } from '../../format'
import { useSaveForm } from '../../hooks/use-save-form'
import { CheckboxField } from '../form/CheckboxField'
import { DateField } from '../form/DateField'
import { numberFrom } from '../form/form-values'
import { DialogForm } from '../form/FormDialog'
import { FormSection } from '../form/FormSection'
import { NumberField } from '../form/NumberField'
import { RequiredNote } from '../form/RequiredNote'
import { SelectField, vocabularyOptions } from '../form/SelectField'
import { TextAreaField } from '../form/TextAreaField'
import { TextField } from '../form/TextField'
import { YesNoFields } from '../form/YesNoFields'
import { checkDwelling, dwellingValuesOf, newDwellingValues } from './dwelling-values'

interface DwellingFormProps {
  /** Absent: a new dwelling. */
  dwelling?: DwellingDetail
  corporations: readonly CorporationRow[]
  quarters: readonly string[]
  defaultQuarter: string
  onClose: () => void
  onSaved: (saved: DwellingDetail) => void
}

const wijkOptions = vocabularyOptions(WIJK)
const typeOptions = vocabularyOptions(DWELLING_TYPE)
const suitableOptions = vocabularyOptions(SUITABLE_FOR)

function totalRent(netRent: string, serviceCosts: string): string | undefined {
  const net = numberFrom(netRent)
  const service = numberFrom(serviceCosts) ?? 0
  if (net === undefined || Number.isNaN(net) || Number.isNaN(service)) return undefined
  return `Totale huur: ${formatEuro(net + service)} per maand.`
}

export function DwellingForm({
  dwelling,
  corporations,
  quarters,
  defaultQuarter,
  onClose,
  onSaved,
}: DwellingFormProps) {
  const form = useSaveForm({
    initial: dwelling ? dwellingValuesOf(dwelling) : newDwellingValues(defaultQuarter),
    check: checkDwelling,
    save: (input) =>
      client.dwellings.save({ id: dwelling?.id, dwelling: input, version: dwelling?.version }),
    onSaved,
    serverPrefix: 'dwelling',
  })
  // An inactive corporation stays choosable for the dwellings it already submitted.
  const corporationOptions = corporations
    .filter((c) => c.active || c.id === dwelling?.corporationId)
    .map((c) => ({ value: String(c.id), label: c.name }))
  const quarterOptions = quarters.map((key) => ({
    value: key,
    label: quarterLabel(parseQuarter(key)),
  }))

  return (
    <DialogForm
      form={form}
      onClose={onClose}
      submitLabel={dwelling ? 'Opslaan' : 'Woning toevoegen'}
    >
      {dwelling && dwelling.status !== 'ingediend' && (
        <p className="form-notice">
          Deze woning heeft de status {DWELLING_STATUS.label(dwelling.status)}. Wijzigen kan alleen
          zolang een woning de status Ingediend heeft.
        </p>
      )}
      <RequiredNote />
      <FormSection legend="Indiening">
        <SelectField
          {...form.text('corporationId')}
          label="Corporatie"
          required
          placeholder="Kies een corporatie…"
          options={corporationOptions}
          hint={
            corporationOptions.length === 0
              ? 'Er zijn nog geen actieve corporaties: voeg ze toe bij Beheer.'
              : undefined
          }
          autoFocus={!dwelling}
        />
        <SelectField
          {...form.text('quarterKey')}
          label="Kwartaal"
          required
          options={quarterOptions}
        />
      </FormSection>
      <FormSection legend="Adres">
        <TextField
          {...form.text('address')}
          label="Adres"
          required
          maxLength={120}
          hint="Straat en huisnummer met toevoeging."
          autoFocus={Boolean(dwelling)}
        />
        <TextField
          {...form.text('postcode')}
          label="Postcode"
          required
          size="small"
          maxLength={8}
        />
        <SelectField
          {...form.text('wijk')}
          label="Wijk"
          required
          placeholder="Kies een wijk…"
          options={wijkOptions}
        />
        <TextField {...form.text('buurt')} label="Buurt" maxLength={80} />
        <TextField
          {...form.text('complex')}
          label="Complex"
          maxLength={80}
          hint="Naam of nummer, voor de spreiding per complex."
        />
      </FormSection>
      <FormSection legend="Woning">
        <SelectField
          {...form.text('type')}
          label="Type"
          required
          placeholder="Kies een type…"
          options={typeOptions}
        />
        <NumberField
          {...form.text('rooms')}
          label="Aantal kamers"
          required
          hint="Inclusief de woonkamer."
        />
        <NumberField
          {...form.text('floor')}
          label="Verdieping"
          required
          hint="0 = begane grond, -1 = souterrain."
        />
        <CheckboxField
          {...form.checkbox('selfContained')}
          label="Zelfstandig"
          hint="Eigen voordeur, keuken en sanitair."
        />
        <YesNoFields views={DWELLING_YES_NO} checkbox={form.checkbox} />
      </FormSection>
      <FormSection legend="Huur">
        <NumberField
          {...form.text('netRent')}
          kind="euro"
          label="Kale huur per maand"
          required
          hint={totalRent(form.values.netRent, form.values.serviceCosts)}
        />
        <NumberField
          {...form.text('serviceCosts')}
          kind="euro"
          label="Servicekosten per maand"
          required
        />
      </FormSection>
      <FormSection legend="Geschiktheid">
        <SelectField
          {...form.text('suitableFor')}
          label="Geschikt voor"
          required
          placeholder="Kies…"
          options={suitableOptions}
          hint="Uitstroom uit opvang of beschermd wonen, instroom (omklapwoning) of beide."
        />
        <DateField {...form.text('availableFrom')} label="Beschikbaar vanaf" required />
        <CheckboxField
          {...form.checkbox('flipPossible')}
          label="Omklap mogelijk"
          hint="Het huurcontract kan later op naam van de cliënt; verplicht bij alleen instroom."
        />
      </FormSection>
      <FormSection legend="Opmerkingen">
        <TextAreaField
          {...form.text('remarks')}
          label="Opmerkingen voor de matcher"
          maxLength={1000}
          wide
          hint="Geen persoonsgegevens van huurders."
        />
      </FormSection>
    </DialogForm>
  )
}
