import { useMemo, useState } from 'react'
import type { AnswersReport } from '../../../shared/api'
import { client } from '../api/client'
import { ErrorAlert, Loading, SuccessMessage } from '../components/Messages'
import { downloadBase64, XLSX_TYPE } from '../files'
import { countOf } from '../format'
import { useDataVersion } from '../hooks/data-version'
import { useAction } from '../hooks/use-action'
import { useApi } from '../hooks/use-api'
import { hrefOf } from '../routes'
import { AnswersDialog } from './AnswersDialog'
import { currentQuarterKey, periodLabel } from './report-location'

/**
 * Shortlists out to a corporation as an Excel workbook (one per corporation and quarter, or a
 * selection of its dwellings), and the corporation's answer back in. Every file is logged.
 */
export function ShortlistExportTab() {
  const { refreshAll } = useDataVersion()
  const quarters = useApi(() => client.planning.listQuarters(), [])
  const corporations = useApi(() => client.partners.listCorporations(), [])
  const quarterKeys = useMemo(
    () => (quarters.data ?? []).map((q) => q.key).sort((a, b) => b.localeCompare(a)),
    [quarters.data],
  )
  const [chosenQuarter, setChosenQuarter] = useState<string>()
  const current = currentQuarterKey()
  const quarter =
    chosenQuarter ?? (quarterKeys.includes(current) ? current : (quarterKeys[0] ?? undefined))
  const [chosenCorporation, setChosenCorporation] = useState<string>('')
  const corporation = corporations.data?.find((c) => String(c.id) === chosenCorporation)

  const board = useApi(
    () => (quarter ? client.shortlists.board({ quarter }) : Promise.resolve([])),
    [quarter],
  )
  /** The corporation's dwellings with a presented round: what the file would hold. */
  const presented = useMemo(
    () =>
      (board.data ?? []).filter(
        (row) => row.corporation === corporation?.name && row.shortlistStatus === 'voorgedragen',
      ),
    [board.data, corporation],
  )
  // Unticked dwellings; everything presented is in the file unless the officer leaves it out.
  const [left, setLeft] = useState<ReadonlySet<number>>(new Set())
  const selected = presented.filter((row) => !left.has(row.dwellingId))

  const action = useAction()
  const [importing, setImporting] = useState(false)

  function reset() {
    setLeft(new Set())
    action.clear()
  }

  function exportFile() {
    if (!quarter || !corporation) return
    void action.run(async () => {
      const file = await client.exports.shortlists({
        quarter,
        corporationId: corporation.id,
        dwellingIds:
          selected.length < presented.length ? selected.map((row) => row.dwellingId) : undefined,
      })
      downloadBase64(file.fileName, file.base64, XLSX_TYPE)
      return `${file.fileName} is gedownload (${countOf(selected.length, 'woning', 'woningen')}) en vastgelegd in het exportlog. Stuur het naar ${corporation.name}.`
    })
  }

  function applied(report: AnswersReport) {
    action.show(
      `Het antwoord van ${report.corporation} is verwerkt: ${countOf(report.counts.applied, 'woning', 'woningen')}. De besluiten staan op Voordrachten.`,
    )
    refreshAll()
  }

  return (
    <div className="export-tab">
      <p className="tab-intro">
        Een corporatie krijgt per kwartaal één werkmap met, per woning, de voorgedragen kandidaten:
        alleen wat zij nodig heeft om de match te beoordelen (cliëntcode, huishouden,
        leeftijdsklasse, doelgroep, begeleiding, behoeften), nooit een naam of BSN. Zij vult per
        kandidaat Match of Geen match in en stuurt de werkmap terug.
      </p>
      <SuccessMessage message={action.message} />
      <ErrorAlert message={action.error} />
      <ErrorAlert
        message={quarters.error ?? corporations.error ?? board.error}
        onRetry={() => {
          quarters.reload()
          corporations.reload()
          board.reload()
        }}
      />
      <section className="export-step" aria-labelledby="export-out-title">
        <h2 id="export-out-title">Voordrachten naar een corporatie</h2>
        <div className="toolbar">
          <div className="field">
            <label htmlFor="export-quarter">Kwartaal</label>
            <select
              id="export-quarter"
              value={quarter ?? ''}
              onChange={(e) => {
                setChosenQuarter(e.target.value)
                reset()
              }}
              disabled={quarterKeys.length === 0}
            >
              {quarterKeys.length === 0 && <option value="">Geen kwartalen</option>}
              {quarterKeys.map((key) => (
                <option key={key} value={key}>
                  {periodLabel(key)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="export-corporation">Corporatie</label>
            <select
              id="export-corporation"
              value={chosenCorporation}
              onChange={(e) => {
                setChosenCorporation(e.target.value)
                reset()
              }}
            >
              <option value="">Kies een corporatie…</option>
              {(corporations.data ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            className="button button-primary"
            onClick={exportFile}
            disabled={!corporation || !quarter || selected.length === 0 || action.busy}
          >
            {action.busy ? 'Werkmap maken…' : 'Voordrachten downloaden'}
          </button>
        </div>

        {corporation && quarter && board.loading && !board.data && <Loading />}
        {corporation && quarter && board.data && (
          <>
            {presented.length === 0 ? (
              <p className="muted">
                {corporation.name} heeft in {periodLabel(quarter)} geen woningen met een
                voorgedragen ronde. Voordragen gaat op{' '}
                <a href={hrefOf('voordrachten')}>Voordrachten</a>.
              </p>
            ) : (
              <fieldset className="export-dwellings">
                <legend>
                  {countOf(presented.length, 'woning', 'woningen')} van {corporation.name} met een
                  voorgedragen ronde in {periodLabel(quarter)}; {selected.length} gekozen
                </legend>
                <ul>
                  {presented.map((row) => (
                    <li key={row.dwellingId}>
                      <label>
                        <input
                          type="checkbox"
                          checked={!left.has(row.dwellingId)}
                          onChange={(e) => {
                            const next = new Set(left)
                            if (e.target.checked) next.delete(row.dwellingId)
                            else next.add(row.dwellingId)
                            setLeft(next)
                          }}
                        />
                        {row.address}{' '}
                        <span className="muted">
                          · ronde {row.round} · {row.candidates.join(', ')}
                        </span>
                      </label>
                    </li>
                  ))}
                </ul>
              </fieldset>
            )}
          </>
        )}
      </section>

      <section className="export-step" aria-labelledby="export-in-title">
        <h2 id="export-in-title">Antwoord van een corporatie</h2>
        <p className="muted">
          Lees de teruggestuurde werkmap in. U ziet eerst per woning wat er zal gebeuren; een
          antwoord op een verouderde ronde of een onbekende woning wordt gemeld en niet verwerkt.
        </p>
        <div className="toolbar">
          <button type="button" className="button" onClick={() => setImporting(true)}>
            Antwoord inlezen…
          </button>
        </div>
      </section>

      {importing && <AnswersDialog onClose={() => setImporting(false)} onApplied={applied} />}
    </div>
  )
}
