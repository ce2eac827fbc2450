import { useEffect, useMemo, useRef } from 'react'
import { client } from '../api/client'
import { ErrorAlert, Loading, SuccessMessage } from '../components/Messages'
import { downloadBase64, XLSX_TYPE } from '../files'
import { useAppInfo } from '../hooks/app-info'
import { useAction } from '../hooks/use-action'
import { useApi } from '../hooks/use-api'
import { defaultPeriod, figuresRequest, periodLabel } from './report-location'
import { reportTitle, ReportView } from './ReportView'

interface ReportTabProps {
  /** From the hash; undefined: the quarter that just ended. */
  period: string | undefined
  /** From a dashboard link: the section to scroll to once the report is there. */
  part: string | undefined
  onPeriodChange: (period: string) => void
}

/** The report of one quarter or year: choose, read on screen, print or save as PDF, or download as Excel. */
export function ReportTab({ period: asked, part, onPeriodChange }: ReportTabProps) {
  const info = useAppInfo()
  const quarters = useApi(() => client.planning.listQuarters(), [])
  const quarterKeys = useMemo(
    () => (quarters.data ?? []).map((q) => q.key).sort((a, b) => b.localeCompare(a)),
    [quarters.data],
  )
  const years = useMemo(
    () => [...new Set(quarterKeys.map((key) => key.slice(0, 4)))],
    [quarterKeys],
  )
  const period = asked ?? defaultPeriod(quarterKeys)
  const figures = useApi(
    () => (period ? client.reports.figures(figuresRequest(period)) : Promise.resolve(undefined)),
    [period],
  )
  const action = useAction()

  const shown = figures.data && figures.data.period.key === period ? figures.data : undefined

  // A link from the dashboard names a part of the report: go there once it is drawn.
  const scrolledTo = useRef<string>(undefined)
  useEffect(() => {
    const target = `${period}/${part}`
    if (!shown || !part || scrolledTo.current === target) return
    scrolledTo.current = target
    document.getElementById(`rapport-${part}`)?.scrollIntoView({ block: 'start' })
  }, [shown, period, part])

  function print() {
    // The print dialog (and "Opslaan als PDF") proposes the document title as the file name.
    const before = document.title
    if (shown) document.title = `${reportTitle(shown)} — Het Vierde Huis`
    try {
      window.print()
    } finally {
      document.title = before
    }
  }

  /** Electron only: the report straight to a PDF file, without the print dialog. */
  async function savePdf() {
    if (!shown || !window.api) return
    action.clear()
    const name = `${reportTitle(shown)}.pdf`.replace(/[\\/:*?"<>|]+/g, '-')
    const result = await window.api.savePdf(name)
    if (!result.ok) action.fail(result.error.message)
    else if (result.data.saved) action.show(`${result.data.fileName} is opgeslagen.`)
  }

  function downloadExcel() {
    if (!period) return
    void action.run(async () => {
      const request = figuresRequest(period)
      const file =
        'year' in request
          ? await client.reports.year({ year: request.year })
          : await client.reports.quarter({ quarter: request.quarter })
      downloadBase64(file.fileName, file.base64, XLSX_TYPE)
      return `${file.fileName} is gedownload en vastgelegd in het exportlog.`
    })
  }

  const unlisted = period && !quarterKeys.includes(period) && !years.includes(period)
  return (
    <>
      <div className="toolbar report-toolbar">
        <div className="field">
          <label htmlFor="report-period">Periode</label>
          <select
            id="report-period"
            value={period ?? ''}
            onChange={(e) => {
              action.clear()
              onPeriodChange(e.target.value)
            }}
            disabled={!period}
          >
            {!period && <option value="">Geen kwartalen</option>}
            {unlisted && <option value={period}>{periodLabel(period)}</option>}
            <optgroup label="Kwartalen">
              {quarterKeys.map((key) => (
                <option key={key} value={key}>
                  {periodLabel(key)}
                </option>
              ))}
            </optgroup>
            <optgroup label="Jaren">
              {years.map((year) => (
                <option key={year} value={year}>
                  {`Jaar ${year}`}
                </option>
              ))}
            </optgroup>
          </select>
        </div>
        {window.api ? (
          <>
            <button type="button" className="button" onClick={print} disabled={!shown}>
              Afdrukken
            </button>
            <button
              type="button"
              className="button"
              onClick={() => void savePdf()}
              disabled={!shown}
            >
              Opslaan als PDF
            </button>
          </>
        ) : (
          // In a browser its own print dialog offers "Opslaan als PDF".
          <button type="button" className="button" onClick={print} disabled={!shown}>
            Afdrukken / PDF
          </button>
        )}
        <button
          type="button"
          className="button"
          onClick={downloadExcel}
          disabled={!period || action.busy}
        >
          {action.busy ? 'Excel-rapport maken…' : 'Excel-rapport downloaden'}
        </button>
      </div>
      <SuccessMessage message={action.message} />
      <ErrorAlert message={action.error} />
      <ErrorAlert
        message={quarters.error ?? figures.error}
        onRetry={quarters.error ? quarters.reload : figures.reload}
      />
      {quarters.data && quarterKeys.length === 0 && (
        <p className="muted">
          Er zijn nog geen kwartalen met ingediende woningen, dus nog niets om over te rapporteren.
        </p>
      )}
      {shown ? (
        <ReportView figures={shown} officer={info.data?.officer ?? ''} />
      ) : (
        period && (figures.loading || quarters.loading) && <Loading label="Rapport maken…" />
      )}
    </>
  )
}
