import { Resvg } from '@resvg/resvg-js'
import type { Chart } from './svg-charts'

/**
 * Renders a chart to PNG with resvg (Rust, shipped as prebuilt N-API binaries in the npm package:
 * no browser, no canvas, no native build, and the same module loads in Node and in Electron).
 * Twice the display size, so the chart stays sharp when the workbook is printed.
 */
export function chartPng(chart: Chart, scale = 2): Buffer {
  const resvg = new Resvg(chart.svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    // The system's fonts: Arial/Segoe on Windows, DejaVu on Linux. Without any font the bars are
    // still drawn, only the labels are missing.
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  })
  return Buffer.from(resvg.render().asPng())
}
