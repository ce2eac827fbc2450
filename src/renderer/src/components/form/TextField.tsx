import type { HTMLAttributes } from 'react'
import { Field, type FieldProps } from './Field'

interface TextFieldProps extends FieldProps {
  value: string
  onChange: (value: string) => void
  type?: 'text' | 'date' | 'search' | 'tel' | 'email'
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode']
  maxLength?: number
  autoComplete?: string
  readOnly?: boolean
  autoFocus?: boolean
  /** Shown inside the box before the value, e.g. "€". */
  prefix?: string
  /** Shown after the box, e.g. "%" or "woningen". */
  suffix?: string
  placeholder?: string
  /** Character width of the box, for short values such as a postcode or an amount. */
  size?: 'small' | 'medium' | 'full'
}

export function TextField({
  value,
  onChange,
  type = 'text',
  inputMode,
  maxLength,
  autoComplete = 'off',
  readOnly,
  autoFocus,
  prefix,
  suffix,
  size = 'full',
  placeholder,
  ...field
}: TextFieldProps) {
  return (
    <Field {...field}>
      {(control) => (
        <span className={`input-unit input-${size}`}>
          {prefix && (
            <span className="unit unit-prefix" aria-hidden="true">
              {prefix}
            </span>
          )}
          <input
            {...control}
            type={type}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            inputMode={inputMode}
            maxLength={maxLength}
            autoComplete={autoComplete}
            readOnly={readOnly}
            placeholder={placeholder}
            // Both: React focuses a control that mounts later (after loading), Dialog the first time.
            autoFocus={autoFocus}
            data-autofocus={autoFocus ? '' : undefined}
          />
          {suffix && <span className="unit unit-suffix">{suffix}</span>}
        </span>
      )}
    </Field>
  )
}
