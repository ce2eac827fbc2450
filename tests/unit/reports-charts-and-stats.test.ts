import { describe, expect, it } from 'vitest'
import { chartPng } from '../../src/main/reports/png'
import { bucketise, percentile, waitStats } from '../../src/main/reports/stats'
import { barChart, escapeXml, niceMax, wrapLabel } from '../../src/main/reports/svg-charts'

describe('the report statistics', () => {
  it('interpolates percentiles as Excel’s PERCENTILE.INC and MEDIAN do', () => {
    expect(percentile([], 0.5)).toBeNull()
    expect(percentile([7], 0.75)).toBe(7)
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5)
    // PERCENTILE.INC({10,20,30,40,50}, 0.75) = 40; ({1,2,3,4}, 0.75) = 3.25
    expect(percentile([50, 10, 40, 20, 30], 0.75)).toBe(40)
    expect(percentile([4, 3, 2, 1], 0.75)).toBe(3.25)
  })

  it('counts an offer on day 91 as within the three-month ambition, day 92 not', () => {
    expect(waitStats([91, 92]).within91).toBe(0.5)
    expect(bucketise([0, 30, 31, 91, 92, 365, 366]).map((b) => b.count)).toEqual([2, 1, 1, 1, 1, 1])
  })
})

describe('the SVG bar chart', () => {
  const chart = barChart({
    title: 'Wonen & <zorg>',
    categories: ['Mitros', '“Bo-Ex”'],
    series: [
      { name: 'Quotum', values: [30, 10], color: '#999999' },
      { name: 'Verhuurd', values: [12, null], color: '#1f5f8b' },
    ],
  })

  it('escapes labels, and draws no bar where there is no value', () => {
    expect(escapeXml('a & <b> "c"')).toBe('a &amp; &lt;b&gt; &quot;c&quot;')
    expect(chart.svg).toContain('Wonen &amp; &lt;zorg&gt;')
    expect(chart.svg.match(/class="bar"/g)).toHaveLength(3)
  })

  it('rounds the axis up to a readable maximum', () => {
    expect(niceMax(30)).toBe(32)
    expect(niceMax(0.22)).toBeCloseTo(0.24)
    expect(niceMax(84.7)).toBe(100)
    expect(niceMax(0)).toBe(1)
  })

  it('wraps a long label over two lines instead of cutting it off', () => {
    expect(wrapLabel('Te veel bijzondere plaatsingen in complex of portiek', 30)).toEqual([
      'Te veel bijzondere plaatsingen',
      'in complex of portiek',
    ])
    expect(wrapLabel('Mitros', 30)).toEqual(['Mitros'])
    expect(wrapLabel('a'.repeat(40), 10)).toEqual([`${'a'.repeat(9)}…`])
  })

  it('renders to a PNG at twice its size', () => {
    const png = chartPng(chart)
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    expect(png.readUInt32BE(16)).toBe(chart.width * 2)
    expect(png.readUInt32BE(20)).toBe(chart.height * 2)
  })
})
