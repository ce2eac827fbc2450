import { useId } from 'react'
import { api, type Candidate, type DwellingMatching, type PoolEntry } from '../../../../shared/api'
import { TARGET_GROUP } from '../../../../shared/domain/vocabulary'
import { client } from '../../api/client'
import { FormDialog } from '../../components/form/FormDialog'
import { TextAreaField } from '../../components/form/TextAreaField'
import { ErrorAlert, Loading } from '../../components/Messages'
import { formatNumber } from '../../format'
import { useApi } from '../../hooks/use-api'
import { useSaveForm } from '../../hooks/use-save-form'
import { isOverdue } from '../../waiting-time'
import { chosen, flatCheck } from '../form-check'
import { formatPoints } from '../words'

interface SwapDialogProps {
  dwellingId: number
  shortlistId: number
  candidate: Candidate
  /** Who comes in, when already chosen (from "Waarom niet?"); listed first if not in the top. */
  add?: PoolEntry
  onClose: () => void
  onDone: (result: DwellingMatching, added: string) => void
}

/** Replace a concept candidate by a free eligible client from the dwelling's pool, with a reason. */
export function SwapDialog({
  dwellingId,
  shortlistId,
  candidate,
  add,
  onClose,
  onDone,
}: SwapDialogProps) {
  const pool = useApi(() => client.shortlists.pool({ dwellingId }), [dwellingId])
  const legendId = useId()
  const top = pool.data?.entries ?? []
  const entries = add && !top.some((e) => e.clientId === add.clientId) ? [add, ...top] : top
  const form = useSaveForm({
    initial: { addClientId: add ? String(add.clientId) : '', reason: '' },
    check: (values) =>
      flatCheck(
        api.shortlists.swap.input.safeParse({
          shortlistId,
          removeClientId: candidate.clientId,
          addClientId: Number(values.addClientId),
          reason: values.reason,
        }),
        chosen('addClientId', values.addClientId, 'Kies wie in de plaats komt'),
      ),
    save: (input) => client.shortlists.swap(input),
    onSaved: (result) =>
      onDone(
        result,
        entries.find((e) => String(e.clientId) === form.values.addClientId)?.code ?? '',
      ),
  })
  const pick = form.text('addClientId')

  return (
    <FormDialog
      title={`${candidate.code} wisselen`}
      description={`Kies wie in de plaats van ${candidate.code} op deze conceptvoordracht komt.`}
      onClose={onClose}
      size="medium"
      form={form}
      submitLabel="Wisselen"
    >
      <ErrorAlert message={pool.error} onRetry={pool.reload} />
      {pool.loading && !pool.data && <Loading label="Vrije kandidaten laden…" />}
      {pool.data && entries.length === 0 && (
        <p className="sl-dialog-note">
          Er is nu niemand vrij die voor deze woning in aanmerking komt: iedereen die past staat al
          op een andere open voordracht. Wisselen kan daarom niet.
        </p>
      )}
      {entries.length > 0 && (
        <fieldset
          className="sl-pick"
          data-field="addClientId"
          data-invalid={pick.error ? '' : undefined}
          aria-describedby={pick.error ? `${legendId}-error` : undefined}
        >
          <legend id={legendId}>
            In de plaats van {candidate.code}{' '}
            <span className="muted">
              ({formatNumber(pool.data?.eligible)} vrij en in aanmerking, hoogste score eerst)
            </span>
          </legend>
          {pick.error && (
            <p id={`${legendId}-error`} className="field-error">
              {pick.error}
            </p>
          )}
          <div className="sl-pick-list">
            <table className="sl-table">
              <thead>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">Kiezen</span>
                  </th>
                  <th scope="col">Code</th>
                  <th scope="col">Zorgaanbieder</th>
                  <th scope="col">Doelgroep</th>
                  <th scope="col" className="numeric">
                    Wachttijd (dagen)
                  </th>
                  <th scope="col" className="numeric">
                    Score
                  </th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => {
                  const id = `${legendId}-${entry.clientId}`
                  return (
                    <tr
                      key={entry.clientId}
                      className={pick.value === String(entry.clientId) ? 'sl-picked' : undefined}
                      onClick={() => pick.onChange(String(entry.clientId))}
                    >
                      <td>
                        <input
                          type="radio"
                          id={id}
                          name={`${legendId}-client`}
                          value={entry.clientId}
                          checked={pick.value === String(entry.clientId)}
                          onChange={() => pick.onChange(String(entry.clientId))}
                          aria-invalid={pick.error ? true : undefined}
                        />
                      </td>
                      <td>
                        <label htmlFor={id} className="sl-code">
                          {entry.code}
                        </label>
                      </td>
                      <td>{entry.careProvider}</td>
                      <td>{TARGET_GROUP.label(entry.targetGroup)}</td>
                      <td className="numeric">
                        <span className={isOverdue(entry.waitingDays) ? 'sl-overdue' : undefined}>
                          {formatNumber(entry.waitingDays)}
                        </span>
                      </td>
                      <td className="numeric">
                        {entry.score === null ? '' : formatPoints(entry.score)}
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </div>
        </fieldset>
      )}
      <div className="form-grid form-grid-single">
        <TextAreaField
          {...form.text('reason')}
          label="Reden van de wissel"
          required
          rows={2}
          maxLength={500}
          hint="Bijvoorbeeld wat de zorgaanbieder meldde; de reden staat bij de kandidaat op de voordracht."
        />
      </div>
    </FormDialog>
  )
}
