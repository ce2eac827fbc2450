import { describe, expect, it } from 'vitest'
import type { FileResult } from '../../src/shared/api'
import { useExportScenario } from '../support/exports-scenario'
import { isA4, printWithLibreOffice } from '../support/other-programs'
import { STORE_KINDS } from '../support/stores'

describe.each(STORE_KINDS)('the quarterly report workbook on paper (%s)', (kind) => {
  const scenario = useExportScenario()

  it('prints every chart whole on one A4 page, never cut by a page break', async () => {
    const s = await scenario({ present: false, kind })
    const file = await s.call<FileResult>('reports:quarter', { quarter: '2026-Q3' })

    const pages = printWithLibreOffice(Buffer.from(file.base64, 'base64'))

    for (const page of pages) expect(isA4(page)).toBe(true)
    const placements = pages.flatMap((page) => page.images)
    // Seventeen care providers make a tall chart: it is shown smaller, not spread over two pages.
    expect(placements.length).toBeGreaterThanOrEqual(5)
    expect(new Set(placements).size).toBe(placements.length)
  })
})
