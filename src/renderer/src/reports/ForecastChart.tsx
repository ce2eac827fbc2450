import { Area, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts'
import type { Band, QuarterBands, ScenarioResult } from '../../../shared/api'
import { parseQuarter, quarterLabel } from '../../../shared/domain/quarter'
import { ChartFigure } from './charts'

/** One colour per scenario; the current course first, in the report's own dark blue. */
export const SCENARIO_COLORS = ['#2f5d8a', '#b35900', '#3a8a4f', '#7b4fa0'] as const

export type Measure = 'waitingList' | 'waitMedian' | 'waitP90' | 'offeredWithin91' | 'allocated'

const WIDTH = 720
const HEIGHT = 260

/**
 * A measure per quarter for every scenario: the band from the 10th to the 90th percentile of the
 * runs as a light area, the median as a line. No animation, as in the report's charts.
 */
export function ForecastChart({
  title,
  measure,
  scenarios,
  format,
}: {
  title: string
  measure: Measure
  scenarios: readonly ScenarioResult[]
  format: (value: number) => string
}) {
  const quarters = scenarios[0]?.quarters ?? []
  const rows = quarters.map((q, i) => {
    const row: Record<string, string | number | [number, number] | null> = {
      quarter: quarterLabel(parseQuarter(q.quarter)),
    }
    scenarios.forEach((s, k) => {
      const b = (s.quarters[i] as QuarterBands)[measure] as Band
      row[`band${k}`] = b.p10 === null || b.p90 === null ? null : [b.p10, b.p90]
      row[`mid${k}`] = b.p50
    })
    return row
  })
  const summary = scenarios
    .map((s) => {
      const last = s.quarters.at(-1)?.[measure] as Band | undefined
      return `${s.scenario.name}: ${last?.p50 === null || !last ? 'onbekend' : format(last.p50)} in het laatste kwartaal`
    })
    .join('; ')
  return (
    <ChartFigure title={title} summary={`${title}. ${summary}`} width={WIDTH} height={HEIGHT}>
      <ComposedChart
        width={WIDTH}
        height={HEIGHT}
        data={rows}
        margin={{ top: 12, right: 16, bottom: 4, left: 8 }}
      >
        <CartesianGrid stroke="#d9dee4" vertical={false} />
        <XAxis dataKey="quarter" tick={{ fontSize: 11 }} padding={{ left: 40, right: 40 }} />
        <YAxis tick={{ fontSize: 11 }} tickFormatter={(v: number) => format(v)} width={56} />
        <Tooltip
          formatter={(value: unknown) =>
            Array.isArray(value)
              ? `${format(Number(value[0]))} – ${format(Number(value[1]))}`
              : typeof value === 'number'
                ? format(value)
                : ''
          }
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {scenarios.map((s, k) => (
          <Area
            key={`band${k}`}
            dataKey={`band${k}`}
            name={`${s.scenario.name} (10–90%)`}
            stroke="none"
            fill={SCENARIO_COLORS[k % SCENARIO_COLORS.length]}
            fillOpacity={0.18}
            isAnimationActive={false}
            legendType="none"
          />
        ))}
        {scenarios.map((s, k) => (
          <Line
            key={`mid${k}`}
            dataKey={`mid${k}`}
            name={s.scenario.name}
            stroke={SCENARIO_COLORS[k % SCENARIO_COLORS.length]}
            strokeWidth={2}
            dot={{ r: 3 }}
            isAnimationActive={false}
          />
        ))}
      </ComposedChart>
    </ChartFigure>
  )
}
