/**
 * Simple horizontal bar charts as SVG text: pure, no DOM, so the same chart can be turned into a
 * PNG for the workbook and later shown as-is in the printable report. Horizontal because the
 * category labels (care providers, reasons, wijken) are long.
 */

export interface BarSeries {
  name: string
  /** One value per category; null draws no bar (no data), which is not the same as 0. */
  values: readonly (number | null)[]
  color: string
}

export interface BarChartSpec {
  title: string
  categories: readonly string[]
  series: readonly BarSeries[]
  /** How values are written at the bars and on the axis, e.g. as percentages. */
  format?: (value: number) => string
  width?: number
}

export interface Chart {
  svg: string
  width: number
  height: number
}

/** Colours that stay apart in grey print as well as for colour-blind readers. */
export const PALETTE = {
  blue: '#1f5f8b',
  orange: '#e08a1e',
  grey: '#9aa5b1',
  green: '#3a8a4f',
} as const

const FONT = 'DejaVu Sans, Arial, Helvetica, sans-serif'
const BAR = 14
const LINE = 13
/** Average width of a character at 11 px in the fonts used; good enough to size the label column. */
const CHAR_WIDTH = 6.6
const GAP = 10
const TITLE_HEIGHT = 34
const LEGEND_HEIGHT = 22
const AXIS_HEIGHT = 28

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

/** A round upper bound for the axis whose four ticks are round steps (1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten). */
export function niceMax(value: number, ticks = 4): number {
  if (!(value > 0)) return 1
  const raw = value / ticks
  const power = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((m) => m * power >= raw - 1e-12) ?? 10
  return step * power * ticks
}

/** Splits a label at spaces into at most two lines of about maxChars; beyond that it is cut with "…". */
export function wrapLabel(label: string, maxChars: number): string[] {
  if (label.length <= maxChars) return [label]
  const words = label.split(' ')
  const lines = ['']
  for (const word of words) {
    const current = lines[lines.length - 1]!
    if (current && (current + ' ' + word).length > maxChars && lines.length < 2) lines.push(word)
    else lines[lines.length - 1] = current ? `${current} ${word}` : word
  }
  return lines.map((line) => (line.length > maxChars ? `${line.slice(0, maxChars - 1)}…` : line))
}

const plain = (value: number) =>
  Number.isInteger(value) ? String(value) : value.toFixed(1).replace('.', ',')

export function barChart(spec: BarChartSpec): Chart {
  const width = spec.width ?? 640
  const format = spec.format ?? plain
  // Labels get at most about 40 % of the width; a longer one is wrapped over two lines.
  const maxChars = Math.floor((width * 0.4 - 12) / CHAR_WIDTH)
  const labels = spec.categories.map((c) => wrapLabel(c, maxChars))
  const longest = Math.max(0, ...labels.flat().map((line) => line.length))
  const x0 = longest * CHAR_WIDTH + 20
  const plotWidth = width - x0 - 56
  const legend = spec.series.length > 1 ? LEGEND_HEIGHT : 0
  const top = TITLE_HEIGHT + legend
  const lines = Math.max(1, ...labels.map((l) => l.length))
  const group = Math.max(spec.series.length * BAR, lines * LINE) + GAP
  const height = top + Math.max(1, spec.categories.length) * group + AXIS_HEIGHT
  const values = spec.series.flatMap((s) => s.values.filter((v): v is number => v !== null))
  const max = niceMax(Math.max(0, ...values))
  const x = (value: number) => x0 + (Math.max(0, value) / max) * plotWidth

  const parts: string[] = [
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    text(12, 22, spec.title, { size: 15, weight: 'bold' }),
  ]
  if (legend) {
    let lx = x0
    for (const s of spec.series) {
      parts.push(`<rect x="${lx}" y="${TITLE_HEIGHT}" width="12" height="12" fill="${s.color}"/>`)
      parts.push(text(lx + 16, TITLE_HEIGHT + 10, s.name, { size: 11 }))
      lx += 28 + s.name.length * CHAR_WIDTH
    }
  }
  for (let tick = 0; tick <= 4; tick++) {
    const value = (max * tick) / 4
    const tx = x(value)
    const bottom = height - AXIS_HEIGHT
    parts.push(`<line x1="${tx}" y1="${top - 4}" x2="${tx}" y2="${bottom}" stroke="#d5dbe1"/>`)
    parts.push(text(tx, bottom + 16, format(value), { size: 10, anchor: 'middle' }))
  }
  spec.categories.forEach((category, c) => {
    const gy = top + c * group
    const label = labels[c] ?? [category]
    label.forEach((line, l) => {
      const ly = gy + (group - GAP) / 2 + (l - (label.length - 1) / 2) * LINE
      parts.push(text(x0 - 6, ly, line, { size: 11, anchor: 'end' }))
    })
    spec.series.forEach((s, i) => {
      const value = s.values[c] ?? null
      if (value === null) return
      const y = gy + (group - GAP - spec.series.length * BAR) / 2 + i * BAR
      const w = Math.max(0, x(value) - x0)
      parts.push(
        `<rect class="bar" x="${x0}" y="${y}" width="${w.toFixed(1)}" height="${BAR - 2}" fill="${s.color}"/>`,
      )
      parts.push(text(x0 + w + 4, y + BAR / 2 + 1, format(value), { size: 10 }))
    })
  })
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
    `viewBox="0 0 ${width} ${height}" font-family="${FONT}">${parts.join('')}</svg>`
  return { svg, width, height }
}

function text(
  x: number,
  y: number,
  content: string,
  style: { size: number; weight?: 'bold'; anchor?: 'start' | 'middle' | 'end' },
): string {
  const weight = style.weight ? ` font-weight="${style.weight}"` : ''
  return (
    `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-size="${style.size}"${weight} ` +
    `text-anchor="${style.anchor ?? 'start'}" dominant-baseline="middle" fill="#1d2a36">` +
    `${escapeXml(content)}</text>`
  )
}
