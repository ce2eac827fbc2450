import type { CareProviderRow, ClientDetail } from '../../../../shared/api'
import { CLIENT_YES_NO } from '../../../../shared/domain/client-input'
import { FLOW, SUPPORT_INTENSITY, TARGET_GROUP, WIJK } from '../../../../shared/domain/vocabulary'
import { client } from '../../api/client'
import { useSaveForm } from '../../hooks/use-save-form'
import { CheckboxField } from '../form/CheckboxField'
import { ChoiceGroup } from '../form/ChoiceGroup'
import { DateField } from '../form/DateField'
import { DialogForm } from '../form/FormDialog'
import { FormSection } from '../form/FormSection'
import { NumberField } from '../form/NumberField'
import { RequiredNote } from '../form/RequiredNote'
import { SelectField, vocabularyOptions } from '../form/SelectField'
import { TextAreaField } from '../form/TextAreaField'
import { TextField } from '../form/TextField'
import { YesNoFields } from '../form/YesNoFields'
import { checkClient, clientValuesOf, newClientValues } from './client-values'

interface ClientFormProps {
  /** Absent: a new registration. */
  existing?: ClientDetail
  careProviders: readonly CareProviderRow[]
  onClose: () => void
  onSaved: (saved: ClientDetail) => void
}

const targetGroupOptions = vocabularyOptions(TARGET_GROUP)
const flowOptions = vocabularyOptions(FLOW)
const wijkOptions = vocabularyOptions(WIJK)
const intensityOptions = vocabularyOptions(SUPPORT_INTENSITY)

export function ClientForm({ existing, careProviders, onClose, onSaved }: ClientFormProps) {
  const form = useSaveForm({
    initial: existing ? clientValuesOf(existing) : newClientValues(),
    check: (values) => checkClient(values, existing),
    save: (input) =>
      client.clients.save({ id: existing?.id, client: input, version: existing?.version }),
    onSaved,
    serverPrefix: 'client',
  })
  const { values, errors, set } = form
  // An inactive provider stays choosable for the clients it registered before.
  const providerOptions = careProviders
    .filter((p) => p.active || p.id === existing?.careProviderId)
    .map((p) => ({ value: String(p.id), label: p.name }))

  return (
    <DialogForm form={form} onClose={onClose} submitLabel={existing ? 'Opslaan' : 'Aanmelden'}>
      <RequiredNote />
      <FormSection legend="Aanmelding">
        <TextField
          {...form.text('code')}
          label="Cliëntcode"
          required
          size="medium"
          maxLength={30}
          autoFocus
          hint="De code van de zorgaanbieder: letters, cijfers en streepjes. Geen BSN."
        />
        <SelectField
          {...form.text('careProviderId')}
          label="Zorgaanbieder"
          required
          placeholder="Kies een zorgaanbieder…"
          options={providerOptions}
          hint={
            providerOptions.length === 0
              ? 'Er zijn nog geen actieve zorgaanbieders: voeg ze toe bij Beheer.'
              : undefined
          }
        />
        <SelectField
          {...form.text('targetGroup')}
          label="Doelgroep"
          required
          placeholder="Kies een doelgroep…"
          options={targetGroupOptions}
          onChange={(value) => {
            set('targetGroup', value)
            // Beschermd Thuis is instroom by definition: save the officer a second choice.
            if (value === 'beschermd-thuis') set('flow', 'instroom')
          }}
        />
        <ChoiceGroup
          name="flow"
          legend="In- of uitstroom"
          mode="single"
          required
          options={flowOptions}
          value={[values.flow]}
          onChange={([value]) => set('flow', value ?? '')}
          error={errors.flow}
        />
        <DateField
          {...form.text('registeredOn')}
          label="Aanmelddatum"
          required
          hint="hiervandaan telt de wachttijd."
        />
        <TextField
          {...form.text('name')}
          label="Naam"
          maxLength={120}
          hint="Blijft in de app, wordt nooit gedeeld."
        />
      </FormSection>
      <FormSection legend="Huishouden">
        <NumberField {...form.text('adults')} label="Volwassenen" required />
        <NumberField {...form.text('children')} label="Kinderen" required />
        <NumberField
          {...form.text('birthYear')}
          label="Geboortejaar"
          required
          hint="Alleen het jaar: voor de huurgrens voor jongeren."
        />
        <NumberField
          {...form.text('maxRent')}
          kind="euro"
          label="Maximale huur"
          required
          hint="Kale huur per maand die het huishouden kan betalen."
        />
      </FormSection>
      <FormSection legend="Behoeften">
        <NumberField {...form.text('minRooms')} label="Minimaal aantal kamers" required />
        <YesNoFields views={CLIENT_YES_NO} checkbox={form.checkbox} />
      </FormSection>
      <FormSection legend="Wijken">
        <ChoiceGroup
          name="preferredWijken"
          legend="Voorkeurswijken"
          mode="multiple"
          columns={5}
          options={wijkOptions}
          value={values.preferredWijken}
          onChange={(value) => set('preferredWijken', value)}
          error={errors.preferredWijken}
        />
        <ChoiceGroup
          name="excludedWijken"
          legend="Uitgesloten wijken"
          mode="multiple"
          columns={5}
          options={wijkOptions}
          value={values.excludedWijken}
          onChange={(value) => set('excludedWijken', value)}
          error={errors.excludedWijken}
          hint="Wijken waar de cliënt niet kan wonen; hier wordt nooit voorgedragen."
        />
        <CheckboxField
          {...form.checkbox('exclusionForSafety')}
          label="Uitsluiting om veiligheidsredenen"
          hint="De reden zelf hoort hier niet."
        />
      </FormSection>
      <FormSection legend="Begeleiding">
        <SelectField
          {...form.text('supportIntensity')}
          label="Intensiteit"
          placeholder="Nog niet bekend"
          options={intensityOptions}
        />
        <NumberField {...form.text('supportMonths')} label="Duur" suffix="maanden" />
        <TextField
          {...form.text('supportContactName')}
          label="Begeleider (contactpersoon)"
          maxLength={120}
          hint="Wie de corporatie over deze kandidaat kan bellen; staat in de voordracht."
        />
        <TextField
          {...form.text('supportContactPhone')}
          label="Telefoon begeleider"
          type="tel"
          maxLength={30}
        />
        <TextField
          {...form.text('supportContactEmail')}
          label="E-mail begeleider"
          type="email"
          maxLength={120}
        />
      </FormSection>
      <FormSection legend="Notities">
        <TextAreaField
          {...form.text('notes')}
          label="Interne notities"
          maxLength={2000}
          rows={3}
          wide
          hint="Alleen voor Het Vierde Huis: nooit geëxporteerd of gedeeld."
        />
      </FormSection>
    </DialogForm>
  )
}
