import { SaveWijkFigureInput, type WijkFigureRow } from '../../../../shared/api'
import { WIJK } from '../../../../shared/domain/vocabulary'
import { client } from '../../api/client'
import { useSaveForm } from '../../hooks/use-save-form'
import { FormDialog } from '../form/FormDialog'
import { numberFrom, numberText, percentText, shareFrom } from '../form/form-values'
import { NumberField } from '../form/NumberField'
import { RequiredNote } from '../form/RequiredNote'

interface WijkFigureFormProps {
  figure: WijkFigureRow
  onClose: () => void
  onSaved: (message: string) => void
}

export function WijkFigureForm({ figure, onClose, onSaved }: WijkFigureFormProps) {
  const name = WIJK.label(figure.wijk)
  const form = useSaveForm({
    initial: {
      socialStock: numberText(figure.socialStock),
      socialShare: percentText(figure.socialShare),
      placements: numberText(figure.placements),
    },
    check: (v) =>
      SaveWijkFigureInput.safeParse({
        wijk: figure.wijk,
        socialStock: numberFrom(v.socialStock),
        socialShare: shareFrom(v.socialShare),
        placements: numberFrom(v.placements),
      }),
    save: (input) => client.spreading.saveWijkFigure(input),
    onSaved: () =>
      onSaved(`De cijfers van ${name} zijn opgeslagen; de normen zijn opnieuw berekend.`),
  })

  return (
    <FormDialog title={`Cijfers ${name} wijzigen`} onClose={onClose} form={form}>
      <RequiredNote />
      <div className="form-grid form-grid-single">
        <NumberField
          {...form.text('socialStock')}
          label="Sociale huurwoningen"
          suffix="woningen"
          required
          autoFocus
          hint="Huurwoningen van de corporaties in de wijk."
        />
        <NumberField
          {...form.text('socialShare')}
          kind="percent"
          label="Aandeel sociale huur in de wijk"
          required
          hint="Deel van alle woningen in de wijk dat sociale huur van een corporatie is (Overvecht 2018: 61 %)."
        />
        <NumberField
          {...form.text('placements')}
          label="Plaatsingen MO/BW buiten de app"
          suffix="plaatsingen"
          required
          hint="Plaatsingen die niet in de app staan, bijvoorbeeld van vóór de app (2018: 55 in Overvecht van 244). Ze tellen mee als eerdere plaatsingen."
        />
      </div>
    </FormDialog>
  )
}
