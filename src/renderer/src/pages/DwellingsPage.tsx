import { useState } from 'react'
import type { DwellingRow } from '../../../shared/api'
import { DWELLING_YES_NO } from '../../../shared/domain/dwelling-input'
import {
  addQuarters,
  parseQuarter,
  quarterKey,
  quarterLabel,
  quarterOf,
} from '../../../shared/domain/quarter'
import {
  DWELLING_STATUS,
  DWELLING_TYPE,
  SUITABLE_FOR,
  WIJK,
} from '../../../shared/domain/vocabulary'
import { client } from '../api/client'
import { DataGrid } from '../components/DataGrid'
import { DwellingDialog } from '../components/dwellings/DwellingDialog'
import { QuarterOverviewPanel } from '../components/dwellings/QuarterOverviewPanel'
import {
  dateColumn,
  euroColumn,
  numberColumn,
  textColumn,
  yesNoColumn,
  yesNoColumnsOf,
} from '../components/grid-columns'
import { RowCount, SearchBox } from '../components/GridToolbar'
import { RegistryActions } from '../components/imports/RegistryActions'
import { ErrorAlert, SuccessMessage } from '../components/Messages'
import { OpenRowHint } from '../components/OpenRowHint'
import { PageHeader } from '../components/PageHeader'
import { countOf } from '../format'
import { useDataVersion } from '../hooks/data-version'
import { useApi } from '../hooks/use-api'

const columns = [
  textColumn<DwellingRow>('Adres', (d) => d.address, { pinned: 'left', width: 210 }),
  textColumn<DwellingRow>('Postcode', (d) => d.postcode, { width: 110 }),
  textColumn<DwellingRow>('Wijk', (d) => WIJK.label(d.wijk), { width: 150 }),
  textColumn<DwellingRow>('Buurt', (d) => d.buurt, { width: 180 }),
  textColumn<DwellingRow>('Type', (d) => DWELLING_TYPE.label(d.type), { width: 140 }),
  numberColumn<DwellingRow>('Kamers', (d) => d.rooms, { width: 100 }),
  numberColumn<DwellingRow>('Verdieping', (d) => d.floor, {
    width: 115,
    // "0" reads as a missing value to some; the Dutch say begane grond.
    valueFormatter: (p) => (p.value === 0 ? 'bg' : String(p.value ?? '')),
    headerTooltip: 'Verdieping; bg = begane grond',
  }),
  ...yesNoColumnsOf<DwellingRow>(DWELLING_YES_NO),
  euroColumn<DwellingRow>('Kale huur', (d) => d.netRent),
  euroColumn<DwellingRow>('Servicekosten', (d) => d.serviceCosts, { width: 135 }),
  dateColumn<DwellingRow>('Beschikbaar per', (d) => d.availableFrom, { width: 145 }),
  textColumn<DwellingRow>('Geschikt voor', (d) => SUITABLE_FOR.label(d.suitableFor), {
    width: 130,
  }),
  yesNoColumn<DwellingRow>('Omklap', (d) => d.flipPossible, {
    headerTooltip: 'Omklappen mogelijk (instroom)',
  }),
  textColumn<DwellingRow>('Corporatie', (d) => d.corporation, { width: 140 }),
  textColumn<DwellingRow>('Status', (d) => DWELLING_STATUS.label(d.status), { width: 130 }),
]

/** The dialog for one row (id) or a new one. */
type Open = { id?: number } | undefined

const nameOf = (key: string) => quarterLabel(parseQuarter(key))

export function DwellingsPage() {
  const quarters = useApi(() => client.planning.listQuarters(), [])
  const corporations = useApi(() => client.partners.listCorporations(), [])
  const { refreshAll } = useDataVersion()
  // The current and the next quarter can always be chosen: corporations submit ahead.
  const current = quarterOf(new Date())
  const currentKey = quarterKey(current)
  const known = new Map(quarters.data?.map((q) => [q.key, q.dwellings]))
  const quarterKeys = [
    ...new Set([...known.keys(), currentKey, quarterKey(addQuarters(current, 1))]),
  ].sort((a, b) => b.localeCompare(a))
  const [chosenQuarter, setChosenQuarter] = useState<string>()
  const quarter = chosenQuarter ?? currentKey
  const dwellings = useApi(() => client.dwellings.list({ quarter }), [quarter])
  const [search, setSearch] = useState('')
  const [shown, setShown] = useState(0)
  const [open, setOpen] = useState<Open>()
  const [message, setMessage] = useState<string>()

  const quarterName = nameOf(quarter)

  function show(next: Open) {
    setMessage(undefined)
    setOpen(next)
  }

  return (
    <>
      <PageHeader
        title="Woningen"
        description="De woningen die de corporaties per kwartaal hebben ingediend voor uitstroom en instroom."
      >
        <div className="field">
          <label htmlFor="dwelling-quarter">Kwartaal</label>
          <select
            id="dwelling-quarter"
            value={quarter}
            onChange={(e) => setChosenQuarter(e.target.value)}
          >
            {quarterKeys.map((key) => (
              <option key={key} value={key}>
                {nameOf(key)} ({countOf(known.get(key) ?? 0, 'woning', 'woningen')})
              </option>
            ))}
          </select>
        </div>
      </PageHeader>
      <RegistryActions
        kind="dwellings"
        addLabel="Woning toevoegen"
        onAdd={() => show({})}
        owners={corporations.data}
        quarters={quarterKeys.map((key) => ({ value: key, label: nameOf(key) }))}
        template={{
          title: 'Sjabloon voor woningen downloaden',
          description: `Een Excel-sjabloon waarin een corporatie haar woningen voor ${quarterName} invult.`,
          fetch: (corporationId) =>
            client.dwellings.template({ corporationId, quarterKey: quarter }),
        }}
        onMessage={setMessage}
        onImported={refreshAll}
      />
      <SuccessMessage message={message} />
      <ErrorAlert
        message={quarters.error ?? corporations.error}
        onRetry={quarters.error ? quarters.reload : corporations.reload}
      />

      {quarters.data && (
        <QuarterOverviewPanel
          quarter={quarter}
          quarterName={quarterName}
          exists={known.has(quarter)}
        />
      )}

      <section aria-labelledby="dwellings-title" className="grid-section">
        <h2 id="dwellings-title">Ingediende woningen</h2>
        <ErrorAlert message={dwellings.error} onRetry={dwellings.reload} />
        <div className="toolbar">
          <SearchBox value={search} onChange={setSearch} label="Zoeken in woningen" />
          <OpenRowHint what="woning openen" />
          <RowCount
            shown={shown}
            total={dwellings.data?.length}
            singular="woning"
            plural="woningen"
          />
        </div>
        <DataGrid
          label={`Woningen ${quarterName}`}
          rows={dwellings.data}
          columns={columns}
          loading={dwellings.loading}
          quickFilter={search}
          noRowsText={
            search ? 'Geen woningen gevonden met deze zoekterm' : 'Geen woningen in dit kwartaal'
          }
          onDisplayedCountChange={setShown}
          onRowOpen={(row) => show({ id: row.id })}
        />
      </section>

      {open && corporations.data && (
        <DwellingDialog
          id={open.id}
          corporations={corporations.data}
          quarters={quarterKeys}
          defaultQuarter={quarter}
          onClose={() => setOpen(undefined)}
          onSaved={(saved, isNew) => {
            setOpen(undefined)
            setMessage(
              isNew
                ? `Woning ${saved.address} is toegevoegd aan ${nameOf(saved.quarterKey)}.`
                : `Woning ${saved.address} is gewijzigd.`,
            )
            refreshAll()
          }}
        />
      )}
    </>
  )
}
