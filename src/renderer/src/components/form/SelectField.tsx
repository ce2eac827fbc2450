import { Field, type FieldProps } from './Field'

export interface Option {
  value: string
  label: string
}

interface SelectFieldProps extends FieldProps {
  value: string
  onChange: (value: string) => void
  options: readonly Option[]
  /** The empty choice, e.g. "Kies een corporatie…"; without it the first option is preselected. */
  placeholder?: string
  disabled?: boolean
  autoFocus?: boolean
}

export function SelectField({
  value,
  onChange,
  options,
  placeholder,
  disabled,
  autoFocus,
  ...field
}: SelectFieldProps) {
  return (
    <Field {...field}>
      {(control) => (
        <select
          {...control}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          disabled={disabled}
          // Both: React focuses a control that mounts later (after loading), Dialog the first time.
          autoFocus={autoFocus}
          data-autofocus={autoFocus ? '' : undefined}
        >
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}

/** The options of one of the vocabulary's closed lists (WIJK, DWELLING_TYPE, …), in its own order. */
export function vocabularyOptions(vocabulary: {
  keys: readonly string[]
  labels: Record<string, string>
}): Option[] {
  return vocabulary.keys.map((key) => ({ value: key, label: vocabulary.labels[key] ?? key }))
}
