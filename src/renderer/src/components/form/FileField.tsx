import { useId, useRef } from 'react'

interface FileFieldProps {
  label: string
  /** e.g. ".xlsx,application/…" */
  accept: string
  /** The chosen file's name, shown beside the button. */
  fileName: string | undefined
  onChoose: (file: File | undefined) => void
  disabled?: boolean
  autoFocus?: boolean
}

/**
 * A file chooser that speaks Dutch: the browser's own button says "Choose File" in the language
 * of the browser build, so the real input is hidden and opened from a Dutch button.
 */
export function FileField({
  label,
  accept,
  fileName,
  onChoose,
  disabled,
  autoFocus,
}: FileFieldProps) {
  const id = useId()
  const input = useRef<HTMLInputElement>(null)
  return (
    <div className="form-field form-field-wide" data-field="file">
      <span id={`${id}-label`} className="field-label">
        {label}
      </span>
      <div className="file-picker">
        <input
          ref={input}
          type="file"
          className="visually-hidden"
          accept={accept}
          tabIndex={-1}
          aria-hidden="true"
          disabled={disabled}
          onChange={(e) => {
            onChoose(e.target.files?.[0])
            // The same file chosen again (after fixing it in Excel) must fire a change too.
            e.target.value = ''
          }}
        />
        <button
          id={`${id}-button`}
          type="button"
          className="button"
          aria-labelledby={`${id}-label ${id}-button`}
          aria-describedby={`${id}-name`}
          onClick={() => input.current?.click()}
          disabled={disabled}
          data-autofocus={autoFocus ? '' : undefined}
        >
          {fileName ? 'Ander bestand kiezen…' : 'Bestand kiezen…'}
        </button>
        <span id={`${id}-name`} className={fileName ? 'file-name' : 'file-name muted'}>
          {fileName ?? 'Nog geen bestand gekozen'}
        </span>
      </div>
    </div>
  )
}
