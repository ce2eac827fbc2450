import type { FiguresRequest } from '../../shared/api/reports'
import type { Period } from '../../shared/api/report-figures'
import {
  parseQuarter,
  quarterBounds,
  quarterKey,
  quarterLabel,
  type Quarter,
} from '../../shared/domain/quarter'

/**
 * The period a report covers. Dwellings, shortlists, allocations and vacancy belong to the
 * quarter a dwelling was submitted for (as in the quarter screens); registrations and first offers
 * belong to the period their date falls in.
 */
export function resolvePeriod(request: FiguresRequest): Period {
  if ('quarter' in request) {
    const quarter = parseQuarter(request.quarter)
    return {
      kind: 'quarter',
      key: request.quarter,
      label: quarterLabel(quarter),
      year: quarter.year,
      quarters: [request.quarter],
      ...quarterBounds(quarter),
    }
  }
  const year = request.year
  const numbers: Quarter['number'][] = [1, 2, 3, 4]
  return {
    kind: 'year',
    key: String(year),
    label: `jaar ${year}`,
    year,
    quarters: numbers.map((number) => quarterKey({ year, number })),
    startsOn: `${year}-01-01`,
    endsOn: `${year}-12-31`,
  }
}

/** The share of a year's contingent and target that falls in the period. */
export function yearFraction(period: Period): number {
  return period.kind === 'quarter' ? 0.25 : 1
}
