import type { FieldProps } from './Field'
import { TextField } from './TextField'

interface DateFieldProps extends FieldProps {
  /** As typed: dd-mm-jjjj. The form turns it into yyyy-mm-dd (form-values.ts). */
  value: string
  onChange: (value: string) => void
}

/** A date typed the Dutch way, whatever the computer's language (see isoDateFrom). */
export function DateField({ hint, ...props }: DateFieldProps) {
  return (
    <TextField
      {...props}
      size="medium"
      maxLength={10}
      placeholder="dd-mm-jjjj"
      hint={hint ? <>dd-mm-jjjj; {hint}</> : 'dd-mm-jjjj'}
    />
  )
}
