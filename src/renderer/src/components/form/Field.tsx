import { useId, type ReactNode } from 'react'

/** What a control needs to be tied to its label, hint and error. */
export interface ControlProps {
  id: string
  name: string
  'aria-invalid': true | undefined
  'aria-describedby': string | undefined
  'aria-required': true | undefined
}

export interface FieldProps {
  /** The schema's field name: errors are matched on it. */
  name: string
  label: string
  required?: boolean
  /** One short line under the control. */
  hint?: ReactNode
  error?: string
  /** `wide` spans both columns of a form grid. */
  wide?: boolean
}

/** The marker itself is hidden from screen readers: aria-required already says it. */
export function RequiredMark() {
  return (
    <span className="required-mark" aria-hidden="true">
      *
    </span>
  )
}

/**
 * Label, control, error and hint, tied together with ids so a screen reader reads the error and
 * the hint with the control. Native browser validation is off (forms are noValidate): the Dutch
 * messages come from the shared schemas.
 */
export function Field({
  name,
  label,
  required,
  hint,
  error,
  wide,
  children,
}: FieldProps & { children: (control: ControlProps) => ReactNode }) {
  const id = useId()
  const errorId = error ? `${id}-error` : undefined
  const hintId = hint ? `${id}-hint` : undefined
  return (
    <div
      className={wide ? 'form-field form-field-wide' : 'form-field'}
      data-field={name}
      data-invalid={error ? '' : undefined}
    >
      {/* The marker sits outside the label, so the label's text is just the name. */}
      <span className="field-label">
        <label htmlFor={id}>{label}</label>
        {required && <RequiredMark />}
      </span>
      {children({
        id,
        name,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': [errorId, hintId].filter(Boolean).join(' ') || undefined,
        'aria-required': required ? true : undefined,
      })}
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
