import { describe, expect, it } from 'vitest'
import { describeForOfficer } from '../../src/main/api/system-errors'
import type { Store } from '../../src/main/db/connection'
import { auditEvents, dwellings } from '../../src/main/db/schema'
import {
  clientsTemplate,
  dwellingsTemplate,
  importDwellings,
} from '../../src/main/services/import-service'
import { edit, fillRows, fillTemplate, payload } from '../support/excel-files'
import { dwellingRow } from '../support/excel-rows'
import { count, fingerprint, useExcelStore, type ExcelStore } from '../support/excel-store'
import { sqlRun } from '../support/sql-rows'
import { STORE_KINDS } from '../support/stores'

async function filled(s: ExcelStore<Store>, rows: ReturnType<typeof dwellingRow>[]) {
  const template = await dwellingsTemplate(s.ctx, {
    corporationId: s.mitros,
    quarterKey: '2026-Q4',
  })
  return fillTemplate(template.base64, 'Woningen', rows)
}

describe.each(STORE_KINDS)(
  'import options: valid rows only, preview, owner and all-or-nothing (%s)',
  (kind) => {
    const store = useExcelStore()

    it('imports only the valid rows with validOnly, and still reports the rest', async () => {
      const s = await store(kind)
      const file = await filled(s, [
        dwellingRow(1),
        dwellingRow(2, { Postcode: 'onbekend' }),
        dwellingRow(3),
      ])
      const report = await importDwellings(s.ctx, payload(file, 'deels.xlsx', { validOnly: true }))
      expect(report).toMatchObject({ committed: true, rows: 3, validRows: 2, created: 2 })
      expect(report.errors).toEqual([
        { row: 4, column: 'Postcode', message: 'Postcode moet de vorm 1234 AB hebben' },
      ])
      expect(await count(s.runtime, 'dwellings')).toBe(2)
      const [event] = (await s.runtime.store.db.select().from(auditEvents)) as [
        typeof auditEvents.$inferSelect,
      ]
      expect(event.summary).toMatch(
        /2 nieuw, 0 gewijzigd, 0 ongewijzigd; 1 rij\(en\) met fouten overgeslagen$/,
      )
    })

    it('writes nothing on a dry run but says what would happen', async () => {
      const s = await store(kind)
      const before = await fingerprint(s.runtime)
      const file = await filled(s, [dwellingRow(1), dwellingRow(2)])
      const report = await importDwellings(s.ctx, payload(file, 'proef.xlsx', { dryRun: true }))
      expect(report).toMatchObject({ committed: false, created: 2, errors: [] })
      expect(await fingerprint(s.runtime)).toEqual(before)
    })

    it('refuses an address another corporation already submitted for the quarter', async () => {
      const s = await store(kind)
      const portaal = await dwellingsTemplate(s.ctx, {
        corporationId: s.portaal,
        quarterKey: '2026-Q4',
      })
      await importDwellings(
        s.ctx,
        payload(await fillTemplate(portaal.base64, 'Woningen', [dwellingRow(1)])),
      )
      const before = await fingerprint(s.runtime)
      const report = await importDwellings(s.ctx, payload(await filled(s, [dwellingRow(1)])))
      expect(report.errors).toEqual([
        {
          row: 3,
          column: 'Adres',
          message: 'Deze woning is voor 2026-Q4 al voorgedragen door Portaal',
        },
      ])
      expect(await fingerprint(s.runtime)).toEqual(before)
    })

    it('writes nothing at all when the transaction fails halfway', async () => {
      const s = await store(kind)
      // The audit row is written last: failing it proves the dwellings before it are rolled back too.
      if (kind === 'sqlite')
        await sqlRun(
          s.runtime,
          "CREATE TEMP TRIGGER refuse_audit BEFORE INSERT ON audit_events BEGIN SELECT RAISE(ABORT, 'schijf vol'); END",
        )
      else {
        await sqlRun(
          s.runtime,
          "CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'schijf vol'; END $$",
        )
        await sqlRun(
          s.runtime,
          'CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION refuse_audit()',
        )
      }
      const before = await fingerprint(s.runtime)
      const file = await filled(s, [dwellingRow(1), dwellingRow(2)])
      const error: unknown = await importDwellings(s.ctx, payload(file)).catch((e: unknown) => e)
      // The database's own error, as the command line tells it (on PostgreSQL drizzle wraps it).
      expect(describeForOfficer(error)).toBe('schijf vol')
      expect(await fingerprint(s.runtime)).toEqual(before)
    })

    it('takes corporation and quarter from the input when the file does not carry them', async () => {
      const s = await store(kind)
      const template = await dwellingsTemplate(s.ctx, {
        corporationId: s.mitros,
        quarterKey: '2026-Q4',
      })
      const bare = await edit(template.base64, (workbook) => {
        workbook.removeWorksheet(workbook.getWorksheet('meta')!.id)
        fillRows(workbook.getWorksheet('Woningen')!, [dwellingRow(1)])
      })
      await expect(importDwellings(s.ctx, payload(bare))).rejects.toMatchObject({
        code: 'invalid-input',
        message:
          'Het bestand zegt niet van welke corporatie het is. Kies de corporatie bij het importeren.',
      })
      await expect(
        importDwellings(s.ctx, { ...payload(bare), corporationId: s.portaal }),
      ).rejects.toThrow(
        'Het bestand zegt niet voor welk kwartaal het is. Kies het kwartaal bij het importeren.',
      )
      const report = await importDwellings(s.ctx, {
        ...payload(bare),
        corporationId: s.portaal,
        quarterKey: '2027-Q1',
      })
      expect(report).toMatchObject({ committed: true, created: 1 })
      expect((await s.runtime.store.db.select().from(dwellings))[0]).toMatchObject({
        corporationId: s.portaal,
        quarterKey: '2027-Q1',
      })
    })

    it('lets the input override the template’s own corporation and quarter', async () => {
      const s = await store(kind)
      const file = await filled(s, [dwellingRow(1)])
      await importDwellings(s.ctx, {
        ...payload(file),
        corporationId: s.portaal,
        quarterKey: '2027-Q2',
      })
      expect((await s.runtime.store.db.select().from(dwellings))[0]).toMatchObject({
        corporationId: s.portaal,
        quarterKey: '2027-Q2',
      })
      await expect(
        importDwellings(s.ctx, { ...payload(file), corporationId: 999 }),
      ).rejects.toMatchObject({ code: 'not-found' })
    })

    it('refuses a clients template offered as dwellings', async () => {
      const s = await store(kind)
      const clients = await clientsTemplate(s.ctx, { careProviderId: s.lister })
      await expect(
        importDwellings(s.ctx, payload(Buffer.from(clients.base64, 'base64'))),
      ).rejects.toThrow(
        /Dit is een sjabloon voor aanmeldingen \(van een zorgaanbieder\), niet voor woningen/,
      )
    })
  },
)
