import ExcelJS from 'exceljs'
import { parseQuarter, quarterLabel, type QuarterKey } from '../../shared/domain/quarter'
import {
  addChart,
  printable,
  writeTable,
  writeTitle,
  type TableColumn,
} from '../reports/report-table'
import { barChart, PALETTE, type Chart } from '../reports/svg-charts'
import type {
  Band,
  QuarterBands,
  ScenarioResult,
  SimulationResult,
} from '../../shared/api/simulation'

/**
 * The simulation as a workbook: an explanation sheet with the observed inputs, one sheet per
 * scenario with the 10–50–90 % bands per quarter, and a comparison sheet with the scenarios side
 * by side. Charts use the report's own chart and PNG helpers.
 */

const label = (key: QuarterKey) => quarterLabel(parseQuarter(key))
const percent = (v: number) => `${Math.round(v * 100)}%`
const days = (v: number) => `${Math.round(v)}`
const SERIES_COLOURS = [PALETTE.grey, PALETTE.blue, PALETTE.orange, PALETTE.green]

type Row = { quarter: string } & Record<string, number | string | null>

const MEASURES: {
  key: keyof QuarterBands
  header: string
  format: 'count' | 'percent' | 'decimal'
}[] = [
  { key: 'waitingList', header: 'Wachtlijst eind kwartaal', format: 'count' },
  { key: 'waitMedian', header: 'Wachttijd mediaan (dagen)', format: 'decimal' },
  { key: 'waitP90', header: 'Wachttijd 90e percentiel (dagen)', format: 'decimal' },
  { key: 'offeredWithin91', header: 'Aanbod binnen 3 maanden', format: 'percent' },
  { key: 'allocated', header: 'Verhuringen', format: 'count' },
  { key: 'instroomShare', header: 'Aandeel instroom', format: 'percent' },
]

function bandRows(result: ScenarioResult): Row[] {
  return result.quarters.map((q) => {
    const row: Row = { quarter: label(q.quarter) }
    for (const m of MEASURES) {
      const b = q[m.key] as Band
      row[`${m.key}:p10`] = b.p10
      row[`${m.key}:p50`] = b.p50
      row[`${m.key}:p90`] = b.p90
    }
    return row
  })
}

function bandColumns(): TableColumn<Row>[] {
  return [
    { header: 'Kwartaal', width: 16, format: 'text', value: (r) => r.quarter },
    ...MEASURES.flatMap((m) =>
      (['p10', 'p50', 'p90'] as const).map((p) => ({
        header: `${m.header} — ${p === 'p50' ? 'mediaan' : p === 'p10' ? '10%' : '90%'}`,
        width: 16,
        format: m.format,
        value: (r: Row) => r[`${m.key}:${p}`] as number | null,
      })),
    ),
  ]
}

function breakdownRows(
  result: ScenarioResult,
  pick: (q: QuarterBands) => Record<string, Band>,
  kind: string,
) {
  return result.quarters.flatMap((q) =>
    Object.entries(pick(q)).map(([name, b]) => ({ quarter: label(q.quarter), kind, name, ...b })),
  )
}

type BreakdownRow = ReturnType<typeof breakdownRows>[number]
const BREAKDOWN_COLUMNS: TableColumn<BreakdownRow>[] = [
  { header: 'Kwartaal', width: 16, format: 'text', value: (r) => r.quarter },
  { header: 'Naar', width: 14, format: 'text', value: (r) => r.kind },
  { header: 'Naam', width: 34, format: 'text', value: (r) => r.name },
  { header: 'Verhuringen 10%', width: 14, format: 'decimal', value: (r) => r.p10 },
  { header: 'Verhuringen mediaan', width: 14, format: 'decimal', value: (r) => r.p50 },
  { header: 'Verhuringen 90%', width: 14, format: 'decimal', value: (r) => r.p90 },
]

function bandChart(
  title: string,
  result: ScenarioResult,
  key: keyof QuarterBands,
  format: (v: number) => string,
): Chart {
  const bands = result.quarters.map((q) => q[key] as Band)
  return barChart({
    title,
    categories: result.quarters.map((q) => label(q.quarter)),
    series: [
      { name: '10% van de runs', values: bands.map((b) => b.p10), color: PALETTE.grey },
      { name: 'Mediaan', values: bands.map((b) => b.p50), color: PALETTE.blue },
      { name: '90% van de runs', values: bands.map((b) => b.p90), color: PALETTE.orange },
    ],
    format,
  })
}

function comparisonChart(
  title: string,
  result: SimulationResult,
  key: keyof QuarterBands,
  format: (v: number) => string,
): Chart {
  return barChart({
    title,
    categories: result.scenarios[0]!.quarters.map((q) => label(q.quarter)),
    series: result.scenarios.map((s, i) => ({
      name: s.scenario.name,
      values: s.quarters.map((q) => (q[key] as Band).p50),
      color: SERIES_COLOURS[i % SERIES_COLOURS.length]!,
    })),
    format,
  })
}

/** A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(/[:\\/?*[\]]/g, ' ')
      .slice(0, 28)
      .trim() || 'Scenario'
  let candidate = base
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${base} ${i}`
  taken.add(candidate.toLowerCase())
  return candidate
}

/** Adds the simulation's sheets to a workbook (its own, or the year report's). */
export function addSimulationSheets(workbook: ExcelJS.Workbook, result: SimulationResult): void {
  const print = { left: 'Het Vierde Huis', title: 'Vooruitblik', madeOn: result.startIso }
  const taken = new Set(workbook.worksheets.map((w) => w.name.toLowerCase()))

  const about = workbook.addWorksheet(sheetName('Vooruitblik', taken))
  writeTitle(
    about,
    1,
    `Vooruitblik vanaf ${result.startIso}: ${result.runs} runs per scenario (seed ${result.seed})`,
    14,
  )
  const m = result.model
  const facts: [string, string | number][] = [
    ['Aanmeldingen per kwartaal (gemiddeld)', Math.round(m.arrivalsPerQuarter * 10) / 10],
    ['...geteld over', m.arrivalQuarters.join(', ')],
    ['Voordracht in zijn geheel afgewezen', percent(m.rejectAllShare)],
    ['Aanbieding geweigerd', percent(m.declineShare)],
    ['Woning ingetrokken', percent(m.withdrawShare)],
    ['Antwoordtermijn corporatie (mediaan, dagen)', m.medianAnswerDays ?? '—'],
    [
      'Aanmelding → eerste voordracht (mediaan, dagen)',
      m.medianRegistrationToPresentationDays ?? '—',
    ],
    ...m.submissionRates.map((r): [string, string] => [
      `Levering ${r.corporation} (t.o.v. quotum)`,
      percent(r.rate),
    ]),
    ...m.fallbacks.map((f): [string, string] => ['Aanname', f]),
    ['Rekentijd (seconden)', Math.round(result.seconds)],
  ]
  facts.forEach(([k, v], i) => {
    about.getCell(3 + i, 1).value = k
    about.getCell(3 + i, 2).value = v
  })
  about.getColumn(1).width = 48
  about.getColumn(2).width = 40
  printable(about, print)

  const compare = workbook.addWorksheet(sheetName('Vergelijking', taken))
  const compareRows = result.scenarios.flatMap((s) =>
    bandRows(s).map((r) => ({ ...r, scenario: s.scenario.name })),
  )
  const last = writeTable(compare, [SCENARIO_COLUMN, ...bandColumns()], compareRows)
  addChart(
    workbook,
    compare,
    comparisonChart('Wachtlijst eind kwartaal (mediaan)', result, 'waitingList', days),
    last + 1,
  )
  addChart(
    workbook,
    compare,
    comparisonChart('Wachttijd tot eerste aanbod, mediaan (dagen)', result, 'waitMedian', days),
    last + 24,
  )
  printable(compare, print)

  for (const s of result.scenarios) {
    const ws = workbook.addWorksheet(sheetName(s.scenario.name, taken))
    const row = writeTable(ws, bandColumns(), bandRows(s))
    addChart(
      workbook,
      ws,
      bandChart(`Wachtlijst — ${s.scenario.name}`, s, 'waitingList', days),
      row + 1,
    )
    addChart(
      workbook,
      ws,
      bandChart(`Wachttijd mediaan (dagen) — ${s.scenario.name}`, s, 'waitMedian', days),
      row + 22,
    )
    addChart(
      workbook,
      ws,
      bandChart(`Aanbod binnen 3 maanden — ${s.scenario.name}`, s, 'offeredWithin91', percent),
      row + 43,
    )
    const breakdown = [
      ...breakdownRows(s, (q) => q.byWijk, 'wijk'),
      ...breakdownRows(s, (q) => q.byTargetGroup, 'doelgroep'),
      ...breakdownRows(s, (q) => q.byCareProvider, 'zorgaanbieder'),
    ]
    const detail = workbook.addWorksheet(sheetName(`${s.scenario.name} per groep`, taken))
    writeTable(detail, BREAKDOWN_COLUMNS, breakdown)
    printable(ws, print)
    printable(detail, print)
  }
}

/** Where the year report's forecast table starts, under its two title lines. */
export const FORECAST_HEADER_ROW = 4

/**
 * The year report's "Vooruitblik" sheet: the last forecast the manager ran (last-forecast.ts) —
 * every scenario's bands per quarter, the current course's bands as charts and the scenarios'
 * waiting lists side by side. Without one, the sheet says where to make it.
 */
export function addForecastSheet(
  workbook: ExcelJS.Workbook,
  result: SimulationResult | null,
  print: { left: string; title: string; madeOn: string },
): void {
  const taken = new Set(workbook.worksheets.map((w) => w.name.toLowerCase()))
  const ws = workbook.addWorksheet(sheetName('Vooruitblik', taken))
  if (!result) {
    writeTitle(ws, 1, 'Vooruitblik: nog niet doorgerekend', 14)
    writeTitle(ws, 2, FORECAST_HOW_TO, 10)
    printable(ws, print)
    return
  }
  const course = result.scenarios[0]!
  const first = label(course.quarters[0]!.quarter)
  const last = label(course.quarters.at(-1)!.quarter)
  writeTitle(ws, 1, `Vooruitblik ${first} – ${last}`, 14)
  writeTitle(
    ws,
    2,
    `Doorgerekend vanaf ${result.startIso}: ${result.scenarios.length} scenario('s), ` +
      `${result.runs} runs elk (seed ${result.seed}); de band is 10–90 % van de runs. ${FORECAST_HOW_TO}`,
    10,
  )
  const rows = result.scenarios.flatMap((s) =>
    bandRows(s).map((r) => ({ ...r, scenario: s.scenario.name })),
  )
  const row = writeTable(ws, [SCENARIO_COLUMN, ...bandColumns()], rows, {
    headerRow: FORECAST_HEADER_ROW,
  })
  const name = course.scenario.name
  addChart(workbook, ws, bandChart(`Wachtlijst — ${name}`, course, 'waitingList', days), row + 1)
  addChart(
    workbook,
    ws,
    bandChart(`Wachttijd tot eerste aanbod, mediaan (dagen) — ${name}`, course, 'waitMedian', days),
    row + 22,
  )
  addChart(
    workbook,
    ws,
    comparisonChart('Wachtlijst eind kwartaal per scenario (mediaan)', result, 'waitingList', days),
    row + 43,
  )
  printable(ws, print, FORECAST_HEADER_ROW)
}

const FORECAST_HOW_TO =
  'De jaarrapportage neemt de laatste vooruitblik mee die onder Rapportages → Vooruitblik is doorgerekend.'

const SCENARIO_COLUMN: TableColumn<Row & { scenario: string }> = {
  header: 'Scenario',
  width: 24,
  format: 'text',
  value: (r) => r.scenario,
}

export async function writeSimulationWorkbook(result: SimulationResult): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Het Vierde Huis'
  addSimulationSheets(workbook, result)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
