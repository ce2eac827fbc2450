import type { ImportReport } from '../../../../shared/api'
import { baseName, csvBlob, downloadBlob } from '../../files'
import { countOf, formatNumber } from '../../format'
import { columnText, ImportErrorTable, rowText } from './ImportErrorTable'
import type { ImportWords } from './import-words'

function outcome(report: ImportReport, words: ImportWords): string {
  return `${countOf(report.created, `nieuwe ${words.singular}`, `nieuwe ${words.plural}`)}, ${formatNumber(report.updated)} gewijzigd, ${formatNumber(report.unchanged)} ongewijzigd`
}

/** What the check found, or what the import did. */
function summary(report: ImportReport, words: ImportWords): string {
  const read = `${countOf(report.rows, 'rij', 'rijen')} gelezen, ${formatNumber(report.validRows)} geldig.`
  if (report.committed) {
    const skipped = report.rows - report.validRows
    return (
      `Geïmporteerd uit ${report.fileName}: ${outcome(report, words)}.` +
      (skipped > 0 ? ` ${countOf(skipped, 'rij', 'rijen')} met fouten niet geïmporteerd.` : '')
    )
  }
  if (report.validRows === 0) return `${read} Er is niets om te importeren.`
  return `${read} Bij importeren${report.errors.length > 0 ? ' van de geldige rijen' : ''}: ${outcome(report, words)}.`
}

function saveErrors(report: ImportReport) {
  const rows = [
    ['Rij', 'Kolom', 'Melding'],
    ...report.errors.map((e) => [rowText(e.row), columnText(e), e.message]),
  ]
  downloadBlob(`${baseName(report.fileName)}-fouten.csv`, csvBlob(rows))
}

export function ImportReportView({ report, words }: { report: ImportReport; words: ImportWords }) {
  const errors = report.errors.length
  return (
    <div className="import-report">
      <p className={report.committed ? 'message message-success' : 'import-summary'} role="status">
        {summary(report, words)}
      </p>
      {errors > 0 && (
        <section aria-labelledby="import-errors-title" className="import-errors">
          <div className="import-errors-header">
            <h3 id="import-errors-title">
              {countOf(errors, 'fout', 'fouten')} in {report.fileName}
            </h3>
            <button
              type="button"
              className="button button-small"
              onClick={() => saveErrors(report)}
            >
              Fouten opslaan
            </button>
          </div>
          <ImportErrorTable errors={report.errors} fileName={report.fileName} />
        </section>
      )}
    </div>
  )
}
