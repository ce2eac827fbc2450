import type { ReactNode } from 'react'
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  LabelList,
  Legend,
  Line,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import type { CorporationFigures, QuarterFigures } from '../../../shared/api'
import { formatNumber } from '../format'
import './figures.css'

/**
 * Bar and line charts for the report and the dashboard, drawn by recharts as SVG. Each chart has
 * a fixed drawing size; the SVG's viewBox lets CSS scale it to the column or the paper width, so
 * it prints crisply and the same on screen and on A4 (no resize observer that print would miss).
 * No animation: a chart printed or saved as PDF mid-animation would show half-grown bars.
 */

/** Dark for what happened, light for what it is measured against; both readable in grey print. */
export const CHART_COLORS = {
  actual: '#2f5d8a',
  middle: '#7f9fbf',
  reference: '#c5d2df',
  line: '#b35900',
  grid: '#d9dee4',
  text: '#2a3440',
} as const

const tick = { fontSize: 11, fill: CHART_COLORS.text }
const legend = { fontSize: 12, color: CHART_COLORS.text }
const tooltipNumber = (value: unknown) => (typeof value === 'number' ? formatNumber(value) : '')
const tooltipPercent = (value: unknown) =>
  typeof value === 'number' ? `${formatNumber(value)}%` : ''
const labelIfAny = (value: unknown) =>
  typeof value === 'number' && value !== 0 ? formatNumber(value) : ''

export interface ChartSize {
  width: number
  height: number
}

interface ChartFigureProps extends ChartSize {
  title: string
  /** What the chart shows, for screen readers; the numbers themselves are in a table nearby. */
  summary: string
  /** A link or a note under the chart. */
  footer?: ReactNode
  children: ReactNode
}

/** A titled chart. The drawing is one image for assistive technology, with its summary as name. */
export function ChartFigure({ title, summary, footer, width, children }: ChartFigureProps) {
  return (
    <figure className="chart" style={{ maxWidth: width }}>
      <figcaption className="chart-title">{title}</figcaption>
      <div className="chart-drawing" role="img" aria-label={summary}>
        {children}
      </div>
      {footer && <div className="chart-footer">{footer}</div>}
    </figure>
  )
}

const margin = { top: 18, right: 12, bottom: 4, left: 0 }

type CorporationSeries = 'quota' | 'submitted' | 'allocated'

const CORPORATION_SERIES: Record<CorporationSeries, { name: string; color: string }> = {
  quota: { name: 'Quotum', color: CHART_COLORS.reference },
  submitted: { name: 'Ingediend', color: CHART_COLORS.middle },
  allocated: { name: 'Toegewezen', color: CHART_COLORS.actual },
}

/** Per corporation: quota beside what was submitted and/or allocated. */
export function CorporationChart({
  corporations,
  series,
  size,
  title,
  footer,
}: {
  corporations: readonly CorporationFigures[]
  series: readonly CorporationSeries[]
  size: ChartSize
  title: string
  footer?: ReactNode
}) {
  const data = corporations.map((c) => ({
    name: c.corporation,
    quota: c.quota,
    submitted: c.submitted,
    allocated: c.allocated,
  }))
  const names = series.map((key) => CORPORATION_SERIES[key].name.toLowerCase()).join(', ')
  return (
    <ChartFigure
      title={title}
      summary={`Staafdiagram per corporatie: ${names}.`}
      footer={footer}
      {...size}
    >
      <BarChart {...size} data={data} margin={margin} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
        <XAxis dataKey="name" tick={tick} interval={0} tickLine={false} />
        <YAxis tick={tick} allowDecimals={false} width={40} />
        <Tooltip formatter={tooltipNumber} isAnimationActive={false} />
        <Legend wrapperStyle={legend} itemSorter={null} />
        {series.map((key) => (
          <Bar
            key={key}
            dataKey={key}
            name={CORPORATION_SERIES[key].name}
            fill={CORPORATION_SERIES[key].color}
            isAnimationActive={false}
          >
            <LabelList dataKey={key} position="top" style={tick} formatter={labelIfAny} />
          </Bar>
        ))}
      </BarChart>
    </ChartFigure>
  )
}

export interface Bucket {
  label: string
  fromDays: number
  toDays: number | null
  count: number
}

/** The three-month ambition: buckets ending on or before it are "on time". */
const AMBITION = 91

/** Waiting time in buckets; on time and too late as two colours, so it reads without a legend. */
export function WaitingChart({
  buckets,
  size,
  title,
  countWord,
  footer,
}: {
  buckets: readonly Bucket[]
  size: ChartSize
  title: string
  /** "aanbiedingen", "wachtenden": what the bars count. */
  countWord: string
  footer?: ReactNode
}) {
  const data = buckets.map((b) => ({
    // "92–182 dagen (3–6 mnd)" is too long under a bar: the days only, the unit in the title.
    name: b.toDays === null ? `> ${b.fromDays - 1}` : `${b.fromDays}–${b.toDays}`,
    within: b.toDays !== null && b.toDays <= AMBITION ? b.count : 0,
    beyond: b.toDays !== null && b.toDays <= AMBITION ? 0 : b.count,
  }))
  return (
    <ChartFigure
      title={title}
      summary={`Staafdiagram: aantal ${countWord} per wachttijdklasse, binnen en na 91 dagen.`}
      footer={footer}
      {...size}
    >
      <BarChart {...size} data={data} margin={margin} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
        <XAxis dataKey="name" tick={tick} interval={0} tickLine={false} />
        <YAxis tick={tick} allowDecimals={false} width={40} />
        <Tooltip formatter={tooltipNumber} isAnimationActive={false} />
        <Legend wrapperStyle={legend} itemSorter={null} />
        <Bar
          dataKey="within"
          name="Binnen 91 dagen"
          stackId="wait"
          fill={CHART_COLORS.actual}
          isAnimationActive={false}
        >
          <LabelList dataKey="within" position="top" style={tick} formatter={labelIfAny} />
        </Bar>
        <Bar
          dataKey="beyond"
          name="Na 91 dagen"
          stackId="wait"
          fill={CHART_COLORS.reference}
          isAnimationActive={false}
        >
          <LabelList dataKey="beyond" position="top" style={tick} formatter={labelIfAny} />
        </Bar>
      </BarChart>
    </ChartFigure>
  )
}

const percent = (share: number | null) => (share == null ? null : Math.round(share * 1000) / 10)

/** Spreading: each wijk's share of the allocations beside its norm and its share of the social stock. */
export function WijkChart({
  wijken,
  size,
  title,
}: {
  wijken: QuarterFigures['wijken']
  size: ChartSize
  title: string
}) {
  const data = wijken.map((w) => ({
    name: w.label,
    allocations: percent(w.allocationShare),
    norm: percent(w.norm),
    stock: percent(w.stockShare),
  }))
  return (
    <ChartFigure
      title={title}
      summary="Staafdiagram per wijk: aandeel in de toewijzingen naast de spreidingsnorm en het aandeel in de sociale huurvoorraad, in procenten."
      {...size}
    >
      <BarChart {...size} data={data} margin={margin} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
        <XAxis
          dataKey="name"
          tick={tick}
          interval={0}
          tickLine={false}
          angle={-30}
          textAnchor="end"
          height={62}
        />
        <YAxis tick={tick} width={40} unit="%" />
        <Tooltip formatter={tooltipPercent} isAnimationActive={false} />
        <Legend wrapperStyle={legend} itemSorter={null} verticalAlign="top" />
        <Bar
          dataKey="allocations"
          name="Aandeel toewijzingen"
          fill={CHART_COLORS.actual}
          isAnimationActive={false}
        />
        <Bar
          dataKey="norm"
          name="Norm spreiding"
          fill={CHART_COLORS.middle}
          isAnimationActive={false}
        />
        <Bar
          dataKey="stock"
          name="Aandeel voorraad"
          fill={CHART_COLORS.reference}
          isAnimationActive={false}
        />
      </BarChart>
    </ChartFigure>
  )
}

export interface TrendPoint {
  label: string
  allocated: number
  quota: number
  within91: number | null
}

/** Per quarter: allocations (bars, left axis) and the share offered within 91 days (line, right). */
export function TrendChart({
  points,
  size,
  title,
  footer,
}: {
  points: readonly TrendPoint[]
  size: ChartSize
  title: string
  footer?: ReactNode
}) {
  const data = points.map((p) => ({ ...p, within91: percent(p.within91) }))
  return (
    <ChartFigure
      title={title}
      summary="Per kwartaal: quotum en toewijzingen als staven, aandeel binnen 91 dagen aangeboden als lijn in procenten."
      footer={footer}
      {...size}
    >
      <ComposedChart {...size} data={data} margin={margin} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
        <XAxis dataKey="label" tick={tick} interval={0} tickLine={false} />
        <YAxis yAxisId="count" tick={tick} allowDecimals={false} width={40} />
        <YAxis
          yAxisId="share"
          orientation="right"
          tick={tick}
          width={44}
          unit="%"
          domain={[0, 100]}
        />
        <Tooltip
          formatter={(value, name) =>
            name === 'Binnen 91 dagen' ? tooltipPercent(value) : tooltipNumber(value)
          }
          isAnimationActive={false}
        />
        <Legend wrapperStyle={legend} itemSorter={null} />
        <Bar
          yAxisId="count"
          dataKey="quota"
          name="Quotum"
          fill={CHART_COLORS.reference}
          isAnimationActive={false}
        />
        <Bar
          yAxisId="count"
          dataKey="allocated"
          name="Toewijzingen"
          fill={CHART_COLORS.actual}
          isAnimationActive={false}
        >
          <LabelList dataKey="allocated" position="top" style={tick} formatter={labelIfAny} />
        </Bar>
        <Line
          yAxisId="share"
          dataKey="within91"
          name="Binnen 91 dagen"
          stroke={CHART_COLORS.line}
          strokeWidth={2}
          dot={{ r: 3, fill: CHART_COLORS.line }}
          connectNulls={false}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ChartFigure>
  )
}
