import { Field, type FieldProps } from './Field'

interface TextAreaFieldProps extends FieldProps {
  value: string
  onChange: (value: string) => void
  maxLength?: number
  rows?: number
}

/** Enter is a new line here; Ctrl+Enter saves (see useSaveForm). */
export function TextAreaField({
  value,
  onChange,
  maxLength,
  rows = 3,
  ...field
}: TextAreaFieldProps) {
  return (
    <Field {...field}>
      {(control) => (
        <textarea
          {...control}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          maxLength={maxLength}
          rows={rows}
        />
      )}
    </Field>
  )
}
