import type { QuarterLine, QuarterOverview } from '../../../../shared/api'
import { formatNumber, formatShare } from '../../format'
import { QuotaProgress } from './QuotaProgress'

type Counts = Pick<
  QuarterLine,
  'carried' | 'quota' | 'submitted' | 'inShortlist' | 'offered' | 'allocated'
>

function Cells({ line }: { line: Counts }) {
  return (
    <>
      <td className="numeric">
        {formatNumber(line.quota)}
        {line.carried > 0 && (
          <span className="cell-note">+{formatNumber(line.carried)} uit vorig kwartaal</span>
        )}
      </td>
      <td className="numeric">{formatNumber(line.submitted)}</td>
      <td>
        <QuotaProgress submitted={line.submitted} quota={line.quota} />
      </td>
      <td className="numeric">{formatNumber(line.inShortlist)}</td>
      <td className="numeric">{formatNumber(line.offered)}</td>
      <td className="numeric">{formatNumber(line.allocated)}</td>
    </>
  )
}

/** A plain table: a handful of rows read at a glance, with a totals row. */
export function OverviewTable({
  overview,
  quarterName,
}: {
  overview: QuarterOverview
  quarterName: string
}) {
  return (
    <table className="table overview-table">
      <caption className="visually-hidden">
        Quotum en voortgang per corporatie, {quarterName}
      </caption>
      <thead>
        <tr>
          <th scope="col">Corporatie</th>
          <th scope="col" className="numeric">
            Aandeel voorraad
          </th>
          <th scope="col" className="numeric">
            Quotum
          </th>
          <th scope="col" className="numeric">
            Ingediend
          </th>
          <th scope="col">Voortgang</th>
          <th scope="col" className="numeric">
            In voordracht
          </th>
          <th scope="col" className="numeric">
            Aangeboden
          </th>
          <th scope="col" className="numeric">
            Verhuurd
          </th>
        </tr>
      </thead>
      <tbody>
        {overview.lines.map((line) => (
          <tr key={line.corporationId}>
            <th scope="row">{line.corporation}</th>
            <td className="numeric">{formatShare(line.stockShare)}</td>
            <Cells line={line} />
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Totaal</th>
          <td className="numeric">{formatShare(1)}</td>
          <Cells line={overview.totals} />
        </tr>
      </tfoot>
    </table>
  )
}
