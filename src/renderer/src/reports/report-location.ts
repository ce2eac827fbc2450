import type { FiguresRequest } from '../../../shared/api'
import {
  addQuarters,
  parseQuarter,
  quarterKey,
  quarterLabel,
  quarterOf,
  QuarterKeySchema,
} from '../../../shared/domain/quarter'
import { hrefOf } from '../routes'

/**
 * Where the Rapportages page is: its tab, the period and (from a dashboard link) the part of the
 * report to scroll to. All of it lives in the hash, so a link or a reload lands on the same view:
 * `#/rapportages/rapport?periode=2026-Q3&deel=wachttijd`.
 */

export const REPORT_TABS = [
  { key: 'rapport', label: 'Rapport' },
  { key: 'exporteren', label: 'Voordrachten exporteren' },
  { key: 'vooruitblik', label: 'Vooruitblik' },
] as const

export type ReportTab = (typeof REPORT_TABS)[number]['key']

/** The parts of the report a link can point at; each is a section id `rapport-<deel>`. */
export type ReportPart =
  | 'kerncijfers'
  | 'corporaties'
  | 'zorgaanbieders'
  | 'wachttijd'
  | 'rondes'
  | 'instroom'
  | 'spreiding'
  | 'leegstand'
  | 'trend'

export interface ReportLocation {
  tab: ReportTab
  /** `2026-Q3` or `2026`; undefined: the page chooses. */
  period: string | undefined
  part: string | undefined
}

const YEAR = /^\d{4}$/

export function isPeriodKey(key: string): boolean {
  return YEAR.test(key) || QuarterKeySchema.safeParse(key).success
}

export function readReportLocation(hash = window.location.hash): ReportLocation {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?')
  const sub = path.split('/')[1]
  const params = new URLSearchParams(query)
  const period = params.get('periode') ?? undefined
  return {
    tab: REPORT_TABS.find((tab) => tab.key === sub)?.key ?? 'rapport',
    period: period && isPeriodKey(period) ? period : undefined,
    part: params.get('deel') ?? undefined,
  }
}

export function reportHref(
  tab: ReportTab,
  options: { period?: string; part?: ReportPart } = {},
): string {
  const params = new URLSearchParams()
  if (options.period) params.set('periode', options.period)
  if (options.part) params.set('deel', options.part)
  const query = params.toString()
  return `${hrefOf('rapportages')}/${tab}${query ? `?${query}` : ''}`
}

export function figuresRequest(period: string): FiguresRequest {
  return YEAR.test(period) ? { year: Number(period) } : { quarter: period }
}

/** "3e kwartaal 2026" or "jaar 2026". */
export function periodLabel(period: string): string {
  return YEAR.test(period) ? `jaar ${period}` : quarterLabel(parseQuarter(period))
}

/** "3e kw. 2026": for chart axes, where the full label does not fit. */
export function shortQuarterLabel(key: string): string {
  const { year, number } = parseQuarter(key)
  return `${number}e kw. ${year}`
}

export function currentQuarterKey(today = new Date()): string {
  return quarterKey(quarterOf(today))
}

export function previousQuarterKey(today = new Date()): string {
  return quarterKey(addQuarters(quarterOf(today), -1))
}

/**
 * The period a manager most likely wants: the quarter that just ended (the quarterly report is
 * made after it), else the latest quarter with data up to now.
 */
export function defaultPeriod(known: readonly string[], today = new Date()): string | undefined {
  const previous = previousQuarterKey(today)
  if (known.includes(previous)) return previous
  const current = currentQuarterKey(today)
  return (
    [...known]
      .sort()
      .reverse()
      .find((key) => key <= current) ?? known[0]
  )
}
