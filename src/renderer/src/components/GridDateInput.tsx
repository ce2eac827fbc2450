import { isSameDay } from 'date-fns'
import { useGridDate, type CustomDateProps } from 'ag-grid-react'
import { useState } from 'react'
import { dateFrom } from './form/form-values'
import { formatDateOf } from '../format'

/**
 * The grids' date filter as every date field in the app: dd-mm-jjjj typed, not the browser's date
 * input (mm/dd/yyyy on an English computer, and cut off in a narrow filter cell).
 */
export function GridDateInput({ date, onDateChange }: CustomDateProps) {
  const [text, setText] = useState(() => formatDateOf(date))
  const [label, setLabel] = useState('Datum')
  const [disabled, setDisabled] = useState(false)
  useGridDate({ setInputAriaLabel: setLabel, setDisabled })

  // Follow the grid when it sets or clears the date itself (another filter, "Wissen"), but not
  // while a half-typed date reads as "no date yet".
  const [seen, setSeen] = useState(date?.getTime() ?? null)
  if ((date?.getTime() ?? null) !== seen) {
    setSeen(date?.getTime() ?? null)
    const typed = dateFrom(text)
    if (!(date && typed ? isSameDay(date, typed) : date === typed)) setText(formatDateOf(date))
  }

  return (
    <input
      type="text"
      className="grid-date-input"
      inputMode="numeric"
      value={text}
      placeholder="dd-mm-jjjj"
      maxLength={10}
      aria-label={`${label} (dd-mm-jjjj)`}
      disabled={disabled}
      onChange={(e) => {
        setText(e.target.value)
        onDateChange(dateFrom(e.target.value))
      }}
    />
  )
}
