import { SaveCorporationInput, type CorporationRow } from '../../../../shared/api'
import { EXPORT_DETAIL } from '../../../../shared/domain/vocabulary'
import { client } from '../../api/client'
import { useSaveForm } from '../../hooks/use-save-form'
import { FormDialog } from '../form/FormDialog'
import { CheckboxField } from '../form/CheckboxField'
import { numberFrom, numberText } from '../form/form-values'
import { NumberField } from '../form/NumberField'
import { RequiredNote } from '../form/RequiredNote'
import { SelectField, vocabularyOptions } from '../form/SelectField'
import { TextField } from '../form/TextField'

const exportDetailOptions = vocabularyOptions(EXPORT_DETAIL)

interface CorporationFormProps {
  /** Absent: a new corporation. */
  corporation?: CorporationRow
  onClose: () => void
  onSaved: (saved: CorporationRow) => void
}

export function CorporationForm({ corporation, onClose, onSaved }: CorporationFormProps) {
  const form = useSaveForm({
    initial: {
      name: corporation?.name ?? '',
      socialStock: numberText(corporation?.socialStock),
      exportDetail: corporation?.exportDetail ?? 'beperkt',
      active: corporation?.active ?? true,
    },
    check: (values) =>
      SaveCorporationInput.safeParse({
        id: corporation?.id,
        version: corporation?.version,
        name: values.name,
        socialStock: numberFrom(values.socialStock),
        exportDetail: values.exportDetail,
        active: values.active,
      }),
    save: (input) => client.partners.saveCorporation(input),
    onSaved,
  })

  return (
    <FormDialog
      title={corporation ? `Corporatie ${corporation.name} wijzigen` : 'Corporatie toevoegen'}
      onClose={onClose}
      form={form}
    >
      <RequiredNote />
      <div className="form-grid form-grid-single">
        <TextField {...form.text('name')} label="Naam" required maxLength={80} />
        <NumberField
          {...form.text('socialStock')}
          label="Sociale huurvoorraad"
          required
          suffix="woningen"
          hint="Sociale huurwoningen in de stad Utrecht. Het quotum per kwartaal wordt naar rato van deze voorraad verdeeld."
        />
        <SelectField
          {...form.text('exportDetail')}
          label="Gegevens in voordrachten"
          options={exportDetailOptions}
          hint="Beperkt: een globale doelgroep (uitstroom, instroom, jongeren, gezin) en de zorgaanbieder die begeleidt. Uitgebreid alleen als een afspraak met deze corporatie dat zegt: dan ook de precieze doelgroep en de aanmeldende zorgaanbieder."
        />
        <CheckboxField
          {...form.checkbox('active')}
          label="Actief"
          hint="Alleen actieve corporaties krijgen een quotum en staan in de keuzelijsten."
        />
      </div>
    </FormDialog>
  )
}
