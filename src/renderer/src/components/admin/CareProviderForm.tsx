import { SaveCareProviderInput, type CareProviderRow } from '../../../../shared/api'
import { client } from '../../api/client'
import { useSaveForm } from '../../hooks/use-save-form'
import { FormDialog } from '../form/FormDialog'
import { CheckboxField } from '../form/CheckboxField'
import { ChoiceGroup } from '../form/ChoiceGroup'
import { numberFrom, numberText, percentText, shareFrom } from '../form/form-values'
import { NumberField } from '../form/NumberField'
import { RequiredNote } from '../form/RequiredNote'
import { TextField } from '../form/TextField'

type ContingentKind = 'share' | 'dwellings' | 'none'

const CONTINGENT_KINDS = [
  { value: 'share', label: 'Als percentage' },
  { value: 'dwellings', label: 'Als aantal woningen per jaar' },
  { value: 'none', label: 'Geen contingent' },
] as const

interface CareProviderFormProps {
  careProvider?: CareProviderRow
  onClose: () => void
  onSaved: (saved: CareProviderRow) => void
}

function kindOf(provider: CareProviderRow | undefined): ContingentKind {
  if (provider?.contingentDwellings != null) return 'dwellings'
  if (provider && provider.contingentShare == null) return 'none'
  return 'share'
}

export function CareProviderForm({ careProvider, onClose, onSaved }: CareProviderFormProps) {
  const form = useSaveForm({
    initial: {
      name: careProvider?.name ?? '',
      contingentKind: kindOf(careProvider),
      contingentPercent: percentText(careProvider?.contingentShare),
      contingentDwellings: numberText(careProvider?.contingentDwellings),
      contact: careProvider?.contact ?? '',
      active: careProvider?.active ?? true,
    },
    check: (values) =>
      SaveCareProviderInput.safeParse({
        id: careProvider?.id,
        version: careProvider?.version,
        name: values.name,
        // The contingent is one or the other; the chosen one must then be filled in (NaN: "moet een getal zijn").
        contingentShare:
          values.contingentKind === 'share'
            ? (shareFrom(values.contingentPercent) ?? Number.NaN)
            : null,
        contingentDwellings:
          values.contingentKind === 'dwellings'
            ? (numberFrom(values.contingentDwellings) ?? Number.NaN)
            : null,
        contact: values.contact,
        active: values.active,
      }),
    save: (input) => client.partners.saveCareProvider(input),
    onSaved,
  })
  const kind = form.values.contingentKind

  return (
    <FormDialog
      title={
        careProvider ? `Zorgaanbieder ${careProvider.name} wijzigen` : 'Zorgaanbieder toevoegen'
      }
      onClose={onClose}
      form={form}
    >
      <RequiredNote />
      <div className="form-grid form-grid-single">
        <TextField {...form.text('name')} label="Naam" required maxLength={80} />
        <ChoiceGroup
          name="contingentKind"
          legend="Contingent"
          mode="single"
          options={CONTINGENT_KINDS}
          value={[kind]}
          onChange={([value]) => form.set('contingentKind', value as ContingentKind)}
          hint="Het deel van de woningen dat Beter Wonen aan deze zorgaanbieder toekent."
        />
        {kind === 'share' && (
          <NumberField
            {...form.text('contingentPercent')}
            name="contingentShare"
            error={form.errors.contingentShare}
            kind="percent"
            label="Contingent als percentage"
            required
          />
        )}
        {kind === 'dwellings' && (
          <NumberField
            {...form.text('contingentDwellings')}
            label="Contingent in woningen"
            suffix="woningen per jaar"
            required
          />
        )}
        <TextField
          {...form.text('contact')}
          label="Contact"
          maxLength={200}
          hint="Contactpersoon of afdeling voor aanmeldingen, met telefoon of e-mail."
        />
        <CheckboxField
          {...form.checkbox('active')}
          label="Actief"
          hint="Alleen actieve zorgaanbieders staan in de keuzelijst bij het aanmelden."
        />
      </div>
    </FormDialog>
  )
}
