import type { YesNoView } from '../../../../shared/domain/yes-no-views'
import { CheckboxField } from './CheckboxField'

interface YesNoFieldsProps<K extends string> {
  views: Readonly<Record<K, YesNoView>>
  /** The form's props for one checkbox (useSaveForm's `checkbox`). */
  checkbox: (field: NoInfer<K>) => {
    name: string
    checked: boolean
    onChange: (checked: boolean) => void
    error?: string
  }
}

/** A checkbox for each described yes/no field, with its label, in the descriptions' order. */
export function YesNoFields<K extends string>({ views, checkbox }: YesNoFieldsProps<K>) {
  return (Object.keys(views) as K[]).map((field) => (
    <CheckboxField key={field} {...checkbox(field)} label={views[field].label} />
  ))
}
