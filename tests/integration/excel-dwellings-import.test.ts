import { eq } from 'drizzle-orm'
import type { Store } from '../../src/main/db/connection'
import { describe, expect, it } from 'vitest'
import { auditEvents, dwellings } from '../../src/main/db/schema'
import { dwellingsTemplate, importDwellings } from '../../src/main/services/import-service'
import { fillTemplate, payload } from '../support/excel-files'
import { dwellingRow } from '../support/excel-rows'
import { count, fingerprint, useExcelStore, type ExcelStore } from '../support/excel-store'
import { STORE_KINDS } from '../support/stores'

async function filled(s: ExcelStore<Store>, rows: ReturnType<typeof dwellingRow>[]) {
  const template = await dwellingsTemplate(s.ctx, {
    corporationId: s.mitros,
    quarterKey: '2026-Q4',
  })
  return fillTemplate(template.base64, 'Woningen', rows)
}

describe.each(STORE_KINDS)('importing a corporation’s dwellings (%s)', (kind) => {
  const store = useExcelStore()

  it('creates the dwellings of a filled-in template for its corporation and quarter', async () => {
    const s = await store(kind)
    const file = await filled(s, [
      dwellingRow(1),
      dwellingRow(2, { Wijk: 'leidsche rijn', Type: ' EENGEZINSWONING ' }),
    ])
    const report = await importDwellings(s.ctx, payload(file, 'woningen-Mitros-2026-Q4.xlsx'))

    expect(report).toEqual({
      kind: 'dwellings',
      fileName: 'woningen-Mitros-2026-Q4.xlsx',
      rows: 2,
      validRows: 2,
      errors: [],
      committed: true,
      created: 2,
      updated: 0,
      unchanged: 0,
    })
    const saved = await s.runtime.store.db.select().from(dwellings).orderBy(dwellings.address)
    expect(saved).toHaveLength(2)
    expect(saved[0]).toMatchObject({
      corporationId: s.mitros,
      quarterKey: '2026-Q4',
      address: 'Kanaalstraat 1',
      postcode: '3531 CJ',
      wijk: 'west',
      type: 'appartement',
      selfContained: true,
      hasLift: false,
      netRent: 601,
      availableFrom: '2027-01-15',
      suitableFor: 'uitstroom',
      status: 'ingediend',
      statusSince: '2026-11-23',
      submittedOn: '2026-11-23',
    })
    expect(saved[1]).toMatchObject({ wijk: 'leidsche-rijn', type: 'eengezinswoning' })

    // One audit event for the whole import, in Dutch, with counts and the file name.
    const events = await s.runtime.store.db.select().from(auditEvents)
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({
      action: 'dwellings:import',
      entityType: 'import',
      officer: 'Test Medewerker',
      at: '2026-11-23T09:00:00.000Z',
    })
    expect(events[0]!.summary).toBe(
      'Woningen geïmporteerd uit woningen-Mitros-2026-Q4.xlsx voor Mitros, 2026-Q4: 2 nieuw, 0 gewijzigd, 0 ongewijzigd',
    )
    expect(await count(s.runtime, 'quarters')).toBe(1)
  })

  it('creates nothing twice when the same file is imported again', async () => {
    const s = await store(kind)
    const file = await filled(s, [dwellingRow(1), dwellingRow(2), dwellingRow(3)])
    await importDwellings(s.ctx, payload(file))
    const again = await importDwellings(s.ctx, payload(file))
    expect(again).toMatchObject({
      committed: true,
      created: 0,
      updated: 0,
      unchanged: 3,
      errors: [],
    })
    expect(await count(s.runtime, 'dwellings')).toBe(3)
  })

  it('updates a submitted dwelling that changed, but not one already in a shortlist', async () => {
    const s = await store(kind)
    await importDwellings(s.ctx, payload(await filled(s, [dwellingRow(1), dwellingRow(2)])))
    const db = s.runtime.store.db
    await db
      .update(dwellings)
      .set({ status: 'in-voordracht' })
      .where(eq(dwellings.address, 'Kanaalstraat 2'))

    const changed = await filled(s, [
      dwellingRow(1, { 'Kale huur': 700, Adres: 'KANAALSTRAAT   1' }),
      dwellingRow(2, { 'Kale huur': 700 }),
      dwellingRow(3),
    ])
    const report = await importDwellings(s.ctx, payload(changed))
    expect(report).toMatchObject({ created: 1, updated: 1, unchanged: 1, errors: [] })
    const rent = async (address: string) =>
      (await db.select().from(dwellings).where(eq(dwellings.address, address)))[0]?.netRent
    expect(await rent('Kanaalstraat 1')).toBe(700)
    expect(await rent('Kanaalstraat 2')).toBe(602)
    expect(await count(s.runtime, 'dwellings')).toBe(3)
  })

  it('reports every row’s errors with the Excel row, the Dutch column and the schema’s message, and writes nothing', async () => {
    const s = await store(kind)
    const before = await fingerprint(s.runtime)
    const file = await filled(s, [
      dwellingRow(1),
      dwellingRow(2, { Postcode: '12345', 'Aantal kamers': 'drie', Wijk: 'Lombok' }),
      dwellingRow(3, { 'Geschikt voor': 'Instroom', 'Omklap mogelijk': 'nee', Lift: 'misschien' }),
      dwellingRow(4, { Adres: null, 'Kale huur': 'zeshonderd' }),
    ])
    const report = await importDwellings(s.ctx, payload(file))

    expect(report.committed).toBe(false)
    expect(report.rows).toBe(4)
    expect(report.validRows).toBe(1)
    expect(report.errors).toEqual([
      { row: 4, column: 'Postcode', message: 'Postcode moet de vorm 1234 AB hebben' },
      {
        row: 4,
        column: 'Wijk',
        message: expect.stringMatching(/^Wijk moet een van deze zijn: Binnenstad, Noordoost/),
      },
      { row: 4, column: 'Aantal kamers', message: 'Aantal kamers moet een getal zijn' },
      { row: 5, column: 'Lift', message: 'Lift moet ja of nee zijn' },
      { row: 6, column: 'Adres', message: 'Vul het adres in' },
      { row: 6, column: 'Kale huur', message: 'Kale huur moet een bedrag zijn' },
    ])
    // The rule across fields (instroom needs a flip dwelling) is checked once the row's types are right.
    const fixed = await filled(s, [
      dwellingRow(3, { 'Geschikt voor': 'Instroom', 'Omklap mogelijk': 'nee' }),
    ])
    expect((await importDwellings(s.ctx, payload(fixed))).errors).toEqual([
      {
        row: 3,
        column: 'Omklap mogelijk',
        message: 'Een woning alleen voor instroom moet omklap mogelijk maken',
      },
    ])
    expect(await fingerprint(s.runtime)).toEqual(before)
  })

  it('flags a dwelling listed twice in one file, whatever the spelling of the address', async () => {
    const s = await store(kind)
    const before = await fingerprint(s.runtime)
    const file = await filled(s, [
      dwellingRow(1),
      dwellingRow(2),
      dwellingRow(1, { Adres: 'KANAALSTRAAT 1', Postcode: '3531cj' }),
    ])
    const report = await importDwellings(s.ctx, payload(file))
    expect(report.errors).toEqual([
      {
        row: 5,
        column: 'Adres',
        message: 'Deze woning (zelfde adres en postcode) staat ook al in rij 3',
      },
    ])
    expect(report).toMatchObject({ committed: false, validRows: 2 })
    expect(await fingerprint(s.runtime)).toEqual(before)
  })
})
