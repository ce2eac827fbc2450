import { SpreadingSettingsSchema, type SpreadingSettings } from '../../../../shared/api'
import { client } from '../../api/client'
import { useSaveForm } from '../../hooks/use-save-form'
import { numberFrom, numberText } from '../form/form-values'
import { FormSection } from '../form/FormSection'
import { NumberField } from '../form/NumberField'
import { ErrorAlert } from '../Messages'

interface SpreadingSettingsFormProps {
  settings: SpreadingSettings
  onSaved: () => void
}

/** The weights of the spreading norm and the stop per complex; docs/matching.md explains them. */
export function SpreadingSettingsForm({ settings, onSaved }: SpreadingSettingsFormProps) {
  const form = useSaveForm({
    initial: {
      concentrationWeight: numberText(settings.concentrationWeight),
      historyWeight: numberText(settings.historyWeight),
      historyYears: numberText(settings.historyYears),
      complexStopPlacements: numberText(settings.complexStopPlacements),
      complexStopYears: numberText(settings.complexStopYears),
    },
    check: (v) =>
      SpreadingSettingsSchema.safeParse({
        concentrationWeight: numberFrom(v.concentrationWeight),
        historyWeight: numberFrom(v.historyWeight),
        historyYears: numberFrom(v.historyYears),
        complexStopPlacements: numberFrom(v.complexStopPlacements),
        complexStopYears: numberFrom(v.complexStopYears),
      }),
    save: (input) => client.spreading.saveSettings(input),
    onSaved,
  })

  return (
    <form {...form.formProps} className="settings-form">
      <FormSection legend="Norm per wijk">
        <NumberField
          {...form.text('concentrationWeight')}
          label="Gewicht concentratie sociale huur"
          required
          hint="0 tot 2. Hoe sterker een hoog aandeel sociale huur in de wijk haar norm verlaagt. 0: de norm volgt de voorraad; 1: de norm volgt alle woningen in de wijk."
        />
        <NumberField
          {...form.text('historyWeight')}
          label="Gewicht eerdere plaatsingen"
          required
          hint="0 tot 2. Hoe sterker eerdere plaatsingen boven de norm haar verder verlagen."
        />
        <NumberField
          {...form.text('historyYears')}
          label="Eerdere plaatsingen over"
          suffix="jaar"
          required
          hint="Plaatsingen in de app uit deze periode tellen mee, naast de cijfers per wijk hieronder."
        />
      </FormSection>
      <FormSection legend="Stop per complex">
        <NumberField
          {...form.text('complexStopPlacements')}
          label="Hoogstens"
          suffix="plaatsingen"
          required
          hint="Is dit aantal bereikt (woningen in behandeling tellen mee), dan komen er voor dat complex pas weer kandidaten als de matcher de stop met een reden opheft."
        />
        <NumberField {...form.text('complexStopYears')} label="Binnen" suffix="jaar" required />
      </FormSection>
      <div className="form-footer form-footer-inline">
        <ErrorAlert message={form.formError} />
        <div className="form-buttons form-buttons-start-aligned">
          <button type="submit" className="button button-primary" disabled={form.saving}>
            {form.saving ? 'Opslaan…' : 'Instellingen spreiding opslaan'}
          </button>
        </div>
      </div>
    </form>
  )
}
