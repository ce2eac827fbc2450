import { useState } from 'react'
import type { CareProviderRow } from '../../../../shared/api'
import { client } from '../../api/client'
import { formatShare } from '../../format'
import { useDataVersion } from '../../hooks/data-version'
import { useApi } from '../../hooks/use-api'
import { DataGrid } from '../DataGrid'
import { numberColumn, textColumn, yesNoColumn } from '../grid-columns'
import { ErrorAlert, SuccessMessage } from '../Messages'
import { OpenRowHint } from '../OpenRowHint'
import { CareProviderForm } from './CareProviderForm'

const columns = [
  textColumn<CareProviderRow>('Naam', (p) => p.name, { flex: 2 }),
  // Stored as a share 0–1; shown as a percentage but filtered on the share itself.
  numberColumn<CareProviderRow>('Contingent (%)', (p) => p.contingentShare, {
    flex: 1,
    valueFormatter: (p) => formatShare(p.value),
  }),
  numberColumn<CareProviderRow>('Contingent (woningen)', (p) => p.contingentDwellings, {
    flex: 1,
    minWidth: 200,
  }),
  textColumn<CareProviderRow>('Contact', (p) => p.contact, { flex: 2 }),
  yesNoColumn<CareProviderRow>('Actief', (p) => p.active, { flex: 1 }),
]

export function CareProvidersTab() {
  const careProviders = useApi(() => client.listCareProviders(), [])
  const { refreshAll } = useDataVersion()
  const [editing, setEditing] = useState<{ careProvider?: CareProviderRow }>()
  const [message, setMessage] = useState<string>()

  function saved(row: CareProviderRow) {
    setMessage(
      editing?.careProvider
        ? `Zorgaanbieder ${row.name} is gewijzigd.`
        : `Zorgaanbieder ${row.name} is toegevoegd.`,
    )
    setEditing(undefined)
    refreshAll()
  }

  return (
    <>
      <SuccessMessage message={message} />
      <ErrorAlert message={careProviders.error} onRetry={careProviders.reload} />
      <div className="toolbar">
        <button
          type="button"
          className="button button-primary"
          onClick={() => {
            setMessage(undefined)
            setEditing({})
          }}
        >
          Zorgaanbieder toevoegen
        </button>
        <OpenRowHint />
      </div>
      <DataGrid
        label="Zorgaanbieders"
        rows={careProviders.data}
        columns={columns}
        loading={careProviders.loading}
        noRowsText="Nog geen zorgaanbieders vastgelegd"
        onRowOpen={(careProvider) => {
          setMessage(undefined)
          setEditing({ careProvider })
        }}
      />
      {editing && (
        <CareProviderForm
          careProvider={editing.careProvider}
          onClose={() => setEditing(undefined)}
          onSaved={saved}
        />
      )}
    </>
  )
}
