import { useState } from 'react'
import type { YearTarget } from '../../../../shared/api'
import { client } from '../../api/client'
import { formatNumber, formatShare } from '../../format'
import { useDataVersion } from '../../hooks/data-version'
import { useApi } from '../../hooks/use-api'
import { DataGrid } from '../DataGrid'
import { numberColumn } from '../grid-columns'
import { ErrorAlert, SuccessMessage } from '../Messages'
import { OpenRowHint } from '../OpenRowHint'
import { YearTargetForm } from './YearTargetForm'

/** The grid wants an id per row; the year is the key. */
type Row = YearTarget & { id: number }

const columns = [
  // No thousands separator in a year.
  numberColumn<Row>('Jaar', (t) => t.year, {
    flex: 1,
    valueFormatter: (p) => String(p.value ?? ''),
    sort: 'desc',
  }),
  numberColumn<Row>('Taakstelling (woningen)', (t) => t.target, { flex: 1, minWidth: 200 }),
  numberColumn<Row>('Per kwartaal (ongeveer)', (t) => Math.round(t.target / 4), {
    flex: 1,
    minWidth: 200,
  }),
  numberColumn<Row>('Doel instroom', (t) => t.instroomShareTarget, {
    flex: 1,
    valueFormatter: (p) => formatShare(p.value),
  }),
]

export function YearTargetsTab() {
  const targets = useApi(
    () => client.listYearTargets().then((rows) => rows.map((t) => ({ ...t, id: t.year }))),
    [],
  )
  const { refreshAll } = useDataVersion()
  const [editing, setEditing] = useState<{ target?: YearTarget }>()
  const [message, setMessage] = useState<string>()
  const years = targets.data?.map((t) => t.year) ?? []
  const thisYear = new Date().getFullYear()
  const suggestedYear = years.includes(thisYear) ? Math.max(...years) + 1 : thisYear

  function saved(target: YearTarget) {
    setMessage(
      `Taakstelling ${target.year} is opgeslagen: ${formatNumber(target.target)} woningen, doel instroom ${formatShare(target.instroomShareTarget)}.`,
    )
    setEditing(undefined)
    refreshAll()
  }

  return (
    <>
      <p className="tab-intro">
        De taakstelling is het aantal woningen dat de corporaties samen per jaar voordragen. Het
        kwartaaloverzicht op de pagina Woningen verdeelt het per kwartaal naar rato over de
        corporaties.
      </p>
      <SuccessMessage message={message} />
      <ErrorAlert message={targets.error} onRetry={targets.reload} />
      <div className="toolbar">
        <button
          type="button"
          className="button button-primary"
          onClick={() => {
            setMessage(undefined)
            setEditing({})
          }}
          disabled={!targets.data}
        >
          Taakstelling toevoegen
        </button>
        <OpenRowHint />
      </div>
      <DataGrid
        label="Taakstelling per jaar"
        rows={targets.data}
        columns={columns}
        loading={targets.loading}
        height="auto"
        noRowsText="Nog geen taakstelling vastgelegd"
        onRowOpen={(target) => {
          setMessage(undefined)
          setEditing({ target })
        }}
      />
      {editing && (
        <YearTargetForm
          target={editing.target}
          takenYears={years}
          suggestedYear={suggestedYear}
          onClose={() => setEditing(undefined)}
          onSaved={saved}
        />
      )}
    </>
  )
}
