import { useId, type ReactNode } from 'react'
import { RequiredMark } from './Field'
import type { Option } from './SelectField'

interface ChoiceGroupProps {
  name: string
  legend: string
  options: readonly Option[]
  /** `multiple`: checkboxes, value is the list chosen; `single`: radio buttons, value is one. */
  mode: 'multiple' | 'single'
  value: readonly string[]
  onChange: (value: string[]) => void
  hint?: ReactNode
  error?: string
  required?: boolean
  /** Lay the options out in columns (e.g. the ten wijken) rather than in one row. */
  columns?: number
}

/**
 * A fieldset of checkboxes or radio buttons: the legend names the question, so each option is read
 * as "Overvecht, Voorkeurswijken". Arrow keys move between radio buttons natively.
 */
export function ChoiceGroup({
  name,
  legend,
  options,
  mode,
  value,
  onChange,
  hint,
  error,
  required,
  columns,
}: ChoiceGroupProps) {
  const id = useId()
  const errorId = error ? `${id}-error` : undefined
  const hintId = hint ? `${id}-hint` : undefined

  function toggle(option: string, checked: boolean) {
    if (mode === 'single') onChange([option])
    else onChange(checked ? [...value, option] : value.filter((v) => v !== option))
  }

  return (
    <fieldset
      className="form-field form-field-wide choice-group"
      data-field={name}
      data-invalid={error ? '' : undefined}
      aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}
      aria-required={required && mode === 'single' ? true : undefined}
    >
      <legend>
        {legend}
        {required && <RequiredMark />}
      </legend>
      <div
        className={columns ? 'choices choices-columns' : 'choices'}
        style={columns ? { gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` } : undefined}
      >
        {options.map((option) => (
          <label key={option.value} className="choice">
            <input
              type={mode === 'single' ? 'radio' : 'checkbox'}
              name={`${id}-${name}`}
              value={option.value}
              checked={value.includes(option.value)}
              onChange={(e) => toggle(option.value, e.target.checked)}
              aria-invalid={error ? true : undefined}
            />
            <span>{option.label}</span>
          </label>
        ))}
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
    </fieldset>
  )
}
