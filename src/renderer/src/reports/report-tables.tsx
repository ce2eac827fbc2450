import type { ReactNode } from 'react'
import type { QuarterFigures, WaitGroup, WaitStats } from '../../../shared/api'
import { formatNumber } from '../format'
import { formatDecimal, NO_VALUE, shareOrDash } from './kpis'

/**
 * The report's tables. Plain HTML tables rather than grids: they must print, with the header row
 * repeated on every page (thead) and no row cut in two, and they are read, not edited.
 */

interface Column<T> {
  header: ReactNode
  cell: (row: T) => ReactNode
  numeric?: boolean
}

interface ReportTableProps<T> {
  caption: string
  columns: readonly Column<T>[]
  rows: readonly T[]
  rowKey: (row: T) => string
  /** A summary row at the end (totals), set apart by a rule; not repeated on every page. */
  total?: T
  empty?: string
}

export function ReportTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  total,
  empty = 'Geen gegevens in deze periode.',
}: ReportTableProps<T>) {
  const cells = (row: T) =>
    columns.map((column, i) =>
      i === 0 ? (
        <th key={i} scope="row">
          {column.cell(row)}
        </th>
      ) : (
        <td key={i} className={column.numeric ? 'num' : undefined}>
          {column.cell(row)}
        </td>
      ),
    )
  return (
    <table className="report-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {columns.map((column, i) => (
            <th key={i} scope="col" className={column.numeric ? 'num' : undefined}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={columns.length} className="report-empty">
              {empty}
            </td>
          </tr>
        )}
        {rows.map((row) => (
          <tr key={rowKey(row)}>{cells(row)}</tr>
        ))}
        {total && rows.length > 0 && <tr className="report-total">{cells(total)}</tr>}
      </tbody>
    </table>
  )
}

const n = (value: number | null | undefined) => (value == null ? NO_VALUE : formatNumber(value))

type Corporation = QuarterFigures['corporations'][number]

export function CorporationTable({ figures }: { figures: QuarterFigures }) {
  const { totals } = figures
  const total: Corporation = {
    corporationId: 0,
    corporation: 'Totaal',
    quota: totals.quota,
    submitted: totals.submitted,
    withdrawn: totals.withdrawn,
    presented: totals.presentedCandidates,
    matched: totals.matched,
    allocated: totals.allocated,
    submissionRate: totals.submissionRate,
    realisation: totals.realisation,
    medianVacancyDays: figures.vacancy.median,
  }
  return (
    <ReportTable<Corporation>
      caption="Per corporatie: quotum, ingediend, voorgedragen, gematcht en toegewezen"
      rows={figures.corporations}
      rowKey={(c) => String(c.corporationId)}
      total={total}
      columns={[
        { header: 'Corporatie', cell: (c) => c.corporation },
        { header: 'Quotum', cell: (c) => n(c.quota), numeric: true },
        { header: 'Ingediend', cell: (c) => n(c.submitted), numeric: true },
        { header: '% van quotum', cell: (c) => shareOrDash(c.submissionRate), numeric: true },
        { header: 'Ingetrokken', cell: (c) => n(c.withdrawn), numeric: true },
        { header: 'Voorgedragen', cell: (c) => n(c.presented), numeric: true },
        { header: 'Gematcht', cell: (c) => n(c.matched), numeric: true },
        { header: 'Toegewezen', cell: (c) => n(c.allocated), numeric: true },
        { header: 'Realisatie', cell: (c) => shareOrDash(c.realisation), numeric: true },
        {
          header: 'Leegstand (mediaan, dagen)',
          cell: (c) => formatDecimal(c.medianVacancyDays),
          numeric: true,
        },
      ]}
    />
  )
}

type Provider = QuarterFigures['careProviders'][number]

export function CareProviderTable({ figures }: { figures: QuarterFigures }) {
  const rows = figures.careProviders
  const sum = (get: (p: Provider) => number | null) =>
    rows.reduce((total, p) => total + (get(p) ?? 0), 0)
  const contingent = sum((p) => p.contingent)
  const allocated = sum((p) => p.allocated)
  const total: Provider = {
    careProviderId: 0,
    careProvider: 'Totaal',
    registered: sum((p) => p.registered),
    presented: sum((p) => p.presented),
    allocated,
    contingent,
    contingentRealisation: contingent > 0 ? allocated / contingent : null,
  }
  return (
    <ReportTable<Provider>
      caption="Per zorgaanbieder: aangemeld, voorgedragen en toegewezen naast het contingent"
      rows={rows}
      rowKey={(p) => String(p.careProviderId)}
      total={total}
      columns={[
        { header: 'Zorgaanbieder', cell: (p) => p.careProvider },
        { header: 'Aangemeld', cell: (p) => n(p.registered), numeric: true },
        { header: 'Voorgedragen', cell: (p) => n(p.presented), numeric: true },
        { header: 'Toegewezen', cell: (p) => n(p.allocated), numeric: true },
        { header: 'Contingent', cell: (p) => formatDecimal(p.contingent), numeric: true },
        {
          header: '% van contingent',
          cell: (p) => shareOrDash(p.contingentRealisation),
          numeric: true,
        },
      ]}
    />
  )
}

export function WaitingTable({
  caption,
  groupHeader,
  groups,
  overall,
  overallLabel,
}: {
  caption: string
  groupHeader: string
  groups: readonly WaitGroup[]
  overall: WaitStats
  overallLabel: string
}) {
  return (
    <ReportTable<WaitGroup>
      caption={caption}
      rows={groups}
      rowKey={(g) => g.key}
      total={{ ...overall, key: 'alle', label: overallLabel }}
      columns={[
        { header: groupHeader, cell: (g) => g.label },
        { header: 'Aanbiedingen', cell: (g) => n(g.count), numeric: true },
        { header: 'Mediaan (dagen)', cell: (g) => formatDecimal(g.median), numeric: true },
        { header: '75e percentiel (dagen)', cell: (g) => formatDecimal(g.p75), numeric: true },
        { header: 'Binnen 91 dagen', cell: (g) => shareOrDash(g.within91), numeric: true },
      ]}
    />
  )
}

type Bucket = QuarterFigures['waiting']['buckets'][number]

export function BucketTable({ buckets }: { buckets: readonly Bucket[] }) {
  return (
    <ReportTable<Bucket>
      caption="Verdeling van de wachttijd tot aanbieding"
      rows={buckets}
      rowKey={(b) => b.label}
      columns={[
        { header: 'Wachttijd', cell: (b) => b.label },
        { header: 'Aanbiedingen', cell: (b) => n(b.count), numeric: true },
        { header: 'Aandeel', cell: (b) => shareOrDash(b.share), numeric: true },
      ]}
    />
  )
}

type Reason = QuarterFigures['rounds']['reasons'][number]

export function ReasonTable({ figures }: { figures: QuarterFigures }) {
  const { rounds } = figures
  return (
    <ReportTable<Reason>
      caption="Redenen bij afgewezen kandidaten"
      rows={rounds.reasons}
      rowKey={(r) => r.reason}
      total={{ reason: 'totaal', label: 'Totaal', count: rounds.rejections, share: 1 }}
      empty="Geen afgewezen kandidaten in deze periode."
      columns={[
        { header: 'Reden van de corporatie', cell: (r) => r.label },
        { header: 'Kandidaten', cell: (r) => n(r.count), numeric: true },
        {
          header: 'Aandeel',
          cell: (r) => (rounds.rejections === 0 ? NO_VALUE : shareOrDash(r.share)),
          numeric: true,
        },
      ]}
    />
  )
}

type Wijk = QuarterFigures['wijken'][number]

/** "+0,9" or "−6,3" percentage points: the sign says which way a wijk is off its norm. */
function points(difference: number | null): string {
  if (difference == null) return NO_VALUE
  const value = Math.round(difference * 1000) / 10
  if (value === 0) return '0,0'
  const text = new Intl.NumberFormat('nl-NL', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(Math.abs(value))
  return `${value > 0 ? '+' : '−'}${text}`
}

export function WijkTable({ figures }: { figures: QuarterFigures }) {
  const rows = figures.wijken
  const total: Wijk = {
    wijk: 'totaal',
    label: 'Totaal',
    submitted: rows.reduce((t, w) => t + w.submitted, 0),
    allocated: rows.reduce((t, w) => t + w.allocated, 0),
    allocationShare: figures.totals.allocated > 0 ? 1 : null,
    stockShare: rows.reduce((t, w) => t + w.stockShare, 0),
    norm: rows.reduce((t, w) => t + w.norm, 0),
    spared: false,
    difference: null,
  }
  return (
    <ReportTable<Wijk>
      caption="Spreiding over de wijken: toewijzingen naast de norm"
      rows={rows}
      rowKey={(w) => w.wijk}
      total={total}
      columns={[
        { header: 'Wijk', cell: (w) => w.label },
        { header: 'Ingediend', cell: (w) => n(w.submitted), numeric: true },
        { header: 'Toegewezen', cell: (w) => n(w.allocated), numeric: true },
        {
          header: 'Aandeel toewijzingen',
          cell: (w) => shareOrDash(w.allocationShare),
          numeric: true,
        },
        { header: 'Aandeel voorraad', cell: (w) => shareOrDash(w.stockShare), numeric: true },
        { header: 'Norm', cell: (w) => shareOrDash(w.norm), numeric: true },
        { header: 'Ontzien', cell: (w) => (w.wijk === 'totaal' ? '' : w.spared ? 'ja' : 'nee') },
        { header: 'Verschil met norm (%-punt)', cell: (w) => points(w.difference), numeric: true },
      ]}
    />
  )
}

type TrendRow = QuarterFigures['trend'][number]

export function TrendTable({ figures }: { figures: QuarterFigures }) {
  return (
    <ReportTable<TrendRow>
      caption="Per kwartaal"
      rows={figures.trend}
      rowKey={(t) => t.key}
      columns={[
        { header: 'Kwartaal', cell: (t) => t.label },
        { header: 'Quotum', cell: (t) => n(t.quota), numeric: true },
        { header: 'Ingediend', cell: (t) => n(t.submitted), numeric: true },
        { header: 'Voorgedragen', cell: (t) => n(t.presented), numeric: true },
        { header: 'Gematcht', cell: (t) => n(t.matched), numeric: true },
        { header: 'Toegewezen', cell: (t) => n(t.allocated), numeric: true },
        { header: 'Realisatie', cell: (t) => shareOrDash(t.realisation), numeric: true },
        { header: 'Mediaan wachttijd', cell: (t) => formatDecimal(t.medianWait), numeric: true },
        { header: 'Binnen 91 dagen', cell: (t) => shareOrDash(t.within91), numeric: true },
        { header: 'Aandeel instroom', cell: (t) => shareOrDash(t.instroomShare), numeric: true },
      ]}
    />
  )
}
