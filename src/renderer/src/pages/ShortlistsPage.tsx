import { AnswersDue } from '../components/AnswersDue'
import { useCallback, useMemo, useState } from 'react'
import type { GenerateSummary } from '../../../shared/api'
import { parseQuarter, quarterLabel } from '../../../shared/domain/quarter'
import { client } from '../api/client'
import { DataGrid } from '../components/DataGrid'
import { RowCount, SearchBox } from '../components/GridToolbar'
import { ErrorAlert } from '../components/Messages'
import { PageHeader } from '../components/PageHeader'
import { countOf } from '../format'
import { useDataVersion } from '../hooks/data-version'
import { useAction } from '../hooks/use-action'
import { useApi } from '../hooks/use-api'
import { useStoredState } from '../hooks/use-stored-state'
import { SHORT_NOTE, boardColumns, type BoardGridRow } from '../shortlists/board-columns'
import { DwellingDetail } from '../shortlists/DwellingDetail'
import { GenerateSummaryView } from '../shortlists/GenerateSummaryView'
import { PresentAllDialog } from '../shortlists/PresentAllDialog'
import { RulesDialog } from '../shortlists/RulesDialog'
import { StageFilter } from '../shortlists/StageFilter'
import { STAGES, stageOf, type Stage } from '../shortlists/words'
import '../shortlists/shortlists.css'

const nameOf = (key: string) => quarterLabel(parseQuarter(key))

/** The officer's work screen: a quarter's dwellings, and per dwelling its rounds, offer and history. */
export function ShortlistsPage() {
  const { refreshAll } = useDataVersion()
  const quarters = useApi(() => client.planning.listQuarters(), [])
  const quarterList = useMemo(
    () => [...(quarters.data ?? [])].sort((a, b) => b.key.localeCompare(a.key)),
    [quarters.data],
  )
  const quarterKeys = quarterList.map((q) => q.key)
  // Quarter, stage and the open dwelling are kept for the session: the officer who looks up a
  // client in Kandidaten comes back to the dwelling they were working on.
  const [chosenQuarter, setChosenQuarter] = useStoredState<string | undefined>(
    'voordrachten.kwartaal',
    undefined,
    'session',
  )
  const quarter =
    chosenQuarter && quarterKeys.includes(chosenQuarter) ? chosenQuarter : quarterKeys[0]
  const board = useApi(
    () => (quarter ? client.shortlists.board({ quarter }) : Promise.resolve(undefined)),
    [quarter],
  )
  const [stage, setStage] = useStoredState<Stage | undefined>(
    'voordrachten.stand',
    undefined,
    'session',
  )
  const [search, setSearch] = useStoredState('voordrachten.zoeken', '', 'session')
  const [shown, setShown] = useState(0)
  const [openedId, setOpenedId] = useStoredState<number | undefined>(
    'voordrachten.woning',
    undefined,
    'session',
  )
  // Opened from the keyboard, the detail takes focus; after a click, or on coming back, it does not.
  const [focusDetail, setFocusDetail] = useState(false)
  const [summary, setSummary] = useState<GenerateSummary>()
  const generating = useAction()
  const [presentingAll, setPresentingAll] = useState(false)
  const [showRules, setShowRules] = useState(false)

  const rows = useMemo(
    () => board.data?.map((row): BoardGridRow => ({ ...row, id: row.dwellingId })),
    [board.data],
  )
  const counts = useMemo(() => {
    if (!rows) return undefined
    const result = Object.fromEntries(STAGES.map((s) => [s.key, 0])) as Record<Stage, number>
    for (const row of rows) result[stageOf(row)] += 1
    return result
  }, [rows])
  const short = rows?.filter((row) => row.shortNote !== null)
  const filtered = useMemo(
    () => (stage && rows ? rows.filter((row) => stageOf(row) === stage) : rows),
    [rows, stage],
  )
  const openRow = openedId === undefined ? undefined : rows?.find((row) => row.id === openedId)

  const openByClick = useCallback(
    (row: BoardGridRow) => {
      if (row.id === openedId) return
      setOpenedId(row.id)
      setFocusDetail(false)
    },
    [openedId, setOpenedId],
  )
  const openByKeyboard = useCallback(
    (id: number) => {
      setOpenedId(id)
      setFocusDetail(true)
    },
    [setOpenedId],
  )
  const openRowByKeyboard = useCallback(
    (row: BoardGridRow) => openByKeyboard(row.id),
    [openByKeyboard],
  )
  const columns = useMemo(() => boardColumns(openedId, openByClick), [openedId, openByClick])

  function chooseQuarter(key: string) {
    setChosenQuarter(key)
    setOpenedId(undefined)
    setSummary(undefined)
    generating.clear()
  }

  function generate() {
    if (!quarter) return
    setSummary(undefined)
    void generating.run(async () => {
      setSummary(await client.shortlists.generate({ quarter }))
      refreshAll()
    })
  }

  const quarterName = quarter ? nameOf(quarter) : ''
  const stageLabel = STAGES.find((s) => s.key === stage)?.label.toLowerCase()

  return (
    <div className="shortlists">
      <PageHeader
        title="Voordrachten"
        description="Per ingediende woning kandidaten voordragen aan de corporatie, en haar besluit en de aanbieding vastleggen."
      >
        <div className="field">
          <label htmlFor="shortlist-quarter">Kwartaal</label>
          <select
            id="shortlist-quarter"
            value={quarter ?? ''}
            onChange={(e) => chooseQuarter(e.target.value)}
            disabled={quarterKeys.length === 0}
          >
            {quarterKeys.length === 0 && <option value="">Geen kwartalen</option>}
            {quarterList.map((q) => (
              <option key={q.key} value={q.key}>
                {nameOf(q.key)} ({countOf(q.dwellings, 'woning', 'woningen')})
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="button button-primary"
          onClick={generate}
          disabled={!quarter || generating.busy}
        >
          {generating.busy ? 'Voordrachten maken…' : 'Voordrachten maken'}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => setPresentingAll(true)}
          disabled={!quarter || !counts?.concept}
        >
          Alle concepten voordragen…
        </button>
        <button type="button" className="button" onClick={() => setShowRules(true)}>
          Hoe kiest de app?
        </button>
      </PageHeader>

      {showRules && <RulesDialog onClose={() => setShowRules(false)} />}
      {presentingAll && quarter && (
        <PresentAllDialog
          quarter={quarter}
          quarterName={quarterName}
          onClose={() => setPresentingAll(false)}
          onPresented={refreshAll}
        />
      )}
      <ErrorAlert message={generating.error} />
      <ErrorAlert message={quarters.error} onRetry={quarters.reload} />
      {summary && (
        <GenerateSummaryView
          summary={summary}
          quarterName={nameOf(summary.quarter)}
          onOpen={(id) => {
            setStage(undefined)
            openByKeyboard(id)
          }}
          onClose={() => setSummary(undefined)}
        />
      )}

      <details className="sl-answers-due">
        <summary>Openstaande antwoorden van corporaties</summary>
        <AnswersDue headingLevel={3} />
      </details>

      <StageFilter counts={counts} total={rows?.length} value={stage} onChange={setStage} />
      <div className="sl-split">
        <section aria-labelledby="sl-board-title" className="sl-board">
          <h2 id="sl-board-title" className="visually-hidden">
            Woningen van {quarterName}
          </h2>
          <ErrorAlert message={board.error} onRetry={board.reload} />
          {short && short.length > 0 && (
            <p className="muted">
              Korte voordrachten:{' '}
              {(Object.keys(SHORT_NOTE) as (keyof typeof SHORT_NOTE)[])
                .map(
                  (note) =>
                    `${SHORT_NOTE[note].toLowerCase()} ${short.filter((r) => r.shortNote === note).length}`,
                )
                .join(', ')}
              .
            </p>
          )}
          <div className="toolbar sl-toolbar">
            <SearchBox value={search} onChange={setSearch} label="Zoeken in woningen" />
            <RowCount shown={shown} total={rows?.length} singular="woning" plural="woningen" />
            <span className="open-row-hint">
              Klik op een rij of kies met de pijltjes en <kbd>Enter</kbd>: woning openen
            </span>
          </div>
          <div className="sl-grid">
            <DataGrid
              label={`Voordrachten ${quarterName}`}
              rows={filtered}
              columns={columns}
              loading={board.loading}
              quickFilter={search}
              noRowsText={
                search || stage
                  ? `Geen woningen gevonden${stageLabel ? ` met stand ${stageLabel}` : ''}${search ? ' met deze zoekterm' : ''}`
                  : 'Geen woningen ingediend in dit kwartaal'
              }
              onDisplayedCountChange={setShown}
              onRowOpen={openRowByKeyboard}
              currentId={openRow?.id}
            />
          </div>
        </section>

        <div className="sl-detail-pane">
          {openRow ? (
            <DwellingDetail key={openRow.id} row={openRow} focusOnOpen={focusDetail} />
          ) : (
            rows &&
            rows.length > 0 && (
              <p className="sl-empty-detail muted">
                Kies een woning in de lijst om de voordracht, de kandidaten en de tijdlijn te zien.
              </p>
            )
          )}
        </div>
      </div>
    </div>
  )
}
