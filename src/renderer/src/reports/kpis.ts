import type { QuarterFigures } from '../../../shared/api'
import { countOf, formatNumber, formatShare } from '../format'
import type { SectionPath } from '../routes'
import type { ReportPart } from './report-location'

/** Shown where a figure cannot be computed (nothing to divide by): a dash, never a false 0%. */
export const NO_VALUE = '—'

export function orDash(text: string): string {
  return text === '' ? NO_VALUE : text
}

/** One decimal: contingents (a quarter of a yearly number), medians and percentiles are fractional. */
const oneDecimal = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 })
export function formatDecimal(value: number | null | undefined): string {
  return value == null ? NO_VALUE : oneDecimal.format(value)
}

/** "231 dagen", "264,5 dagen" (medians and percentiles fall between days); a dash without offers. */
export function formatDays(days: number | null | undefined): string {
  return days == null ? NO_VALUE : `${formatDecimal(days)} ${days === 1 ? 'dag' : 'dagen'}`
}

/** A share as "19,6%", or a dash. */
export function shareOrDash(share: number | null | undefined): string {
  return orDash(formatShare(share))
}

export type KpiKey =
  | 'realisatie'
  | 'ingediend'
  | 'voorgedragen'
  | 'matches'
  | 'toewijzingen'
  | 'binnen91'
  | 'mediaan'
  | 'instroom'
  | 'knelpunt'
  | 'wachtlijst'

export interface Kpi {
  key: KpiKey
  label: string
  value: string
  note: string
  /** The list page behind the figure, when there is one; else the report's own table. */
  list: SectionPath | undefined
  part: ReportPart
}

/**
 * The key figures of domain.md §4, worded for managers. One definition for the printed report
 * and the dashboard, so both say the same thing about the same number.
 */
export function kpisOf(f: QuarterFigures): Kpi[] {
  const { totals, waiting, rounds, instroom } = f
  const isYear = f.period.kind === 'year'
  const quotaWord = isYear ? 'taakstelling' : 'quotum'
  const uitstroom = instroom.allocated - instroom.instroom
  return [
    {
      key: 'realisatie',
      label: 'Realisatie taakstelling',
      value: shareOrDash(totals.realisation),
      note: `${countOf(totals.allocated, 'toewijzing', 'toewijzingen')} op ${quotaWord} ${formatNumber(totals.quota)}`,
      list: 'voordrachten',
      part: 'corporaties',
    },
    {
      key: 'ingediend',
      label: 'Ingediende woningen',
      value: formatNumber(totals.submitted),
      note:
        `${shareOrDash(totals.submissionRate)} van ${quotaWord} ${formatNumber(totals.quota)}` +
        (totals.withdrawn > 0 ? `, ${formatNumber(totals.withdrawn)} ingetrokken` : ''),
      list: 'woningen',
      part: 'corporaties',
    },
    {
      key: 'voorgedragen',
      label: 'Voorgedragen kandidaten',
      value: formatNumber(totals.presentedCandidates),
      note: `${countOf(totals.presentedClients, 'kandidaat', 'verschillende kandidaten')} in ${countOf(rounds.presentedRounds, 'voordracht', 'voordrachten')}`,
      list: 'voordrachten',
      part: 'rondes',
    },
    {
      key: 'matches',
      label: 'Matches',
      value: formatNumber(totals.matched),
      note:
        rounds.averageRounds == null
          ? 'nog geen besliste voordrachten'
          : `gemiddeld ${formatDecimal(rounds.averageRounds)} ronde${rounds.averageRounds === 1 ? '' : 's'} nodig`,
      list: 'voordrachten',
      part: 'rondes',
    },
    {
      key: 'toewijzingen',
      label: 'Toewijzingen',
      value: formatNumber(totals.allocated),
      note: `${formatNumber(instroom.instroom)} instroom, ${formatNumber(uitstroom)} uitstroom`,
      list: 'voordrachten',
      part: 'instroom',
    },
    {
      key: 'binnen91',
      label: 'Binnen 91 dagen aangeboden',
      value: shareOrDash(waiting.overall.within91),
      note:
        waiting.overall.count === 0
          ? 'nog geen aanbiedingen'
          : `van ${countOf(waiting.overall.count, 'aanbieding', 'aanbiedingen')}; ambitie: allemaal`,
      list: undefined,
      part: 'wachttijd',
    },
    {
      key: 'mediaan',
      label: 'Mediaan wachttijd',
      value: formatDays(waiting.overall.median),
      note:
        waiting.overall.p75 == null
          ? 'aanmelding tot aanbieding'
          : `aanmelding tot aanbieding; gemiddeld ${formatDays(waiting.overall.mean)}, 75% binnen ${formatDays(waiting.overall.p75)}`,
      list: undefined,
      part: 'wachttijd',
    },
    {
      key: 'instroom',
      label: 'Aandeel instroom',
      value: shareOrDash(instroom.share),
      note:
        instroom.target == null
          ? 'geen doel vastgelegd'
          : `doel ${shareOrDash(instroom.target)} van de toewijzingen`,
      list: undefined,
      part: 'instroom',
    },
    {
      key: 'knelpunt',
      label: 'Individuele match knelpunt',
      value: shareOrDash(rounds.bottleneckShare),
      note: `${formatNumber(rounds.rejectedRounds)} van ${countOf(rounds.decided, 'besliste voordracht', 'besliste voordrachten')} geheel afgewezen`,
      list: undefined,
      part: 'rondes',
    },
    {
      key: 'wachtlijst',
      label: 'Wachtlijst nu',
      value: formatNumber(totals.waitingListNow),
      note: 'wachtend of voorgedragen, stand van vandaag',
      list: 'kandidaten',
      part: 'kerncijfers',
    },
  ]
}
