import { YearTargetSchema, type YearTarget } from '../../../../shared/api'
import { client } from '../../api/client'
import { useSaveForm } from '../../hooks/use-save-form'
import { Dialog } from '../Dialog'
import type { Checked } from '../form/field-errors'
import { numberFrom, numberText, percentText, shareFrom } from '../form/form-values'
import { FormFooter } from '../form/FormFooter'
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
      target: numberText(target?.target),
      instroomShareTarget: percentText(target?.instroomShareTarget),
    },
    check: (values): Checked<YearTarget> => {
      const checked = YearTargetSchema.safeParse({
        year: numberFrom(values.year),
        target: numberFrom(values.target),
        instroomShareTarget: shareFrom(values.instroomShareTarget),
      })
      if (checked.success && !target && takenYears.includes(checked.data.year)) {
        const message = `Voor ${checked.data.year} is al een taakstelling vastgelegd. Open dat jaar in de lijst om het te wijzigen.`
        return { success: false, error: { issues: [{ path: ['year'], message }] } }
      }
      return checked
    },
    save: (input) => client.saveYearTarget(input),
    onSaved,
  })

  return (
    <Dialog
      title={target ? `Taakstelling ${target.year} wijzigen` : 'Taakstelling toevoegen'}
      onClose={onClose}
    >
      <form {...form.formProps} className="dialog-form">
        <div className="dialog-body">
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
              {...form.text('instroomShareTarget')}
              kind="percent"
              label="Doel aandeel instroom"
              required
              hint="Deel van de toewijzingen dat naar instroom (omklapwoningen) moet gaan."
            />
          </div>
        </div>
        <FormFooter error={form.formError} saving={form.saving} onCancel={onClose} />
      </form>
    </Dialog>
  )
}
