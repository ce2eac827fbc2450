import { AGEING_LABELS, type CorporationAnswers } from '../../../shared/api'
import { client } from '../api/client'
import { downloadBase64, XLSX_TYPE } from '../files'
import { countOf, formatDate } from '../format'
import { useAction } from '../hooks/use-action'
import { useApi } from '../hooks/use-api'
import { ErrorAlert, Loading, SuccessMessage } from './Messages'

/**
 * What the corporations still owe Het Vierde Huis, per corporation: answers on presented rounds and
 * replies to offers, aged against their deadline (working days, set in Beheer → Instellingen).
 * A corporation with late answers gets a reminder in one click: a workbook, logged as an export.
 */
export function AnswersDue({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const answers = useApi(() => client.deadlines.openAnswers(), [])
  const reminder = useAction()
  const Heading = `h${headingLevel}` as const

  function remind(corporation: CorporationAnswers) {
    void reminder.run(async () => {
      const file = await client.deadlines.reminder({ corporationId: corporation.corporationId })
      downloadBase64(file.fileName, file.base64, XLSX_TYPE)
      return `${file.fileName} is gedownload en vastgelegd in het exportlog. Stuur het naar ${corporation.corporation}.`
    }, corporation.corporationId)
  }

  const rows = answers.data ?? []
  return (
    <section aria-labelledby="answers-due-title" className="section answers-due">
      <Heading id="answers-due-title">Antwoorden van corporaties</Heading>
      <ErrorAlert message={answers.error} onRetry={answers.reload} />
      <ErrorAlert message={reminder.error} />
      <SuccessMessage message={reminder.message} />
      {answers.loading && !answers.data ? (
        <Loading />
      ) : rows.length === 0 ? (
        <p className="muted">Er staan geen voordrachten of aanbiedingen open.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Openstaande antwoorden per corporatie</caption>
          <thead>
            <tr>
              <th scope="col">Corporatie</th>
              <th scope="col" className="numeric">
                {AGEING_LABELS['op-tijd']}
              </th>
              <th scope="col" className="numeric">
                {AGEING_LABELS['deze-week']}
              </th>
              <th scope="col" className="numeric">
                {AGEING_LABELS['te-laat']}
              </th>
              <th scope="col">
                <span className="visually-hidden">Herinnering</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.corporationId} className={row.counts['te-laat'] > 0 ? 'is-late' : ''}>
                <th scope="row">
                  <details>
                    <summary>{row.corporation}</summary>
                    <ul className="answers-due-list">
                      {row.open.map((answer) => (
                        <li key={`${answer.kind}-${answer.dwellingId}-${answer.round}`}>
                          <span className={`ageing ageing-${answer.ageing}`}>
                            {AGEING_LABELS[answer.ageing]}
                          </span>{' '}
                          {answer.address}, ronde {answer.round}:{' '}
                          {answer.kind === 'voordracht' ? 'besluit' : 'reactie op aanbieding'}{' '}
                          uiterlijk {formatDate(answer.dueOn)}
                          {answer.daysLate > 0 &&
                            ` (${countOf(answer.daysLate, 'werkdag', 'werkdagen')} te laat)`}
                        </li>
                      ))}
                    </ul>
                  </details>
                </th>
                <td className="numeric">{row.counts['op-tijd']}</td>
                <td className="numeric">{row.counts['deze-week']}</td>
                <td className="numeric">
                  {row.counts['te-laat'] > 0 ? (
                    <span className="ageing ageing-te-laat">{row.counts['te-laat']}</span>
                  ) : (
                    0
                  )}
                </td>
                <td>
                  {row.counts['te-laat'] > 0 && (
                    <button
                      type="button"
                      className="button button-small"
                      disabled={reminder.busy}
                      onClick={() => remind(row)}
                    >
                      {reminder.running === row.corporationId
                        ? 'Bezig…'
                        : `Herinnering aan ${row.corporation}`}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
