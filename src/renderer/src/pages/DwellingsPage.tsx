import { useState } from 'react'
import type { DwellingRow } from '../../../shared/api'
import { parseQuarter, quarterLabel } from '../../../shared/domain/quarter'
import {
  DWELLING_STATUS,
  DWELLING_TYPE,
  SUITABLE_FOR,
  WIJK,
} from '../../../shared/domain/vocabulary'
import { client } from '../api/client'
import { DataGrid } from '../components/DataGrid'
import {
  dateColumn,
  euroColumn,
  numberColumn,
  textColumn,
  yesNoColumn,
} from '../components/grid-columns'
import { ErrorAlert } from '../components/Messages'
import { PageHeader } from '../components/PageHeader'
import { RowCount, SearchBox } from '../components/GridToolbar'
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
  yesNoColumn<DwellingRow>('Lift', (d) => d.hasLift),
  yesNoColumn<DwellingRow>('Rolstoel', (d) => d.wheelchairAccessible, {
    headerTooltip: 'Rolstoeltoegankelijk',
  }),
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

export function DwellingsPage() {
  const quarters = useApi(() => client.listQuarters(), [])
  const [chosenQuarter, setChosenQuarter] = useState<string>()
  // quarters:list answers newest first, so the default is the newest quarter.
  const quarter = chosenQuarter ?? quarters.data?.[0]?.key
  const dwellings = useApi(
    () => (quarter ? client.listDwellings({ quarter }) : Promise.resolve(undefined)),
    [quarter],
  )
  const [search, setSearch] = useState('')
  const [shown, setShown] = useState(0)

  const quarterName = quarter ? quarterLabel(parseQuarter(quarter)) : ''
  const noQuarters = quarters.data?.length === 0

  return (
    <>
      <PageHeader
        title="Woningen"
        description="De woningen die de corporaties per kwartaal hebben ingediend voor uitstroom en instroom."
      />
      <ErrorAlert
        message={quarters.error ?? dwellings.error}
        onRetry={quarters.error ? quarters.reload : dwellings.reload}
      />
      {noQuarters ? (
        <p className="muted">Er zijn nog geen woningen ingediend.</p>
      ) : (
        <>
          <div className="toolbar">
            <div className="field">
              <label htmlFor="dwelling-quarter">Kwartaal</label>
              <select
                id="dwelling-quarter"
                value={quarter ?? ''}
                onChange={(e) => setChosenQuarter(e.target.value)}
                disabled={!quarters.data}
              >
                {quarters.data?.map((q) => (
                  <option key={q.key} value={q.key}>
                    {quarterLabel(parseQuarter(q.key))} ({q.dwellings})
                  </option>
                ))}
              </select>
            </div>
            <SearchBox value={search} onChange={setSearch} label="Zoeken in woningen" />
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
            loading={dwellings.loading || quarters.loading}
            quickFilter={search}
            noRowsText={
              search ? 'Geen woningen gevonden met deze zoekterm' : 'Geen woningen in dit kwartaal'
            }
            onDisplayedCountChange={setShown}
          />
        </>
      )}
    </>
  )
}
