import { SelectField, vocabularyOptions } from '../../components/form/SelectField'
import { TextAreaField } from '../../components/form/TextAreaField'

interface FieldBinding {
  name: string
  value: string
  onChange: (value: string) => void
  error: string | undefined
}

interface ReasonFieldsProps {
  vocabulary: { keys: readonly string[]; labels: Record<string, string> }
  reason: FieldBinding
  text: FieldBinding
  reasonLabel?: string
}

/** A reason from one of the closed lists, and a note that becomes required for “Anders”. */
export function ReasonFields({
  vocabulary,
  reason,
  text,
  reasonLabel = 'Reden',
}: ReasonFieldsProps) {
  const needsText = reason.value === 'anders'
  return (
    <>
      <SelectField
        {...reason}
        label={reasonLabel}
        required
        placeholder="Kies een reden…"
        options={vocabularyOptions(vocabulary)}
        autoFocus
      />
      <TextAreaField
        {...text}
        label="Toelichting"
        required={needsText}
        maxLength={1000}
        rows={2}
        hint={needsText ? undefined : 'Verplicht bij “Anders”.'}
      />
    </>
  )
}
