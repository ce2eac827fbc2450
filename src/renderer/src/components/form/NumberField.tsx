import { TextField } from './TextField'
import type { FieldProps } from './Field'

interface NumberFieldProps extends FieldProps {
  /** As typed: "612,50". The form turns it into a number for the schema (form-values.ts). */
  value: string
  onChange: (value: string) => void
  /** euro: "€" before and decimals allowed; percent: "%" after; integer: whole numbers. */
  kind?: 'integer' | 'euro' | 'percent' | 'decimal'
  suffix?: string
  autoFocus?: boolean
  readOnly?: boolean
}

/**
 * A text box rather than <input type="number">: that one ignores a Dutch decimal comma in some
 * locales, changes the value on a scroll wheel, and gives the browser's own messages.
 */
export function NumberField({ kind = 'integer', suffix, ...props }: NumberFieldProps) {
  return (
    <TextField
      {...props}
      inputMode={kind === 'integer' ? 'numeric' : 'decimal'}
      prefix={kind === 'euro' ? '€' : undefined}
      suffix={kind === 'percent' ? '%' : suffix}
      size={kind === 'euro' ? 'medium' : 'small'}
      maxLength={12}
    />
  )
}
