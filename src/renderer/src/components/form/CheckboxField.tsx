import { useId, type ReactNode } from 'react'

interface CheckboxFieldProps {
  name: string
  label: string
  checked: boolean
  onChange: (checked: boolean) => void
  hint?: ReactNode
  error?: string
  disabled?: boolean
}

/** A yes/no question: the box before its label, as people expect from paper forms. */
export function CheckboxField({
  name,
  label,
  checked,
  onChange,
  hint,
  error,
  disabled,
}: CheckboxFieldProps) {
  const id = useId()
  const errorId = error ? `${id}-error` : undefined
  const hintId = hint ? `${id}-hint` : undefined
  return (
    <div className="form-field form-check" data-field={name} data-invalid={error ? '' : undefined}>
      <div className="check-row">
        <input
          id={id}
          name={name}
          type="checkbox"
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  )
}
