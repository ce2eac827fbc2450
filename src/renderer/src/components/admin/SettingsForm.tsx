import { YearSettingsSchema, type EffectiveSettings } from '../../../../shared/api'
import { client } from '../../api/client'
import { useSaveForm } from '../../hooks/use-save-form'
import { euroText, numberFrom, numberText } from '../form/form-values'
import { ErrorAlert } from '../Messages'
import { NumberField } from '../form/NumberField'
import { FormSection } from '../form/FormSection'

interface SettingsFormProps {
  settings: EffectiveSettings
  onSaved: (saved: EffectiveSettings) => void
}

/** The yearly limits and the shortlist size; saved for the chosen year, valid until a later year sets its own. */
export function SettingsForm({ settings, onSaved }: SettingsFormProps) {
  const { values } = settings
  const form = useSaveForm({
    initial: {
      kwaliteitskortingsgrens: euroText(values.kwaliteitskortingsgrens),
      aftoppingsgrensLaag: euroText(values.aftoppingsgrensLaag),
      aftoppingsgrensHoog: euroText(values.aftoppingsgrensHoog),
      liberalisatiegrens: euroText(values.liberalisatiegrens),
      youngMaxRent: euroText(values.youngMaxRent),
      shortlistSize: numberText(values.shortlistSize),
      answerWorkingDays: numberText(values.answerWorkingDays),
      offerReplyWorkingDays: numberText(values.offerReplyWorkingDays),
      maxBalanceDays: numberText(values.maxBalanceDays),
    },
    check: (v) =>
      YearSettingsSchema.safeParse({
        // Settings this form does not show keep their value instead of falling back to a default.
        ...values,
        kwaliteitskortingsgrens: numberFrom(v.kwaliteitskortingsgrens),
        aftoppingsgrensLaag: numberFrom(v.aftoppingsgrensLaag),
        aftoppingsgrensHoog: numberFrom(v.aftoppingsgrensHoog),
        liberalisatiegrens: numberFrom(v.liberalisatiegrens),
        youngMaxRent: numberFrom(v.youngMaxRent),
        shortlistSize: numberFrom(v.shortlistSize),
        answerWorkingDays: numberFrom(v.answerWorkingDays),
        offerReplyWorkingDays: numberFrom(v.offerReplyWorkingDays),
        maxBalanceDays: numberFrom(v.maxBalanceDays),
      }),
    save: (input) => client.planning.saveSettings({ year: settings.year, values: input }),
    onSaved,
    serverPrefix: 'values',
  })

  return (
    <form {...form.formProps} className="settings-form">
      <FormSection legend="Huurgrenzen (kale huur per maand)">
        <NumberField
          {...form.text('kwaliteitskortingsgrens')}
          kind="euro"
          label="Kwaliteitskortingsgrens"
          required
          hint="Jongeren onder 23 krijgen alleen huurtoeslag tot deze grens."
        />
        <NumberField
          {...form.text('youngMaxRent')}
          kind="euro"
          label="Maximale huur jongeren"
          required
          hint="Hoogste huur die aan kandidaten onder 23 wordt voorgedragen."
        />
        <NumberField
          {...form.text('aftoppingsgrensLaag')}
          kind="euro"
          label="Aftoppingsgrens (1–2 personen)"
          required
        />
        <NumberField
          {...form.text('aftoppingsgrensHoog')}
          kind="euro"
          label="Aftoppingsgrens (3+ personen)"
          required
        />
        <NumberField
          {...form.text('liberalisatiegrens')}
          kind="euro"
          label="Liberalisatiegrens"
          required
          hint="Boven deze grens is een woning geen sociale huurwoning."
        />
      </FormSection>
      <FormSection legend="Voordrachten">
        <NumberField
          {...form.text('shortlistSize')}
          label="Aantal kandidaten per voordracht"
          suffix="kandidaten"
          required
          hint="Hoeveel kandidaten Het Vierde Huis per woning aan de corporatie voordraagt (1 tot en met 10)."
        />
        <NumberField
          {...form.text('answerWorkingDays')}
          label="Antwoordtermijn corporatie"
          suffix="werkdagen"
          required
          hint="Binnen zoveel werkdagen na het voordragen antwoordt de corporatie; weekenden en feestdagen tellen niet."
        />
        <NumberField
          {...form.text('offerReplyWorkingDays')}
          label="Reactietermijn aanbieding"
          suffix="werkdagen"
          required
          hint="Binnen zoveel werkdagen na de aanbieding laat de kandidaat weten of hij die aanneemt."
        />
        <NumberField
          {...form.text('maxBalanceDays')}
          label="Wachttijd gaat voor balans"
          suffix="dagen"
          required
          hint="Verdeling over zorgaanbieders en voorrang van een doelgroep mogen samen een kandidaat hooguit zoveel wachtdagen naar voren halen. Wie langer dan drie maanden wacht, wordt nooit door balans alleen ingehaald."
        />
      </FormSection>
      <div className="form-footer form-footer-inline">
        <ErrorAlert message={form.formError} />
        <div className="form-buttons form-buttons-start-aligned">
          <button type="submit" className="button button-primary" disabled={form.saving}>
            {form.saving ? 'Opslaan…' : `Opslaan vanaf ${settings.year}`}
          </button>
        </div>
      </div>
    </form>
  )
}
