import { useEffect, useId, useRef, useState } from 'react'
import {
  DEFAULT_RUNS,
  MAX_SCENARIOS,
  type Band,
  type BacktestResult,
  type Scenario,
  type SimulationJob,
} from '../../../shared/api'
import { parseQuarter, quarterLabel } from '../../../shared/domain/quarter'
import { client } from '../api/client'
import { ErrorAlert } from '../components/Messages'
import { dutchMessage } from '../errors'
import { formatNumber, formatShare } from '../format'
import { useAction } from '../hooks/use-action'
import { useApi } from '../hooks/use-api'
import { ForecastChart, type Measure } from './ForecastChart'
import './forecast.css'

/**
 * Vooruitblik: the manager sets one to three alternatives beside the current course, the main
 * process plays them through the real engine as a job (progress, cancel), and the page shows the
 * bands side by side. See docs/vooruitblik.md for what the model assumes.
 */

interface Draft {
  name: string
  yearTarget: string
  instroomPercent: string
  shortlistSize: string
  maxOpenShortlists: string
  answerWorkingDays: string
  complexStopPlacements: string
  shortfallCorporation: string
  shortfallPercent: string
}

const EMPTY: Draft = {
  name: '',
  yearTarget: '',
  instroomPercent: '',
  shortlistSize: '',
  maxOpenShortlists: '',
  answerWorkingDays: '',
  complexStopPlacements: '',
  shortfallCorporation: '',
  shortfallPercent: '',
}

/** Counts and days on screen are whole: a band of 305,6–308 suggests a precision there is not. */
const whole = (value: number) => formatNumber(Math.round(value))

const number = (text: string) => (text.trim() === '' ? undefined : Number(text.replace(',', '.')))

function toScenario(d: Draft): Scenario {
  const shortfall = number(d.shortfallPercent)
  return {
    name: d.name,
    ...(number(d.yearTarget) !== undefined ? { yearTarget: number(d.yearTarget) } : {}),
    ...(number(d.instroomPercent) !== undefined
      ? { instroomShare: number(d.instroomPercent)! / 100 }
      : {}),
    ...(number(d.shortlistSize) !== undefined ? { shortlistSize: number(d.shortlistSize) } : {}),
    ...(number(d.maxOpenShortlists) !== undefined
      ? { maxOpenShortlists: number(d.maxOpenShortlists) }
      : {}),
    ...(number(d.answerWorkingDays) !== undefined
      ? { answerWorkingDays: number(d.answerWorkingDays) }
      : {}),
    ...(number(d.complexStopPlacements) !== undefined
      ? { complexStopPlacements: number(d.complexStopPlacements) }
      : {}),
    ...(d.shortfallCorporation && shortfall !== undefined
      ? { shortfalls: [{ corporation: d.shortfallCorporation, share: shortfall / 100 }] }
      : {}),
  }
}

const MEASURES: { key: Measure; title: string; format: (v: number) => string }[] = [
  { key: 'waitingList', title: 'Wachtlijst aan het eind van het kwartaal', format: whole },
  {
    key: 'waitMedian',
    title: 'Wachttijd tot eerste aanbod, mediaan (dagen)',
    format: whole,
  },
  { key: 'waitP90', title: 'Wachttijd, 90e percentiel (dagen)', format: whole },
  { key: 'offeredWithin91', title: 'Eerste aanbod binnen drie maanden', format: formatShare },
  { key: 'allocated', title: 'Verhuringen', format: whole },
]

const bandText = (b: Band, format: (v: number) => string) =>
  b.p50 === null ? '—' : `${format(b.p50)} (${format(b.p10!)}–${format(b.p90!)})`

const label = (key: string) => quarterLabel(parseQuarter(key))

/**
 * Seconds one run of the running quarter and eight more adds on a quiet two-core computer: the
 * processor time `npm run bench:simulation` measured (0.53 s, docs/vooruitblik.md), less the
 * 15 % an A/B on 2 December saved, over the two cores. The bench on the app's built worker later
 * that day gave 0.56 s a run at load 14.6 (the load inflates it; ~0.5 at load 1.3 before), so this
 * stays. Only for the estimate before starting; while it runs, the page goes by the runs done.
 */
const SECONDS_PER_RUN = 0.23
/** The backtest plays three quarters of a smaller, rewound database. */
const BACKTEST_SHARE = 0.3

function duration(seconds: number): string {
  if (seconds < 90) return `ongeveer ${Math.max(5, Math.round(seconds / 5) * 5)} seconden`
  return `ongeveer ${Math.round(seconds / 60)} minuten`
}

function estimate(scenarios: number, quarters: number, runs: number, backtest: boolean) {
  if (!(quarters >= 1 && runs >= 1)) return null
  const perRun = (SECONDS_PER_RUN * (quarters + 1)) / 9
  return perRun * (scenarios + 1) * runs + (backtest ? SECONDS_PER_RUN * BACKTEST_SHARE * runs : 0)
}

export function ForecastTab() {
  const corporations = useApi(() => client.partners.listCorporations(), [])
  const [drafts, setDrafts] = useState<Draft[]>([{ ...EMPTY, name: 'Alternatief 1' }])
  const [quarters, setQuarters] = useState('4')
  const [runs, setRuns] = useState(String(DEFAULT_RUNS))
  const [withBacktest, setWithBacktest] = useState(false)
  const [job, setJob] = useState<SimulationJob>()
  const action = useAction()
  const [startedAt, setStartedAt] = useState(0)
  const polling = useRef<number>(undefined)

  useEffect(() => () => window.clearTimeout(polling.current), [])

  function poll(jobId: string) {
    polling.current = window.setTimeout(async () => {
      try {
        const status = await client.simulation.status({ jobId })
        setJob(status)
        if (status.state === 'bezig') poll(jobId)
        else if (status.state === 'mislukt' && status.message) action.fail(status.message)
      } catch (e) {
        action.fail(dutchMessage(e))
      }
    }, 500)
  }

  function start() {
    void action.run(async () => {
      const started = await client.simulation.start({
        scenarios: drafts.map(toScenario),
        quarters: Number(quarters),
        runs: Number(runs),
        backtest: withBacktest,
      })
      setJob(started)
      setStartedAt(Date.now())
      poll(started.jobId)
    })
  }

  function cancel() {
    if (!job) return
    window.clearTimeout(polling.current)
    const jobId = job.jobId
    void action.run(async () => setJob(await client.simulation.cancel({ jobId })))
  }

  const update = (i: number, patch: Partial<Draft>) =>
    setDrafts((all) => all.map((d, k) => (k === i ? { ...d, ...patch } : d)))
  const running = job?.state === 'bezig'
  const forecast = job?.forecast
  const expected = estimate(drafts.length, Number(quarters), Number(runs), withBacktest)
  const remaining =
    job && running && job.done > 0
      ? ((Date.now() - startedAt) / 1000 / job.done) * (job.total - job.done)
      : null

  return (
    <div className="forecast-tab">
      <p className="tab-intro">
        Waar leidt de huidige koers naartoe, en wat verandert een andere keuze? De Vooruitblik
        speelt de komende kwartalen meerdere keren na met de echte voordrachtenmotor, op een kopie
        van de gegevens, en toont per kwartaal de mediaan en de band waarbinnen acht van de tien
        runs uitkomen. Lege velden blijven zoals ze nu zijn.
      </p>
      <form
        className="forecast-form"
        aria-label="Scenario's"
        onSubmit={(e) => {
          e.preventDefault()
          start()
        }}
      >
        {drafts.map((d, i) => (
          <fieldset key={i} className="forecast-scenario">
            <legend>Scenario {i + 1}</legend>
            <Input label="Naam" value={d.name} onChange={(name) => update(i, { name })} />
            <Input
              label="Taakstelling per jaar"
              value={d.yearTarget}
              onChange={(yearTarget) => update(i, { yearTarget })}
              numeric
            />
            <Input
              label="Doel instroom (%)"
              value={d.instroomPercent}
              onChange={(instroomPercent) => update(i, { instroomPercent })}
              numeric
            />
            <Input
              label="Kandidaten per voordracht"
              value={d.shortlistSize}
              onChange={(shortlistSize) => update(i, { shortlistSize })}
              numeric
            />
            <Input
              label="Open voordrachten per cliënt"
              value={d.maxOpenShortlists}
              onChange={(maxOpenShortlists) => update(i, { maxOpenShortlists })}
              numeric
            />
            <Input
              label="Antwoordtermijn (werkdagen)"
              value={d.answerWorkingDays}
              onChange={(answerWorkingDays) => update(i, { answerWorkingDays })}
              numeric
            />
            <Input
              label="Stop per complex (plaatsingen)"
              value={d.complexStopPlacements}
              onChange={(complexStopPlacements) => update(i, { complexStopPlacements })}
              numeric
            />
            <div className="field">
              <label htmlFor={`forecast-${i}-corporation`}>Corporatie levert minder</label>
              <select
                id={`forecast-${i}-corporation`}
                value={d.shortfallCorporation}
                onChange={(e) => update(i, { shortfallCorporation: e.target.value })}
              >
                <option value="">(geen)</option>
                {(corporations.data ?? []).map((c) => (
                  <option key={c.id} value={c.name}>
                    {c.name}
                  </option>
                ))}
              </select>
            </div>
            <Input
              label="...en wel (% van het quotum)"
              value={d.shortfallPercent}
              onChange={(shortfallPercent) => update(i, { shortfallPercent })}
              numeric
            />
            {drafts.length > 1 && (
              <button
                type="button"
                className="button button-small"
                onClick={() => setDrafts((all) => all.filter((_, k) => k !== i))}
              >
                Scenario {i + 1} weghalen
              </button>
            )}
          </fieldset>
        ))}
        <div className="toolbar forecast-settings">
          {drafts.length < MAX_SCENARIOS && (
            <button
              type="button"
              className="button"
              onClick={() =>
                setDrafts((all) => [...all, { ...EMPTY, name: `Alternatief ${all.length + 1}` }])
              }
            >
              Scenario toevoegen
            </button>
          )}
          <Input label="Kwartalen vooruit" value={quarters} onChange={setQuarters} numeric />
          <Input label="Runs per scenario" value={runs} onChange={setRuns} numeric />
          <label className="forecast-check">
            <input
              type="checkbox"
              checked={withBacktest}
              onChange={(e) => setWithBacktest(e.target.checked)}
            />
            Met terugtoets (2026-Q1 tot en met Q3)
          </label>
          <button type="submit" className="button button-primary" disabled={running}>
            Doorrekenen
          </button>
        </div>
        {expected !== null && (
          <p className="muted forecast-estimate">
            Geschatte rekentijd: {duration(expected)} op een rustige computer met twee kernen; meer
            runs geven een betrouwbaardere band. De app blijft intussen gewoon werken.
          </p>
        )}
      </form>
      <ErrorAlert message={action.error} />
      {job && running && (
        <div className="forecast-progress" role="status">
          <label htmlFor="forecast-progress">
            Bezig: run {job.done} van {job.total}
            {remaining !== null && ` — nog ${duration(remaining)}`}
          </label>
          <progress id="forecast-progress" value={job.done} max={job.total} />
          <button type="button" className="button" onClick={cancel}>
            Afbreken
          </button>
        </div>
      )}
      {job?.state === 'afgebroken' && (
        <p role="status" className="muted">
          De vooruitblik is afgebroken.
        </p>
      )}
      {forecast && job?.state === 'klaar' && (
        <section aria-labelledby="forecast-result-title">
          <h2 id="forecast-result-title">Vergelijking</h2>
          <p className="muted">
            {forecast.runs} runs per scenario vanaf {forecast.startIso}, in{' '}
            {Math.round(forecast.seconds)} seconden. Aanmeldingen per kwartaal:{' '}
            {formatNumber(Math.round(forecast.model.arrivalsPerQuarter))}; voordrachten in zijn
            geheel afgewezen: {formatShare(forecast.model.rejectAllShare)}; aanbiedingen geweigerd:{' '}
            {formatShare(forecast.model.declineShare)}. De jaarrapportage neemt deze vooruitblik
            mee.
          </p>
          {forecast.model.fallbacks.map((f) => (
            <p key={f} className="muted">
              Aanname: {f}
            </p>
          ))}
          <table className="table forecast-table">
            <caption>Mediaan (10–90%) per kwartaal</caption>
            <thead>
              <tr>
                <th scope="col">Kwartaal</th>
                <th scope="col">Scenario</th>
                {MEASURES.map((m) => (
                  <th key={m.key} scope="col">
                    {m.title}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {forecast.scenarios.flatMap((s) =>
                s.quarters.map((q) => (
                  <tr key={`${s.scenario.name}-${q.quarter}`}>
                    <td>{label(q.quarter)}</td>
                    <td>{s.scenario.name}</td>
                    {MEASURES.map((m) => (
                      <td key={m.key}>{bandText(q[m.key], m.format)}</td>
                    ))}
                  </tr>
                )),
              )}
            </tbody>
          </table>
          {MEASURES.map((m) => (
            <ForecastChart
              key={m.key}
              title={m.title}
              measure={m.key}
              scenarios={forecast.scenarios}
              format={m.format}
            />
          ))}
        </section>
      )}
      {job?.state === 'klaar' && job.backtest && <Backtest result={job.backtest} />}
    </div>
  )
}

function Backtest({ result }: { result: BacktestResult }) {
  type Line = BacktestResult['lines'][number]
  const inside = (pick: (l: Line) => { inBand: boolean | null }) =>
    result.lines.filter((l) => pick(l).inBand === true).length
  const verdict = (inBand: boolean | null, offBy: number | null) =>
    inBand === null
      ? 'onbekend'
      : inBand
        ? 'binnen de band'
        : `${formatNumber(Math.abs(Math.round(offBy ?? 0)))} ${(offBy ?? 0) > 0 ? 'hoger' : 'lager'} dan de mediaan`
  return (
    <section aria-labelledby="backtest-title">
      <h2 id="backtest-title">Terugtoets vanaf {result.startIso}</h2>
      <p className="muted">
        De gegevens teruggezet naar {result.startIso} en {result.runs} keer nagespeeld; daarnaast
        wat er werkelijk gebeurde. De kansen en termijnen komen uit dezelfde geschiedenis: dit
        toetst de werking, het is geen blinde voorspelling.
      </p>
      <p className="muted">
        Binnen de band (10–90% van de runs): wachtlijst {inside((l) => l.waitingList)} van{' '}
        {result.lines.length} kwartalen, wachttijd {inside((l) => l.waitMedian)} van{' '}
        {result.lines.length}. Met weinig runs is de band smal en valt de werkelijkheid er eerder
        buiten; het oordeel zegt dan hoe ver ze van de mediaan ligt.
      </p>
      <table className="table backtest-table">
        <thead>
          <tr>
            <th scope="col">Kwartaal</th>
            <th scope="col">Wachtlijst voorspeld</th>
            <th scope="col">Werkelijk</th>
            <th scope="col">Oordeel</th>
            <th scope="col">Wachttijd mediaan voorspeld</th>
            <th scope="col">Werkelijk</th>
            <th scope="col">Oordeel</th>
          </tr>
        </thead>
        <tbody>
          {result.lines.map((l) => (
            <tr key={l.quarter}>
              <td>{label(l.quarter)}</td>
              <td>{bandText(l.waitingList.predicted, whole)}</td>
              <td>{formatNumber(l.waitingList.actual)}</td>
              <td>{verdict(l.waitingList.inBand, l.waitingList.offBy)}</td>
              <td>{bandText(l.waitMedian.predicted, whole)}</td>
              <td>{formatNumber(l.waitMedian.actual)}</td>
              <td>{verdict(l.waitMedian.inBand, l.waitMedian.offBy)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

function Input({
  label,
  value,
  onChange,
  numeric = false,
}: {
  label: string
  value: string
  onChange: (value: string) => void
  numeric?: boolean
}) {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        inputMode={numeric ? 'decimal' : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  )
}
