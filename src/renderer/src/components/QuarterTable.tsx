import type { QuarterRow } from '../../../shared/api'
import { parseQuarter, quarterLabel } from '../../../shared/domain/quarter'
import { formatDate, formatNumber } from '../format'

/**
 * Submitted dwellings per quarter. A plain table rather than a grid: a handful of rows, read at a
 * glance; the bar only repeats the number, so it is hidden from screen readers.
 */
export function QuarterTable({ quarters }: { quarters: QuarterRow[] }) {
  const most = Math.max(1, ...quarters.map((q) => q.dwellings))
  return (
    <table className="table">
      <caption className="visually-hidden">Ingediende woningen per kwartaal</caption>
      <thead>
        <tr>
          <th scope="col">Kwartaal</th>
          <th scope="col">Periode</th>
          <th scope="col" className="numeric">
            Ingediende woningen
          </th>
          <th scope="col" aria-hidden="true" className="bar-column"></th>
        </tr>
      </thead>
      <tbody>
        {quarters.map((q) => (
          <tr key={q.key}>
            <th scope="row">{quarterLabel(parseQuarter(q.key))}</th>
            <td>
              {formatDate(q.startsOn)} t/m {formatDate(q.endsOn)}
            </td>
            <td className="numeric">{formatNumber(q.dwellings)}</td>
            <td aria-hidden="true" className="bar-column">
              <span className="bar" style={{ width: `${(q.dwellings / most) * 100}%` }} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
