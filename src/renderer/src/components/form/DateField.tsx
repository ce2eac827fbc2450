import { lightFormat } from 'date-fns'
import { useRef } from 'react'
import { formatDate } from '../../format'
import { Field, type FieldProps } from './Field'
import { dateFrom } from './form-values'

interface DateFieldProps extends FieldProps {
  /** As typed: dd-mm-jjjj. The form turns it into yyyy-mm-dd (isoDateFrom). */
  value: string
  onChange: (value: string) => void
  autoFocus?: boolean
}

/**
 * A date typed the Dutch way, whatever the computer's language, with a calendar beside it. The
 * box is plain text: a native date input shows mm/dd/yyyy on an English computer. The calendar is
 * the browser's own (keyboard and screen-reader ready), opened on a hidden date input whose
 * choice is written back as dd-mm-jjjj.
 */
export function DateField({ hint, value, onChange, autoFocus, ...field }: DateFieldProps) {
  const text = useRef<HTMLInputElement>(null)
  const picker = useRef<HTMLInputElement>(null)
  // The calendar opens on the typed day when it is a real one.
  const typedDay = dateFrom(value)

  function openCalendar() {
    try {
      picker.current?.showPicker()
    } catch {
      // No picker here (an old browser): typing still works.
      text.current?.focus()
    }
  }

  return (
    <Field {...field} hint={hint ? <>dd-mm-jjjj; {hint}</> : 'dd-mm-jjjj'}>
      {(control) => (
        <span className="input-unit input-medium date-field">
          <input
            {...control}
            ref={text}
            type="text"
            inputMode="numeric"
            value={value}
            onChange={(e) => onChange(e.target.value)}
            maxLength={10}
            autoComplete="off"
            placeholder="dd-mm-jjjj"
            autoFocus={autoFocus}
            data-autofocus={autoFocus ? '' : undefined}
          />
          <button
            type="button"
            className="button date-field-calendar"
            aria-label="Kalender openen"
            title="Kies in een kalender"
            onClick={openCalendar}
          >
            <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16">
              <path
                fill="currentColor"
                d="M4 0h1.5v2h5V0H12v2h2a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H2a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1h2zM2.5 6v8.5h11V6zm1.5 2h2v2H4zm3 0h2v2H7zm3 0h2v2h-2zm-6 3h2v2H4zm3 0h2v2H7z"
              />
            </svg>
          </button>
          <input
            ref={picker}
            type="date"
            className="date-field-picker"
            tabIndex={-1}
            aria-hidden="true"
            value={typedDay ? lightFormat(typedDay, 'yyyy-MM-dd') : ''}
            onChange={(e) => {
              if (!e.target.value) return
              onChange(formatDate(e.target.value))
              text.current?.focus()
            }}
          />
        </span>
      )}
    </Field>
  )
}
