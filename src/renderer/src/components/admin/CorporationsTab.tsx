import { useState } from 'react'
import type { CorporationRow } from '../../../../shared/api'
import { client } from '../../api/client'
import { formatShare } from '../../format'
import { useDataVersion } from '../../hooks/data-version'
import { useApi } from '../../hooks/use-api'
import { DataGrid } from '../DataGrid'
import { numberColumn, textColumn, yesNoColumn } from '../grid-columns'
import { ErrorAlert, SuccessMessage } from '../Messages'
import { OpenRowHint } from '../OpenRowHint'
import { CorporationForm } from './CorporationForm'

type Row = CorporationRow & { stockShare: number | null }

const columns = [
  textColumn<Row>('Naam', (c) => c.name, { flex: 2 }),
  numberColumn<Row>('Sociale voorraad', (c) => c.socialStock, {
    flex: 1,
    headerTooltip:
      'Sociale huurwoningen in de stad Utrecht: de basis voor het aantal in te dienen woningen naar rato',
  }),
  numberColumn<Row>('Aandeel voorraad', (c) => c.stockShare, {
    flex: 1,
    valueFormatter: (p) => formatShare(p.value),
    headerTooltip:
      'Aandeel in de voorraad van alle actieve corporaties: zo wordt het quotum verdeeld',
  }),
  yesNoColumn<Row>('Actief', (c) => c.active, { flex: 1 }),
]

/** The stock share as the quarter plan uses it: over the active corporations only. */
function withShares(rows: CorporationRow[]): Row[] {
  const total = rows.filter((c) => c.active).reduce((sum, c) => sum + c.socialStock, 0)
  return rows.map((c) => ({
    ...c,
    stockShare: c.active && total > 0 ? c.socialStock / total : null,
  }))
}

export function CorporationsTab() {
  const corporations = useApi(() => client.listCorporations().then(withShares), [])
  const { refreshAll } = useDataVersion()
  const [editing, setEditing] = useState<{ corporation?: CorporationRow }>()
  const [message, setMessage] = useState<string>()

  function saved(row: CorporationRow) {
    setMessage(
      editing?.corporation
        ? `Corporatie ${row.name} is gewijzigd.`
        : `Corporatie ${row.name} is toegevoegd.`,
    )
    setEditing(undefined)
    refreshAll()
  }

  return (
    <>
      <SuccessMessage message={message} />
      <ErrorAlert message={corporations.error} onRetry={corporations.reload} />
      <div className="toolbar">
        <button
          type="button"
          className="button button-primary"
          onClick={() => {
            setMessage(undefined)
            setEditing({})
          }}
        >
          Corporatie toevoegen
        </button>
        <OpenRowHint />
      </div>
      <DataGrid
        label="Corporaties"
        rows={corporations.data}
        columns={columns}
        loading={corporations.loading}
        height="auto"
        noRowsText="Nog geen corporaties vastgelegd"
        onRowOpen={(corporation) => {
          setMessage(undefined)
          setEditing({ corporation })
        }}
      />
      {editing && (
        <CorporationForm
          corporation={editing.corporation}
          onClose={() => setEditing(undefined)}
          onSaved={saved}
        />
      )}
    </>
  )
}
