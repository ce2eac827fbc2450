import { useState, type FormEvent } from 'react'
import type { ConceptList, PresentResult } from '../../../shared/api'
import { client } from '../api/client'
import { Dialog } from '../components/Dialog'
import { FormDialog } from '../components/form/FormDialog'
import { ErrorAlert, Loading, SuccessMessage } from '../components/Messages'
import { downloadBase64, XLSX_TYPE } from '../files'
import { countOf } from '../format'
import { useAction } from '../hooks/use-action'
import { useApi } from '../hooks/use-api'

interface PresentAllDialogProps {
  quarter: string
  quarterName: string
  onClose: () => void
  /** After presenting: the board and the detail must show the new state. */
  onPresented: () => void
}

/**
 * "Alle concepten voordragen": first what will happen (how many lists, which are short, which wait
 * for a swap), then one transaction, then each corporation's workbook straight from here.
 */
export function PresentAllDialog({
  quarter,
  quarterName,
  onClose,
  onPresented,
}: PresentAllDialogProps) {
  const corporations = useApi(() => client.partners.listCorporations(), [])
  const [corporationId, setCorporationId] = useState<number>()
  const plan = useApi(
    () => client.presenting.plan({ quarter, corporationId }),
    [quarter, corporationId],
  )
  const [result, setResult] = useState<PresentResult>()
  const action = useAction()

  const lists = plan.data?.lists ?? []
  const size = plan.data?.shortlistSize ?? 0
  const ready = lists.filter((list) => list.unavailable.length === 0)
  const waiting = lists.filter((list) => list.unavailable.length > 0)
  const short = ready.filter((list) => list.candidates < size)

  function presentAll(event: FormEvent) {
    event.preventDefault()
    void action.run(async () => {
      setResult(await client.presenting.all({ quarter, corporationId }))
      onPresented()
    })
  }

  if (result) {
    return (
      <Dialog title="Voorgedragen" description={quarterName} onClose={onClose} size="medium">
        <ExportStep result={result} quarter={quarter} onClose={onClose} />
      </Dialog>
    )
  }

  return (
    <FormDialog
      title="Alle concepten voordragen"
      description={`Conceptvoordrachten van ${quarterName} in één keer aan de corporaties voordragen.`}
      onClose={onClose}
      size="medium"
      form={{ formProps: { onSubmit: presentAll }, formError: action.error, saving: action.busy }}
      submitLabel={
        ready.length > 0
          ? `${countOf(ready.length, 'voordracht', 'voordrachten')} voordragen`
          : 'Voordragen'
      }
    >
      <div className="field">
        <label htmlFor="present-corporation">Voor</label>
        <select
          id="present-corporation"
          value={corporationId ?? ''}
          onChange={(e) => setCorporationId(e.target.value ? Number(e.target.value) : undefined)}
        >
          <option value="">Alle corporaties</option>
          {corporations.data?.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <ErrorAlert message={plan.error} onRetry={plan.reload} />
      {plan.loading && !plan.data ? (
        <Loading label="Conceptvoordrachten tellen…" />
      ) : (
        <div className="present-plan" aria-live="polite">
          <p>
            <strong>{countOf(ready.length, 'voordracht', 'voordrachten')}</strong> klaar om voor te
            dragen, met{' '}
            {countOf(
              ready.reduce((sum, list) => sum + list.candidates, 0),
              'kandidaat',
              'kandidaten',
            )}
            .
          </p>
          <ListSummary
            title={`Korter dan ${size}: ${countOf(short.length, 'voordracht', 'voordrachten')}`}
            explanation="Te weinig kandidaten kwamen in aanmerking; deze worden toch voorgedragen."
            lists={short}
            detail={(list) => countOf(list.candidates, 'kandidaat', 'kandidaten')}
          />
          <ListSummary
            title={`Wacht op een wissel: ${countOf(waiting.length, 'voordracht', 'voordrachten')}`}
            explanation="Een kandidaat is niet meer beschikbaar; wissel eerst, deze worden nu overgeslagen."
            lists={waiting}
            detail={(list) => `niet beschikbaar: ${list.unavailable.join(', ')}`}
          />
        </div>
      )}
    </FormDialog>
  )
}

function ListSummary({
  title,
  explanation,
  lists,
  detail,
}: {
  title: string
  explanation: string
  lists: ConceptList[]
  detail: (list: ConceptList) => string
}) {
  if (lists.length === 0) return null
  return (
    <section className="present-lists">
      <h3>{title}</h3>
      <p className="muted">{explanation}</p>
      <ul>
        {lists.map((list) => (
          <li key={list.shortlistId}>
            {list.address} ({list.corporation}, ronde {list.round}) — {detail(list)}
          </li>
        ))}
      </ul>
    </section>
  )
}

/** Straight after presenting: each corporation's workbook, one by one or all at once. */
function ExportStep({
  result,
  quarter,
  onClose,
}: {
  result: PresentResult
  quarter: string
  onClose: () => void
}) {
  const action = useAction()
  const [done, setDone] = useState<string[]>([])

  function download(corporations: PresentResult['corporations']) {
    void action.run(async () => {
      for (const corporation of corporations) {
        const file = await client.exports.shortlists({ quarter, corporationId: corporation.id })
        downloadBase64(file.fileName, file.base64, XLSX_TYPE)
        setDone((names) => [...names, corporation.name])
      }
    })
  }

  return (
    <div className="dialog-form">
      <div className="dialog-body">
        <SuccessMessage
          message={`${countOf(result.presented, 'voordracht', 'voordrachten')} voorgedragen met ${countOf(result.candidates, 'kandidaat', 'kandidaten')}.`}
        />
        {result.skipped.length > 0 && (
          <p>
            Overgeslagen (eerst wisselen):{' '}
            {result.skipped
              .map((list) => `${list.address} (${list.unavailable.join(', ')})`)
              .join('; ')}
          </p>
        )}
        <h3>Werkmappen voor de corporaties</h3>
        <ul className="present-exports">
          {result.corporations.map((corporation) => (
            <li key={corporation.id}>
              <span>
                {corporation.name}: {countOf(corporation.lists, 'woning', 'woningen')}
              </span>
              <button
                type="button"
                className="button"
                disabled={action.busy}
                onClick={() => download([corporation])}
              >
                {done.includes(corporation.name) ? 'Opnieuw downloaden' : 'Excel downloaden'}
              </button>
            </li>
          ))}
        </ul>
        <p className="muted">Elke download staat in het exportlog.</p>
        <ErrorAlert message={action.error} />
      </div>
      <div className="form-footer">
        <div className="form-buttons">
          <button type="button" className="button" onClick={onClose}>
            Sluiten
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={action.busy}
            data-autofocus
            onClick={() => download(result.corporations)}
          >
            {action.busy ? 'Downloaden…' : 'Alle werkmappen downloaden'}
          </button>
        </div>
      </div>
    </div>
  )
}
