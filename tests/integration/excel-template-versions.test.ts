import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { ApiError } from '../../src/shared/api/endpoint'
import { DwellingFieldsSchema } from '../../src/shared/domain/dwelling-input'
import { clients, dwellings } from '../../src/main/db/schema'
import { defineColumns, fieldsNewerThan, templateVersionOf } from '../../src/main/excel/columns'
import { DWELLING_COLUMNS, DWELLINGS_SHEET } from '../../src/main/excel/dwelling-columns'
import { readSheetRows } from '../../src/main/excel/sheet-rows'
import { readMetaRows, readTemplateMeta } from '../../src/main/excel/template-meta'
import {
  dwellingsTemplate,
  importClients,
  importDwellings,
} from '../../src/main/services/import-service'
import { planDwellings } from '../../src/main/services/dwellings-import'
import { edit, payload, readWorkbook } from '../support/excel-files'
import { useExcelStore } from '../support/excel-store'
import { STORE_KINDS } from '../support/stores'

/**
 * Templates already sent to corporations and care providers come back filled in, sometimes months
 * later. These fixtures were made (and filled in) by the app before template versions existed:
 * every later version of the app must still read them.
 */
const FIXTURES = join(__dirname, '../fixtures/templates')
const dwellingsV1 = () => readFileSync(join(FIXTURES, 'woningen-Mitros-2026-Q4-v1.xlsx'))
const clientsV1 = () => readFileSync(join(FIXTURES, 'aanmeldingen-Lister-v1.xlsx'))

/** A column as a later version might add it: a field with a value for "not filled in". */
const PetsSchema = DwellingFieldsSchema.extend({
  petsAllowed: z.boolean({ message: 'Huisdieren toegestaan moet ja of nee zijn' }).default(false),
})
const LATER_COLUMNS = [
  ...DWELLING_COLUMNS,
  ...defineColumns(PetsSchema, {
    petsAllowed: {
      header: 'Huisdieren toegestaan',
      kind: 'yesNo',
      width: 12,
      help: 'ja als huisdieren zijn toegestaan.',
      since: 2,
    },
  }),
]

describe.each(STORE_KINDS)('templates of an earlier version (%s)', (kind) => {
  const store = useExcelStore()

  it('imports a dwellings template made and filled in before template versions', async () => {
    const s = await store(kind)
    const report = await importDwellings(s.ctx, payload(dwellingsV1()))
    expect(report).toMatchObject({ committed: true, created: 2, errors: [] })
    const saved = await s.runtime.store.db.select().from(dwellings)
    expect(saved.map((d) => [d.corporationId, d.quarterKey])).toEqual([
      [s.mitros, '2026-Q4'],
      [s.mitros, '2026-Q4'],
    ])
  })

  it('imports a registration template made and filled in before template versions', async () => {
    const s = await store(kind)
    const report = await importClients(s.ctx, payload(clientsV1()))
    expect(report).toMatchObject({ committed: true, created: 2, errors: [] })
    const saved = await s.runtime.store.db.select().from(clients)
    expect(saved.every((c) => c.careProviderId === s.lister)).toBe(true)
  })

  it('reads a version 1 file with a column list that has a newer column, as if it were empty', async () => {
    expect(templateVersionOf(LATER_COLUMNS)).toBe(2)
    const workbook = await readWorkbook(dwellingsV1())
    const { templateVersion } = readTemplateMeta(workbook, 'dwellings')
    expect(templateVersion).toBe(1)

    const rows = readSheetRows(workbook, DWELLINGS_SHEET, LATER_COLUMNS, templateVersion)
    expect(rows).toHaveLength(2)
    for (const row of rows) {
      expect(row.errors).toEqual([])
      expect(row.values).not.toHaveProperty('petsAllowed')
      // The field's own default fills in what the older template could not ask.
      expect(PetsSchema.parse(row.values).petsAllowed).toBe(false)
    }
  })

  it('leaves a field the older template could not say as it is, when a dwelling is updated', async () => {
    const s = await store(kind)
    await importDwellings(s.ctx, payload(dwellingsV1()))
    const { db } = s.runtime.store
    // Changed in the app after the file was sent: the file has no say about it.
    await db.update(dwellings).set({ lowStimulus: true })
    const workbook = await readWorkbook(dwellingsV1())
    const rows = readSheetRows(workbook, DWELLINGS_SHEET, DWELLING_COLUMNS, 1).map((row) => ({
      row: row.row,
      data: DwellingFieldsSchema.extend({
        corporationId: z.number(),
        quarterKey: z.string(),
      }).parse({
        ...row.values,
        corporationId: s.mitros,
        quarterKey: '2026-Q4',
      }),
    }))
    const checked = { valid: rows, errors: [] }

    const saying = await planDwellings(db, checked, s.mitros, '2026-Q4', [])
    expect(saying.plan.update.map((u) => u.fields)).toEqual([['lowStimulus'], ['lowStimulus']])
    const unsaid = await planDwellings(db, checked, s.mitros, '2026-Q4', ['lowStimulus'])
    expect(unsaid.plan).toMatchObject({ update: [], unchanged: 2 })

    expect(fieldsNewerThan(LATER_COLUMNS, 1)).toEqual(['petsAllowed'])
    expect(fieldsNewerThan(LATER_COLUMNS, 2)).toEqual([])
  })

  it('still asks for the newer column in a file of the newer version', async () => {
    const newer = await edit(dwellingsV1(), (workbook) => {
      const meta = workbook.getWorksheet('meta')!
      meta.eachRow((row) => {
        if (row.getCell(1).value === 'templateVersion') row.getCell(2).value = 2
      })
    })
    const workbook = await readWorkbook(newer)
    const { templateVersion } = readTemplateMeta(workbook, 'dwellings')
    expect(templateVersion).toBe(2)
    expect(() => readSheetRows(workbook, DWELLINGS_SHEET, LATER_COLUMNS, templateVersion)).toThrow(
      new ApiError(
        'invalid-input',
        'De kolomkoppen in rij 1 van "Woningen" kloppen niet met het sjabloon: ontbrekende kolommen: "Huisdieren toegestaan". Verander de koppen niet; gebruik zo nodig een nieuw sjabloon.',
      ),
    )
  })

  it('still asks for every column of the file’s own version', async () => {
    const lacking = await edit(dwellingsV1(), (workbook) => {
      workbook.getWorksheet(DWELLINGS_SHEET)!.spliceColumns(2, 1)
    })
    await expect(importDwellings((await store(kind)).ctx, payload(lacking))).rejects.toThrow(
      /ontbrekende kolommen: "Postcode"/,
    )
  })

  it('refuses to define a newer column that older templates could not fill in', () => {
    const Required = DwellingFieldsSchema.extend({ petsAllowed: z.boolean() })
    expect(() =>
      defineColumns(Required, {
        petsAllowed: { header: 'Huisdieren', kind: 'yesNo', width: 8, help: '', since: 2 },
      }),
    ).toThrow(/nieuwer dan het eerste sjabloon/)
  })

  it('writes the version of its newest column into a new template', async () => {
    const s = await store(kind)
    const template = await dwellingsTemplate(s.ctx, {
      corporationId: s.mitros,
      quarterKey: '2026-Q4',
    })
    const meta = readMetaRows(await readWorkbook(template.base64))
    expect(meta[0]).toEqual(['templateVersion', templateVersionOf(DWELLING_COLUMNS)])
  })
})
