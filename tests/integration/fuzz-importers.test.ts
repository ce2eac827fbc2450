import type { Workbook } from 'exceljs'
import fc from 'fast-check'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { clientsTemplate, dwellingsTemplate } from '../../src/main/services/import-service'
import { ImportReportSchema, type ApiResult } from '../../src/shared/api'
import { storeDigest } from '../support/db-digest'
import { edit, fillRows } from '../support/excel-files'
import { clientRow, dwellingRow } from '../support/excel-rows'
import { useExcelStore } from '../support/excel-store'
import { STORE_KINDS } from '../support/stores'
import { mutations } from '../support/workbook-mutations'

/** `npm run soak` raises this to thousands. */
const CASES = Number(process.env['FUZZ_IMPORT_CASES'] ?? 50)
/** Far above a normal import (well under a second here); a case that takes longer is a hang. */
const CASE_TIMEOUT_MS = 30_000

/** Words of a stack trace or an English library message: none may reach the officer. */
const NOT_FOR_OFFICERS =
  /\b(undefined|NaN|Error|TypeError|RangeError|Cannot|cannot|Unexpected|unexpected|Invalid|invalid|expected|is not a function|of null|\[object)\b/

function expectDutch(message: string, context: string): void {
  expect(message.trim(), context).not.toBe('')
  expect(message, context).not.toMatch(NOT_FOR_OFFICERS)
}

function withTimeout<T>(work: Promise<T>, context: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`hangt: ${context}`)), CASE_TIMEOUT_MS)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}

describe.each(STORE_KINDS)('hostile Excel files (%s)', (storeKind) => {
  const store = useExcelStore()

  it(
    `never crash or hang the importers and never change the database half-way (${CASES} files)`,
    { timeout: 60_000 + CASES * 2_000 },
    async () => {
      const s = await store(storeKind)
      const dwellings = (
        await dwellingsTemplate(s.ctx, { corporationId: s.mitros, quarterKey: '2026-Q4' })
      ).base64
      const clients = (await clientsTemplate(s.ctx, { careProviderId: s.lister })).base64
      const rows = (sheet: string, values: Record<string, unknown>[]) => (workbook: Workbook) =>
        fillRows(workbook.getWorksheet(sheet)!, values as never, 3)
      // Valid files and files a person could make in Excel: the starting points of the mutations.
      const seeds = [
        {
          kind: 'dwellings',
          file: await edit(dwellings, rows('Woningen', [dwellingRow(1), dwellingRow(2)])),
        },
        {
          kind: 'clients',
          file: await edit(clients, rows('Aanmeldingen', [clientRow(1), clientRow(2)])),
        },
        {
          kind: 'dwellings',
          file: await edit(
            dwellings,
            rows('Woningen', [dwellingRow(3, { Adres: 'x'.repeat(1_048_576) })]),
          ),
        },
        {
          kind: 'dwellings',
          file: await edit(
            dwellings,
            rows('Woningen', [
              dwellingRow(4, {
                'Aantal kamers': { formula: '1/0', result: { error: '#DIV/0!' } },
                'Kale huur': { formula: 'SUM(A1:A9)' },
                Postcode: { formula: 'CONCATENATE("35","31 CJ")', result: '3531 CJ' },
              }),
            ]),
          ),
        },
        {
          kind: 'clients',
          file: await edit(
            clients,
            rows('Aanmeldingen', [
              clientRow(5, {
                Geboortejaar: 'negentienvijfentachtig',
                'Maximale huur': true,
                Aanmelddatum: 'gisteren',
                'Aantal volwassenen': -3,
                Voorkeurswijken: { richText: [{ text: 'Oost' }, { text: ', Mars' }] },
                'Aantal kinderen': { error: '#N/A' },
                Cliëntcode: { text: 'klik', hyperlink: 'https://voorbeeld.invalid' },
              }),
            ]),
          ),
        },
      ] as const

      const tally = { cases: 0, refused: 0, reported: 0, committed: 0 }
      await fc.assert(
        fc.asyncProperty(
          fc.nat({ max: seeds.length - 1 }),
          mutations,
          fc.boolean(),
          fc.boolean(),
          async (seedIndex, changes, crossKind, dryRun) => {
            const seed = seeds[seedIndex]!
            const file = changes.reduce((bytes, m) => m.apply(bytes), seed.file)
            // Sometimes the other importer: a clients file where dwellings are expected.
            const kind = crossKind
              ? seed.kind === 'dwellings'
                ? 'clients'
                : 'dwellings'
              : seed.kind
            const context = `${kind} ← ${seed.kind} #${seedIndex}: ${changes.map((m) => m.label).join(', ')}`
            const before = await storeDigest(s.runtime)
            const route = s.runtime.routes.get(`${kind}:import`)!
            const result = (await withTimeout(
              route({ fileName: 'vijandig.xlsx', base64: file.toString('base64'), dryRun }),
              context,
            )) as ApiResult<unknown>
            tally.cases++
            if (!result.ok) {
              tally.refused++
              expect(['invalid-input', 'not-found', 'conflict'], context).toContain(
                result.error.code,
              )
              expectDutch(result.error.message, context)
              expect(await storeDigest(s.runtime), context).toEqual(before)
              return
            }
            const report = ImportReportSchema.parse(result.data)
            for (const e of report.errors) expectDutch(e.message, context)
            if (report.committed) tally.committed++
            else {
              tally.reported++
              expect(await storeDigest(s.runtime), context).toEqual(before)
            }
          },
        ),
        { numRuns: CASES, endOnFailure: true },
      )

      console.log(
        `fuzz importers (${storeKind}): ${tally.cases} files — ${tally.refused} refused, ${tally.reported} reported ` +
          `without writing, ${tally.committed} still valid and imported; no crash, hang or partial write`,
      )
      const reportDir = process.env['SOAK_REPORT_DIR']
      if (reportDir) {
        // One report for both stores: the files add up.
        const report = join(reportDir, 'fuzz-importers.json')
        const earlier = existsSync(report)
          ? (JSON.parse(readFileSync(report, 'utf8')) as typeof tally)
          : null
        const sum = earlier
          ? Object.fromEntries(
              Object.entries(tally).map(([key, n]) => [
                key,
                n + earlier[key as keyof typeof tally],
              ]),
            )
          : tally
        writeFileSync(report, JSON.stringify(sum))
      }
    },
  )
})
