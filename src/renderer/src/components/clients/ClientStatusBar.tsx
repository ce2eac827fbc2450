import { useId, useState, type FormEvent } from 'react'
import { SetClientStatusInput, type ClientDetail } from '../../../../shared/api'
import { CLIENT_STATUS, type ClientStatus } from '../../../../shared/domain/vocabulary'
import { client } from '../../api/client'
import { formatDate } from '../../format'
import { useAction } from '../../hooks/use-action'
import { submitOnEnter } from '../form/submit-on-enter'
import { ErrorAlert } from '../Messages'

type SettableStatus = 'wachtend' | 'on-hold' | 'ingetrokken'

interface Action {
  to: SettableStatus
  label: string
  /** A withdrawal is final for the waiting list: it must say why, for the audit trail. */
  reasonRequired: boolean
}

const ON_HOLD: Action = { to: 'on-hold', label: 'In de wacht zetten', reasonRequired: false }
const WITHDRAW: Action = { to: 'ingetrokken', label: 'Intrekken', reasonRequired: true }
const WAITING: Action = { to: 'wachtend', label: 'Weer wachtend', reasonRequired: false }

/** What an officer may do by hand; presenting, offering and housing belong to the matching steps. */
const ACTIONS: Partial<Record<ClientStatus, Action[]>> = {
  wachtend: [ON_HOLD, WITHDRAW],
  'on-hold': [WAITING, WITHDRAW],
  ingetrokken: [WAITING],
}

interface ClientStatusBarProps {
  current: ClientDetail
  onChanged: (updated: ClientDetail, label: string) => void
}

/**
 * The client's status and the hand-set changes, each with a reason. Outside the client form (a
 * form cannot hold another), so a status change neither saves nor loses edits in the form.
 */
export function ClientStatusBar({ current, onChanged }: ClientStatusBarProps) {
  const reasonId = useId()
  const [action, setAction] = useState<Action>()
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState<string>()
  const change = useAction()
  const actions = ACTIONS[current.status] ?? []

  function choose(next: Action | undefined) {
    setAction(next)
    setReason('')
    setReasonError(undefined)
    change.clear()
  }

  function confirm(event: FormEvent) {
    event.preventDefault()
    if (!action) return
    if (action.reasonRequired && reason.trim() === '') {
      setReasonError('Vul de reden in')
      return
    }
    const checked = SetClientStatusInput.safeParse({ id: current.id, status: action.to, reason })
    if (!checked.success) {
      setReasonError(checked.error.issues[0]?.message)
      return
    }
    const label = CLIENT_STATUS.label(action.to)
    void change.run(async () => {
      const updated = await client.clients.setStatus(checked.data)
      choose(undefined)
      onChanged(updated, label)
    })
  }

  return (
    <div className="status-bar">
      <div className="status-line">
        <span>
          Status: <strong>{CLIENT_STATUS.label(current.status)}</strong> sinds{' '}
          {formatDate(current.statusSince)} · wachttijd {current.waitingDays} dagen
        </span>
        {!action && (
          <span className="status-actions">
            {actions.length === 0 ? (
              <span className="muted">Deze status volgt uit de voordracht.</span>
            ) : (
              actions.map((a) => (
                <button
                  key={a.to}
                  type="button"
                  className="button button-small"
                  onClick={() => choose(a)}
                >
                  {a.label}
                </button>
              ))
            )}
          </span>
        )}
      </div>
      {action && (
        <form className="status-form" onSubmit={confirm} onKeyDown={submitOnEnter} noValidate>
          <label htmlFor={reasonId}>Reden{action.reasonRequired ? '' : ' (niet verplicht)'}</label>
          <input
            id={reasonId}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value)
              setReasonError(undefined)
            }}
            maxLength={500}
            autoFocus
            aria-required={action.reasonRequired || undefined}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={reasonError ? `${reasonId}-error` : undefined}
            onKeyDown={(e) => {
              // Escape cancels this step only, not the whole dialog.
              if (e.key === 'Escape') {
                e.preventDefault()
                e.stopPropagation()
                choose(undefined)
              }
            }}
          />
          <button
            type="submit"
            className="button button-small button-primary"
            disabled={change.busy}
          >
            {action.label}
          </button>
          <button type="button" className="button button-small" onClick={() => choose(undefined)}>
            Annuleren
          </button>
          {reasonError && (
            <p id={`${reasonId}-error`} className="field-error status-form-error">
              {reasonError}
            </p>
          )}
        </form>
      )}
      <ErrorAlert message={change.error} />
    </div>
  )
}
