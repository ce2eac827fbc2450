import {
  useEffect,
  useEffectEvent,
  useId,
  useRef,
  type KeyboardEvent,
  type ReactNode,
  type SyntheticEvent,
} from 'react'
import { focusables } from './focusable'

interface DialogProps {
  title: string
  /** One line under the title, e.g. whose data this is. */
  description?: ReactNode
  onClose: () => void
  /** `wide` for the long registration forms and the import report. */
  size?: 'narrow' | 'medium' | 'wide'
  children: ReactNode
}

/**
 * A modal dialog on the native <dialog> (top layer, the page behind inert) with what assistive
 * technology and keyboard users need on top: a name, focus moved in (to the element marked
 * data-autofocus, else the first control) and back to where it was, Escape to close, and Tab
 * kept inside even where the browser would move on to its own address bar.
 */
export function Dialog({ title, description, onClose, size = 'narrow', children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const descriptionId = useId()
  const close = useEffectEvent(onClose)

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (!dialog.open) dialog.showModal()
    const body = dialog.querySelector<HTMLElement>('.dialog-body') ?? dialog
    const first =
      dialog.querySelector<HTMLElement>('[data-autofocus]') ?? focusables(body)[0] ?? dialog
    first.focus()
    // The browser may close the dialog on its own (a second Escape): keep React in step.
    const onNativeClose = () => close()
    dialog.addEventListener('close', onNativeClose)
    return () => {
      dialog.removeEventListener('close', onNativeClose)
      if (dialog.open) dialog.close()
      if (opener?.isConnected) opener.focus()
    }
  }, [])

  function onCancel(event: SyntheticEvent) {
    // Escape: let the page decide (it unmounts the dialog), rather than the browser hiding it.
    event.preventDefault()
    onClose()
  }

  function onKeyDown(event: KeyboardEvent<HTMLDialogElement>) {
    if (event.key !== 'Tab' || !ref.current) return
    const list = focusables(ref.current)
    const first = list[0]
    const last = list[list.length - 1]
    if (!first || !last) return
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault()
      last.focus()
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault()
      first.focus()
    }
  }

  return (
    <dialog
      ref={ref}
      className={`dialog dialog-${size}`}
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={onCancel}
      onKeyDown={onKeyDown}
    >
      <div className="dialog-header">
        <div>
          <h2 id={titleId} className="dialog-title">
            {title}
          </h2>
          {description && (
            <p id={descriptionId} className="dialog-description">
              {description}
            </p>
          )}
        </div>
        <button
          type="button"
          className="dialog-close"
          aria-label="Venster sluiten"
          onClick={onClose}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {children}
    </dialog>
  )
}
