import type { ImportError } from '../../../../shared/api'
import { formatNumber } from '../../format'

/** Row 0 is the file as a whole; an empty column is the row (or file) as a whole. */
export function rowText(row: number): string {
  return row === 0 ? 'bestand' : formatNumber(row)
}

export function columnText(error: ImportError): string {
  return error.column || (error.row === 0 ? '—' : 'hele rij')
}

/**
 * Every problem with its Excel row and column, so the corporation or care provider can find it in
 * their own file. The list scrolls inside itself; as a scrollable region it takes keyboard focus.
 */
export function ImportErrorTable({
  errors,
  fileName,
}: {
  errors: ImportError[]
  fileName: string
}) {
  return (
    <div className="error-table-scroll" tabIndex={0} role="region" aria-label="Fouten per rij">
      <table className="table error-table">
        <caption className="visually-hidden">Fouten in {fileName}</caption>
        <thead>
          <tr>
            <th scope="col" className="numeric">
              Rij
            </th>
            <th scope="col">Kolom</th>
            <th scope="col">Melding</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((error, index) => (
            <tr key={`${error.row}-${error.column}-${index}`}>
              <td className="numeric">{rowText(error.row)}</td>
              <td>{columnText(error)}</td>
              <td>{error.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
