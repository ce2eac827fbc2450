import { YearTargetSchema, type YearTarget } from '../../../../shared/api'
import {
  DEFAULT_CATCH_UP,
  DEFAULT_TARGET,
  instroomShareTrajectory,
} from '../../../../shared/domain/targets'
import { client } from '../../api/client'
import { useSaveForm } from '../../hooks/use-save-form'
import { FormDialog } from '../form/FormDialog'
import type { Checked } from '../form/field-errors'
import { numberFrom, numberText, percentText, shareFrom } from '../form/form-values'
import { NumberField } from '../form/NumberField'
import { RequiredNote } from '../form/RequiredNote'

interface YearTargetFormProps {
  /** Absent: a new year. */
  target?: YearTarget
  /** Years that already have a target: adding one of them again would overwrite it unseen. */
  takenYears: readonly number[]
  suggestedYear: number
  onClose: () => void
  onSaved: (saved: YearTarget) => void
}

export function YearTargetForm({
  target,
  takenYears,
  suggestedYear,
  onClose,
  onSaved,
}: YearTargetFormProps) {
  const form = useSaveForm({
    initial: {
      year: String(target?.year ?? suggestedYear),
      target: numberText(target?.target ?? DEFAULT_TARGET),
      catchUpTarget: numberText(target?.catchUpTarget ?? DEFAULT_CATCH_UP),
      // A new year starts on the plan's trajectory; the officer may set another share.
      instroomShareTarget: percentText(
        target?.instroomShareTarget ?? instroomShareTrajectory(suggestedYear),
      ),
    },
    check: (values): Checked<YearTarget> => {
      const checked = YearTargetSchema.safeParse({
        year: numberFrom(values.year),
        target: numberFrom(values.target),
        catchUpTarget: numberFrom(values.catchUpTarget),
        instroomShareTarget: shareFrom(values.instroomShareTarget),
      })
      if (checked.success && !target && takenYears.includes(checked.data.year)) {
        const message = `Voor ${checked.data.year} is al een taakstelling vastgelegd. Open dat jaar in de lijst om het te wijzigen.`
        return { success: false, error: { issues: [{ path: ['year'], message }] } }
      }
      return checked
    },
    save: (input) => client.planning.saveYearTarget(input),
    onSaved,
  })

  return (
    <FormDialog
      title={target ? `Taakstelling ${target.year} wijzigen` : 'Taakstelling toevoegen'}
      onClose={onClose}
      form={form}
    >
      <RequiredNote />
      <div className="form-grid form-grid-single">
        <NumberField {...form.text('year')} label="Jaar" required readOnly={Boolean(target)} />
        <NumberField
          {...form.text('target')}
          label="Taakstelling"
          suffix="woningen"
          required
          autoFocus={Boolean(target)}
          hint="Woningen voor uitstroom en instroom MO/BW in de stad Utrecht dit jaar; verdeeld over de vier kwartalen en dan naar rato over de corporaties."
        />
        <NumberField
          {...form.text('catchUpTarget')}
          label="Waarvan inhaalslag"
          suffix="woningen"
          required
          hint="Het deel van de taakstelling om achterstand in te halen (2019–2023: 110 van 385); de rest is de reguliere vraag."
        />
        <NumberField
          {...form.text('instroomShareTarget')}
          kind="percent"
          label="Doel aandeel instroom"
          required
          hint="Deel van de toewijzingen dat naar instroom (omklapwoningen) moet gaan. Plan van Aanpak: 20 % in 2019, 30 % in 2020, daarna elk jaar 10 procentpunt meer (tot 60 % in 2023)."
        />
      </div>
    </FormDialog>
  )
}
