import type { QuarterFigures, WaitGroup } from '../../shared/api/report-figures'
import type { TableColumn } from './report-table'

/** The tables of the report workbook: Dutch headers, widths and formats, one place per sheet. */

type F = QuarterFigures
export type CorporationRow = F['corporations'][number]
export type ProviderRow = F['careProviders'][number]
export type WaitRow = WaitGroup & { grouping: string }
export type BucketRow = F['waiting']['buckets'][number]
export type ReasonRow = F['rounds']['reasons'][number]
export type WijkRow = F['wijken'][number]
export type TrendRow = F['trend'][number]

export const CORPORATION_COLUMNS: TableColumn<CorporationRow>[] = [
  { header: 'Corporatie', width: 24, format: 'text', value: (r) => r.corporation },
  { header: 'Quotum', width: 10, format: 'count', value: (r) => r.quota },
  { header: 'Ingediend', width: 11, format: 'count', value: (r) => r.submitted },
  { header: 'Ingetrokken', width: 12, format: 'count', value: (r) => r.withdrawn },
  {
    header: 'Ingediend t.o.v. quotum',
    width: 14,
    format: 'percent',
    value: (r) => r.submissionRate,
  },
  { header: 'Kandidaten voorgedragen', width: 14, format: 'count', value: (r) => r.presented },
  { header: 'Gematcht', width: 11, format: 'count', value: (r) => r.matched },
  { header: 'Verhuurd', width: 11, format: 'count', value: (r) => r.allocated },
  {
    header: 'Realisatie (verhuurd t.o.v. quotum)',
    width: 16,
    format: 'percent',
    value: (r) => r.realisation,
  },
  {
    header: 'Mediane leegstand (dagen)',
    width: 14,
    format: 'decimal',
    value: (r) => r.medianVacancyDays,
  },
]

export const PROVIDER_COLUMNS: TableColumn<ProviderRow>[] = [
  { header: 'Zorgaanbieder', width: 28, format: 'text', value: (r) => r.careProvider },
  { header: 'Aangemeld in periode', width: 14, format: 'count', value: (r) => r.registered },
  { header: 'Voorgedragen', width: 14, format: 'count', value: (r) => r.presented },
  { header: 'Verhuurd', width: 11, format: 'count', value: (r) => r.allocated },
  { header: 'Contingent (periode)', width: 14, format: 'decimal', value: (r) => r.contingent },
  {
    header: 'Verhuurd t.o.v. contingent',
    width: 15,
    format: 'percent',
    value: (r) => r.contingentRealisation,
  },
]

export const WAIT_COLUMNS: TableColumn<WaitRow>[] = [
  { header: 'Indeling', width: 14, format: 'text', value: (r) => r.grouping },
  { header: 'Groep', width: 30, format: 'text', value: (r) => r.label },
  { header: 'Eerste aanbiedingen', width: 13, format: 'count', value: (r) => r.count },
  { header: 'Mediaan (dagen)', width: 12, format: 'decimal', value: (r) => r.median },
  { header: '75e percentiel (dagen)', width: 13, format: 'decimal', value: (r) => r.p75 },
  { header: 'Binnen 91 dagen', width: 12, format: 'percent', value: (r) => r.within91 },
]

export const BUCKET_COLUMNS: TableColumn<BucketRow>[] = [
  { header: 'Wachttijd tot eerste aanbod', width: 28, format: 'text', value: (r) => r.label },
  { header: 'Van (dagen)', width: 11, format: 'count', value: (r) => r.fromDays },
  { header: 'Tot en met (dagen)', width: 12, format: 'count', value: (r) => r.toDays },
  { header: 'Aantal', width: 10, format: 'count', value: (r) => r.count },
  { header: 'Aandeel', width: 10, format: 'percent', value: (r) => r.share },
]

export const ROUND_COLUMNS: TableColumn<{ round: number; count: number }>[] = [
  { header: 'Gematcht in ronde', width: 18, format: 'count', value: (r) => r.round },
  { header: 'Aantal woningen', width: 16, format: 'count', value: (r) => r.count },
]

export const REASON_COLUMNS: TableColumn<ReasonRow>[] = [
  { header: 'Reden geen match', width: 48, format: 'text', value: (r) => r.label },
  { header: 'Aantal kandidaten', width: 14, format: 'count', value: (r) => r.count },
  { header: 'Aandeel', width: 10, format: 'percent', value: (r) => r.share },
]

export const WIJK_COLUMNS: TableColumn<WijkRow>[] = [
  { header: 'Wijk', width: 20, format: 'text', value: (r) => r.label },
  { header: 'Ingediend', width: 11, format: 'count', value: (r) => r.submitted },
  { header: 'Verhuurd', width: 11, format: 'count', value: (r) => r.allocated },
  { header: 'Aandeel verhuringen', width: 13, format: 'percent', value: (r) => r.allocationShare },
  { header: 'Aandeel sociale voorraad', width: 13, format: 'percent', value: (r) => r.stockShare },
  { header: 'Norm spreiding', width: 13, format: 'percent', value: (r) => r.norm },
  { header: 'Ontzien', width: 9, format: 'text', value: (r) => (r.spared ? 'ja' : 'nee') },
  {
    header: 'Verschil met norm (procentpunt)',
    width: 15,
    format: 'points',
    value: (r) => r.difference,
  },
]

export const TREND_COLUMNS: TableColumn<TrendRow>[] = [
  { header: 'Kwartaal', width: 20, format: 'text', value: (r) => r.label },
  { header: 'Quotum', width: 10, format: 'count', value: (r) => r.quota },
  { header: 'Ingediend', width: 11, format: 'count', value: (r) => r.submitted },
  { header: 'Kandidaten voorgedragen', width: 14, format: 'count', value: (r) => r.presented },
  { header: 'Gematcht', width: 11, format: 'count', value: (r) => r.matched },
  { header: 'Verhuurd', width: 11, format: 'count', value: (r) => r.allocated },
  { header: 'Realisatie', width: 11, format: 'percent', value: (r) => r.realisation },
  { header: 'Mediane wachttijd (dagen)', width: 13, format: 'decimal', value: (r) => r.medianWait },
  { header: 'Binnen 91 dagen', width: 12, format: 'percent', value: (r) => r.within91 },
  { header: 'Aandeel instroom', width: 12, format: 'percent', value: (r) => r.instroomShare },
]

/** Totals over the corporations, as the last line of their table. */
export function corporationTotal(f: F): CorporationRow {
  return {
    corporationId: 0,
    corporation: 'Totaal',
    quota: f.totals.quota,
    submitted: f.totals.submitted,
    withdrawn: f.totals.withdrawn,
    submissionRate: f.totals.submissionRate,
    presented: f.totals.presentedCandidates,
    matched: f.totals.matched,
    allocated: f.totals.allocated,
    realisation: f.totals.realisation,
    medianVacancyDays: f.vacancy.median,
  }
}

export function waitRows(f: F): WaitRow[] {
  return [
    { grouping: 'Totaal', key: 'totaal', label: 'Alle cliënten', ...f.waiting.overall },
    ...f.waiting.byGroup.map((g) => ({ grouping: 'Doelgroep', ...g })),
    ...f.waiting.byProvider.map((g) => ({ grouping: 'Zorgaanbieder', ...g })),
  ]
}
