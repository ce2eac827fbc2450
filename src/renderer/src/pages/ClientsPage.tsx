import { useCallback, useState } from 'react'
import type { ClientRow } from '../../../shared/api'
import { CLIENT_YES_NO } from '../../../shared/domain/client-input'
import {
  CLIENT_STATUS,
  FLOW,
  TARGET_GROUP,
  WIJK,
  type ClientStatus,
} from '../../../shared/domain/vocabulary'
import { client } from '../api/client'
import { ClientDialog } from '../components/clients/ClientDialog'
import { DataGrid } from '../components/DataGrid'
import {
  dateColumn,
  euroColumn,
  listedOf,
  numberColumn,
  textColumn,
} from '../components/grid-columns'
import { RowCount, SearchBox } from '../components/GridToolbar'
import { RegistryActions } from '../components/imports/RegistryActions'
import { ErrorAlert, SuccessMessage } from '../components/Messages'
import { OpenRowHint } from '../components/OpenRowHint'
import { PageHeader } from '../components/PageHeader'
import { formatHousehold } from '../format'
import { useClientRows } from '../hooks/use-client-rows'
import { useDataVersion } from '../hooks/data-version'
import { useApi } from '../hooks/use-api'
import { AMBITION_DAYS, isOverdue } from '../waiting-time'

const columns = [
  textColumn<ClientRow>('Code', (c) => c.code, { pinned: 'left', width: 130 }),
  textColumn<ClientRow>('Zorgaanbieder', (c) => c.careProvider, { width: 180 }),
  textColumn<ClientRow>('Doelgroep', (c) => TARGET_GROUP.label(c.targetGroup), { width: 215 }),
  textColumn<ClientRow>('In/uitstroom', (c) => FLOW.label(c.flow), { width: 125 }),
  dateColumn<ClientRow>('Aangemeld op', (c) => c.registeredOn),
  numberColumn<ClientRow>('Wachttijd (dagen)', (c) => c.waitingDays, {
    width: 170,
    headerTooltip: `Dagen sinds aanmelding; boven ${AMBITION_DAYS} dagen (de drie-maandenambitie) gemarkeerd`,
    cellClassRules: { 'cell-overdue': (p) => typeof p.value === 'number' && isOverdue(p.value) },
  }),
  textColumn<ClientRow>('Huishouden', (c) => formatHousehold(c.adults, c.children), {
    width: 120,
    headerTooltip: 'vw = volwassenen, k = kinderen',
  }),
  // No thousands separator in a year.
  numberColumn<ClientRow>('Geboortejaar', (c) => c.birthYear, {
    width: 125,
    valueFormatter: (p) => String(p.value ?? ''),
  }),
  euroColumn<ClientRow>('Max. huur', (c) => c.maxRent),
  numberColumn<ClientRow>('Min. kamers', (c) => c.minRooms, { width: 120 }),
  textColumn<ClientRow>('Behoeften', (c) => listedOf(CLIENT_YES_NO, c), { width: 170 }),
  textColumn<ClientRow>('Uitgesloten wijken', (c) => c.excludedWijken.map(WIJK.label).join(', '), {
    width: 180,
  }),
  textColumn<ClientRow>('Status', (c) => CLIENT_STATUS.label(c.status), { width: 125 }),
]

/** Empty string: all statuses. */
type StatusChoice = ClientStatus | ''

/** The dialog for one row (id) or a new one. */
type Open = { id?: number } | undefined

export function ClientsPage() {
  // Officers look for candidates among the waiting clients; the other statuses are one choice away.
  const [status, setStatus] = useState<StatusChoice>('wachtend')
  const clients = useClientRows(status)
  const careProviders = useApi(() => client.partners.listCareProviders(), [])
  const { refreshAll } = useDataVersion()
  const [search, setSearch] = useState('')
  const [shown, setShown] = useState(0)
  const [open, setOpen] = useState<Open>()
  const [message, setMessage] = useState<string>()

  function show(next: Open) {
    setMessage(undefined)
    setOpen(next)
  }
  // Stable, so a re-render of the page (the count beside the grid after each filter or sort)
  // gives the grid no new options to apply.
  const openRow = useCallback((row: ClientRow) => {
    setMessage(undefined)
    setOpen({ id: row.id })
  }, [])

  return (
    <>
      <PageHeader
        title="Kandidaten"
        description={
          <>
            Cliënten die zorgaanbieders hebben aangemeld voor een woning. Een wachttijd boven{' '}
            {AMBITION_DAYS} dagen (de ambitie van drie maanden) is{' '}
            <span className="legend-overdue">gemarkeerd</span>.
          </>
        }
      />
      <RegistryActions
        kind="clients"
        addLabel="Kandidaat aanmelden"
        onAdd={() => show({})}
        owners={careProviders.data}
        template={{
          title: 'Sjabloon voor aanmeldingen downloaden',
          description:
            'Een Excel-sjabloon waarin een zorgaanbieder cliënten aanmeldt, zonder namen of BSN.',
          fetch: (careProviderId) => client.clients.template({ careProviderId }),
        }}
        onMessage={setMessage}
        onImported={refreshAll}
      />
      <SuccessMessage message={message} />
      <ErrorAlert message={clients.error} onRetry={clients.reload} />
      <ErrorAlert message={careProviders.error} onRetry={careProviders.reload} />
      <div className="toolbar">
        <div className="field">
          <label htmlFor="client-status">Status</label>
          <select
            id="client-status"
            value={status}
            onChange={(e) => setStatus(e.target.value as StatusChoice)}
          >
            <option value="">Alle statussen</option>
            {CLIENT_STATUS.keys.map((key) => (
              <option key={key} value={key}>
                {CLIENT_STATUS.label(key)}
              </option>
            ))}
          </select>
        </div>
        <SearchBox value={search} onChange={setSearch} label="Zoeken in kandidaten" />
        <OpenRowHint what="kandidaat openen" />
        <RowCount shown={shown} total={clients.total} singular="kandidaat" plural="kandidaten" />
      </div>
      <DataGrid
        label={status ? `Kandidaten met status ${CLIENT_STATUS.label(status)}` : 'Kandidaten'}
        rows={clients.rows}
        rowFilter={clients.filter}
        columns={columns}
        loading={clients.loading}
        quickFilter={search}
        noRowsText={
          search ? 'Geen kandidaten gevonden met deze zoekterm' : 'Geen kandidaten met deze status'
        }
        onDisplayedCountChange={setShown}
        onRowOpen={openRow}
      />

      {open && careProviders.data && (
        <ClientDialog
          id={open.id}
          careProviders={careProviders.data}
          onClose={() => setOpen(undefined)}
          onSaved={(saved, isNew) => {
            setOpen(undefined)
            setMessage(
              isNew
                ? `Kandidaat ${saved.code} is aangemeld namens ${saved.careProvider}.`
                : `Kandidaat ${saved.code} is gewijzigd.`,
            )
            refreshAll()
          }}
          onStatusChanged={(updated, label) => {
            setMessage(`Kandidaat ${updated.code} heeft nu de status ${label}.`)
            refreshAll()
          }}
        />
      )}
    </>
  )
}
