import type { AnswerOutcome, AnswersReport } from '../../../shared/api'
import { parseQuarter, quarterLabel } from '../../../shared/domain/quarter'
import { client } from '../api/client'
import { DryRunDialog, WorkbookField } from '../components/imports/DryRunDialog'
import { countOf } from '../format'
import { useDryRunImport } from '../hooks/use-dry-run-import'

const OUTCOME_LABELS: Record<AnswerOutcome, { preview: string; done: string }> = {
  applied: { preview: 'Wordt verwerkt', done: 'Verwerkt' },
  'already-applied': { preview: 'Al verwerkt', done: 'Al verwerkt' },
  'no-answer': { preview: 'Geen antwoord', done: 'Geen antwoord' },
  outdated: { preview: 'Verouderd', done: 'Verouderd' },
  'unknown-dwelling': { preview: 'Onbekende woning', done: 'Onbekende woning' },
  error: { preview: 'Fout', done: 'Fout' },
}

const quarterName = (key: string) =>
  /^\d{4}-Q[1-4]$/.test(key) ? quarterLabel(parseQuarter(key)) : key

/** "2 woningen worden verwerkt, 1 zonder antwoord, 1 verouderd". */
function summary(report: AnswersReport): string {
  const c = report.counts
  const verb = !report.dryRun ? 'verwerkt' : c.applied === 1 ? 'wordt verwerkt' : 'worden verwerkt'
  const parts = [
    c.applied > 0 && `${countOf(c.applied, 'woning', 'woningen')} ${verb}`,
    c['already-applied'] > 0 &&
      `${countOf(c['already-applied'], 'woning', 'woningen')} al verwerkt`,
    c['no-answer'] > 0 && `${countOf(c['no-answer'], 'woning', 'woningen')} zonder antwoord`,
    c.outdated > 0 && countOf(c.outdated, 'verouderde ronde', 'verouderde rondes'),
    c['unknown-dwelling'] > 0 &&
      countOf(c['unknown-dwelling'], 'onbekende woning', 'onbekende woningen'),
    c.error > 0 && `${countOf(c.error, 'woning', 'woningen')} met een fout`,
  ].filter((part): part is string => Boolean(part))
  return parts.length === 0 ? 'Niets te verwerken.' : `${parts.join(', ')}.`
}

/**
 * When a file holds both answers that go through and answers that do not, say plainly which is
 * which: the officer then knows what to correct and that reading the file again is safe.
 */
function MixedOutcome({ report }: { report: AnswersReport }) {
  const applied = report.lines.filter((l) => l.outcome === 'applied')
  const refused = report.lines.filter((l) =>
    ['error', 'outdated', 'unknown-dwelling'].includes(l.outcome),
  )
  if (applied.length === 0 || refused.length === 0) return null
  const names = (lines: typeof applied) =>
    lines.map((l) => l.address || `woning-ID ${l.dwellingId ?? '?'}`).join(', ')
  return (
    <p className="answers-mixed">
      <strong>{report.dryRun ? 'Wordt verwerkt' : 'Wel verwerkt'}:</strong> {names(applied)}.{' '}
      <strong>Niet verwerkt:</strong> {names(refused)}. Verbeter die rijen en lees het bestand
      opnieuw in; wat al verwerkt is, wordt dan overgeslagen.
    </p>
  )
}

/** Per dwelling what the returned file says and what becomes (or became) of it. */
export function AnswersReportView({ report }: { report: AnswersReport }) {
  const when = report.dryRun ? 'preview' : 'done'
  return (
    <div className="answers-report">
      <p className="answers-summary" role="status">
        {report.dryRun ? 'Controle' : 'Ingelezen'}: antwoord van {report.corporation} op de
        voordrachten van {quarterName(report.quarter)} — {summary(report)}
        {report.dryRun && report.counts.applied > 0 && ' Er is nog niets opgeslagen.'}
      </p>
      <MixedOutcome report={report} />
      <table className="report-table answers-table">
        <caption className="visually-hidden">Antwoord per woning</caption>
        <thead>
          <tr>
            <th scope="col">Woning</th>
            <th scope="col" className="num">
              Ronde
            </th>
            <th scope="col">Uitkomst</th>
            <th scope="col">Toelichting</th>
          </tr>
        </thead>
        <tbody>
          {report.lines.map((line, i) => (
            <tr key={`${line.dwellingId ?? 'x'}-${i}`} data-outcome={line.outcome}>
              <th scope="row">
                {line.address || '(geen adres)'}
                {line.dwellingId !== null && (
                  <span className="muted"> · woning-ID {line.dwellingId}</span>
                )}
              </th>
              <td className="num">{line.round ?? ''}</td>
              <td>
                <span className={`answer-outcome answer-${line.outcome}`}>
                  {OUTCOME_LABELS[line.outcome][when]}
                </span>
              </td>
              <td>
                {line.message}
                {line.actions.length > 0 && (
                  <ul className="answer-actions">
                    {line.actions.map((action) => (
                      <li key={action}>{action}</li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

interface AnswersDialogProps {
  onClose: () => void
  /** After answers were written: the page refreshes everything that depends on them. */
  onApplied: (report: AnswersReport) => void
}

/**
 * Reading a corporation's answer back: the file is first checked (a dry run that applies the
 * decisions and rolls them back, so the preview is exactly what will happen), then applied as a
 * whole or not at all.
 */
export function AnswersDialog({ onClose, onApplied }: AnswersDialogProps) {
  const flow = useDryRunImport({
    choices: {},
    notAWorkbook: 'Kies de Excel-werkmap (.xlsx) die de corporatie heeft teruggestuurd.',
    send: (file, _choices, { dryRun }) => client.exports.importAnswers({ ...file, dryRun }),
    onCommitted: onApplied,
  })
  const applicable = flow.report?.dryRun ? flow.report.counts.applied : 0
  return (
    <DryRunDialog
      title="Antwoord van een corporatie inlezen"
      description="Eerst wordt het bestand gecontroleerd; de besluiten worden pas vastgelegd als u daarna op Verwerken klikt."
      flow={flow}
      onClose={onClose}
      fields={<WorkbookField label="Teruggestuurde voordrachten (.xlsx)" flow={flow} />}
      committingLabel="Besluiten vastleggen…"
      report={flow.report && <AnswersReportView report={flow.report} />}
      actions={
        <button
          type="button"
          className="button button-primary"
          onClick={() => void flow.commit()}
          disabled={flow.busy || applicable === 0}
        >
          {applicable > 0 ? `${countOf(applicable, 'woning', 'woningen')} verwerken` : 'Verwerken'}
        </button>
      }
    />
  )
}
