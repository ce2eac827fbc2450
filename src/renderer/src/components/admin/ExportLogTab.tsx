import type { ColDef } from 'ag-grid-community'
import { useState } from 'react'
import type { ExportLogRow } from '../../../../shared/api'
import { client } from '../../api/client'
import { DataGrid } from '../DataGrid'
import { RowCount, SearchBox } from '../GridToolbar'
import { ErrorAlert } from '../Messages'
import { textColumn } from '../grid-columns'
import { countOf, formatDateTime, formatNumber } from '../../format'
import { useApi } from '../../hooks/use-api'
import { periodLabel } from '../../reports/report-location'

const KIND_LABELS: Record<string, string> = {
  shortlists: 'Voordrachten',
  'report-quarter': 'Kwartaalrapportage',
  'report-year': 'Jaarrapportage',
  'client-data': 'Inzage cliënt',
  reminder: 'Herinnering',
}

const num = (value: unknown) => (typeof value === 'number' ? formatNumber(value) : undefined)
const period = (value: unknown) =>
  typeof value === 'string' && /^\d{4}(-Q[1-4])?$/.test(value) ? periodLabel(value) : undefined

/** The ids and counts the log keeps, in words: "4e kwartaal 2026 · 5 woningen, 14 kandidaten". */
export function describeExport(row: ExportLogRow): string {
  const d = row.details ?? {}
  if (row.kind === 'shortlists') {
    const dwellings = typeof d.dwellings === 'number' ? d.dwellings : undefined
    const candidates = typeof d.candidates === 'number' ? d.candidates : undefined
    return [
      period(d.quarter),
      [
        dwellings === undefined ? undefined : countOf(dwellings, 'woning', 'woningen'),
        candidates === undefined ? undefined : countOf(candidates, 'kandidaat', 'kandidaten'),
      ]
        .filter(Boolean)
        .join(', '),
    ]
      .filter(Boolean)
      .join(' · ')
  }
  if (row.kind === 'reminder') {
    const rounds = typeof d.rounds === 'number' ? d.rounds : 0
    const offers = typeof d.offers === 'number' ? d.offers : 0
    return `Te late antwoorden: ${countOf(rounds, 'voordracht', 'voordrachten')}, ${countOf(offers, 'aanbieding', 'aanbiedingen')}`
  }
  if (row.kind === 'client-data') return 'Alle gegevens van de cliënt (inzageverzoek, AVG art. 15)'
  if (row.kind.startsWith('report-')) {
    return [
      period(d.period),
      [
        num(d.submitted) && `${num(d.submitted)} ingediend`,
        num(d.allocated) && `${num(d.allocated)} toegewezen`,
      ]
        .filter(Boolean)
        .join(', '),
    ]
      .filter(Boolean)
      .join(' · ')
  }
  return Object.entries(d)
    .filter(([, value]) => typeof value === 'string' || typeof value === 'number')
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(', ')
}

const columns: ColDef<ExportLogRow>[] = [
  textColumn<ExportLogRow>('Tijdstip', (r) => formatDateTime(r.at), {
    width: 150,
    comparator: (_a, _b, nodeA, nodeB) =>
      (nodeA.data?.at ?? '').localeCompare(nodeB.data?.at ?? ''),
  }),
  textColumn<ExportLogRow>('Soort', (r) => KIND_LABELS[r.kind] ?? r.kind, { width: 170 }),
  textColumn<ExportLogRow>(
    'Voor',
    (r) => (r.recipient === 'management' ? 'Management' : r.recipient),
    {
      width: 150,
    },
  ),
  textColumn<ExportLogRow>('Inhoud', describeExport, { flex: 1, minWidth: 220 }),
  textColumn<ExportLogRow>('Bestand', (r) => r.fileName, { flex: 1, minWidth: 220 }),
  textColumn<ExportLogRow>('Medewerker', (r) => r.officer, { width: 160 }),
  textColumn<ExportLogRow>('Account', (r) => r.osUser, { width: 120 }),
  textColumn<ExportLogRow>('Bureau', (r) => r.desk ?? '', { width: 140 }),
]

/** Every file that left the app: who made it, when, what and for whom (never personal data). */
export function ExportLogTab() {
  const log = useApi(() => client.exports.log({}), [])
  const [search, setSearch] = useState('')
  const [shown, setShown] = useState(0)
  const rows = log.data
  return (
    <div className="grid-section">
      <p className="tab-intro">
        Elke export wordt vastgelegd: voordrachten voor een corporatie, de rapportages voor het
        management en de inzage-exports voor een cliënt. Het log bevat alleen aantallen en nummers,
        geen persoonsgegevens.
      </p>
      <ErrorAlert message={log.error} onRetry={log.reload} />
      <div className="toolbar">
        <SearchBox value={search} onChange={setSearch} label="Zoeken in het exportlog" />
        <button type="button" className="button button-small" onClick={log.reload}>
          Vernieuwen
        </button>
        <RowCount shown={shown} total={rows?.length} singular="export" plural="exports" />
      </div>
      <DataGrid<ExportLogRow>
        label="Exportlog"
        rows={rows}
        columns={columns}
        loading={log.loading}
        quickFilter={search}
        noRowsText="Er is nog niets geëxporteerd"
        onDisplayedCountChange={setShown}
      />
    </div>
  )
}
