import type { QuarterFigures } from '../../shared/api/report-figures'
import { barChart, PALETTE, type Chart } from './svg-charts'

/** The charts of the report, built from the same figures as its tables. */

const percent = (value: number) => `${Math.round(value * 100)}%`

export function corporationsChart(f: QuarterFigures): Chart {
  return barChart({
    title: `Woningen per corporatie — ${f.period.label}`,
    categories: f.corporations.map((c) => c.corporation),
    series: [
      { name: 'Quotum', values: f.corporations.map((c) => c.quota), color: PALETTE.grey },
      { name: 'Ingediend', values: f.corporations.map((c) => c.submitted), color: PALETTE.blue },
      { name: 'Verhuurd', values: f.corporations.map((c) => c.allocated), color: PALETTE.orange },
    ],
  })
}

export function providersChart(f: QuarterFigures): Chart {
  const shown = f.careProviders.filter((p) => p.allocated > 0 || (p.contingent ?? 0) > 0)
  return barChart({
    title: `Verhuringen tegenover contingent — ${f.period.label}`,
    categories: shown.map((p) => p.careProvider),
    series: [
      { name: 'Contingent', values: shown.map((p) => p.contingent), color: PALETTE.grey },
      { name: 'Verhuurd', values: shown.map((p) => p.allocated), color: PALETTE.orange },
    ],
  })
}

export function waitingChart(f: QuarterFigures): Chart {
  return barChart({
    title: `Wachttijd tot eerste aanbod — ${f.period.label}`,
    categories: f.waiting.buckets.map((b) => b.label),
    series: [
      { name: 'Cliënten', values: f.waiting.buckets.map((b) => b.count), color: PALETTE.blue },
    ],
  })
}

export function reasonsChart(f: QuarterFigures): Chart {
  return barChart({
    title: `Redenen geen match — ${f.period.label}`,
    categories: f.rounds.reasons.map((r) => r.label),
    series: [
      { name: 'Kandidaten', values: f.rounds.reasons.map((r) => r.count), color: PALETTE.orange },
    ],
  })
}

export function wijkenChart(f: QuarterFigures): Chart {
  return barChart({
    title: `Spreiding over de wijken — ${f.period.label}`,
    categories: f.wijken.map((w) => w.label),
    series: [
      {
        name: 'Aandeel sociale voorraad',
        values: f.wijken.map((w) => w.stockShare),
        color: PALETTE.grey,
      },
      { name: 'Norm spreiding', values: f.wijken.map((w) => w.norm), color: PALETTE.green },
      {
        name: 'Aandeel verhuringen',
        values: f.wijken.map((w) => w.allocationShare),
        color: PALETTE.blue,
      },
    ],
    format: percent,
  })
}

export function trendChart(f: QuarterFigures): Chart {
  return barChart({
    title: `Quotum en verhuringen per kwartaal — ${f.period.label}`,
    categories: f.trend.map((t) => t.label),
    series: [
      { name: 'Quotum', values: f.trend.map((t) => t.quota), color: PALETTE.grey },
      { name: 'Ingediend', values: f.trend.map((t) => t.submitted), color: PALETTE.blue },
      { name: 'Verhuurd', values: f.trend.map((t) => t.allocated), color: PALETTE.orange },
    ],
  })
}
