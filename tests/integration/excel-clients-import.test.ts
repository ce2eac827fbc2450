import { eq } from 'drizzle-orm'
import type { Store } from '../../src/main/db/connection'
import { describe, expect, it } from 'vitest'
import { auditEvents, clients } from '../../src/main/db/schema'
import { clientsTemplate, importClients } from '../../src/main/services/import-service'
import { fillTemplate, payload } from '../support/excel-files'
import { clientRow } from '../support/excel-rows'
import { count, fingerprint, useExcelStore, type ExcelStore } from '../support/excel-store'
import { STORE_KINDS } from '../support/stores'

async function filled(
  s: ExcelStore<Store>,
  rows: ReturnType<typeof clientRow>[],
  providerId = s.lister,
) {
  const template = await clientsTemplate(s.ctx, { careProviderId: providerId })
  return fillTemplate(template.base64, 'Aanmeldingen', rows)
}

describe.each(STORE_KINDS)('importing a care provider’s registrations (%s)', (kind) => {
  const store = useExcelStore()
  const byCode = async (s: ExcelStore<Store>, code: string) =>
    (await s.runtime.store.db.select().from(clients).where(eq(clients.code, code)))[0]

  it('registers the clients of a filled-in template as waiting, for that provider', async () => {
    const s = await store(kind)
    const file = await filled(s, [
      clientRow(1),
      clientRow(2, {
        Doelgroep: 'housing first',
        'In- of uitstroom': 'instroom',
        Voorkeurswijken: null,
        'Uitgesloten wijken': 'overvecht; Vleuten-De Meern',
        'Uitsluiting om veiligheidsredenen': 'ja',
        'Intensiteit begeleiding': null,
        'Duur begeleiding (maanden)': null,
      }),
    ])
    const report = await importClients(s.ctx, payload(file, 'aanmeldingen-Lister.xlsx'))
    expect(report).toMatchObject({
      kind: 'clients',
      rows: 2,
      validRows: 2,
      errors: [],
      committed: true,
      created: 2,
    })

    expect(await byCode(s, 'LIS-001')).toMatchObject({
      careProviderId: s.lister,
      supportProviderId: s.lister,
      name: null,
      targetGroup: 'uitstroom-bw',
      flow: 'uitstroom',
      registeredOn: '2026-06-02',
      status: 'wachtend',
      statusSince: '2026-06-02',
      maxRent: 650,
      preferredWijken: '["oost","zuid"]',
      excludedWijken: '[]',
      supportIntensity: 'middel',
      supportMonths: 24,
    })
    expect(await byCode(s, 'LIS-002')).toMatchObject({
      targetGroup: 'housing-first',
      flow: 'instroom',
      preferredWijken: '[]',
      excludedWijken: '["overvecht","vleuten-de-meern"]',
      exclusionForSafety: true,
      supportIntensity: null,
      supportMonths: null,
    })

    const [event] = await s.runtime.store.db.select().from(auditEvents)
    expect(event).toMatchObject({ action: 'clients:import', entityType: 'import' })
    expect(event!.summary).toBe(
      'Aanmeldingen geïmporteerd uit aanmeldingen-Lister.xlsx voor Lister: 2 nieuw, 0 gewijzigd, 0 ongewijzigd',
    )
    // The trail keeps events, never client codes.
    expect(`${event!.summary} ${event!.details}`).not.toMatch(/LIS-/)
  })

  it('creates no one twice on a second import, and corrects only clients who still wait', async () => {
    const s = await store(kind)
    const file = await filled(s, [clientRow(1), clientRow(2), clientRow(3)])
    await importClients(s.ctx, payload(file))
    expect(await importClients(s.ctx, payload(file))).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 3,
    })

    const db = s.runtime.store.db
    await db.update(clients).set({ name: 'Alleen in de app' }).where(eq(clients.code, 'LIS-001'))
    await db.update(clients).set({ status: 'on-hold' }).where(eq(clients.code, 'LIS-002'))
    await db.update(clients).set({ status: 'voorgedragen' }).where(eq(clients.code, 'LIS-003'))
    const changed = await filled(s, [
      clientRow(1, { 'Maximale huur': 700, Cliëntcode: 'lis-001' }),
      clientRow(2, { 'Maximale huur': 700 }),
      clientRow(3, { 'Maximale huur': 700 }),
    ])
    expect(await importClients(s.ctx, payload(changed))).toMatchObject({
      created: 0,
      updated: 2,
      unchanged: 1,
    })
    expect(await byCode(s, 'LIS-001')).toMatchObject({
      maxRent: 700,
      name: 'Alleen in de app',
      code: 'LIS-001',
    })
    expect(await byCode(s, 'LIS-002')).toMatchObject({ maxRent: 700, status: 'on-hold' })
    expect(await byCode(s, 'LIS-003')).toMatchObject({ maxRent: 650, status: 'voorgedragen' })
    expect(await count(s.runtime, 'clients')).toBe(3)
  })

  it('reports wrong wijken, doubled codes and codes of another provider, and writes nothing', async () => {
    const s = await store(kind)
    await importClients(
      s.ctx,
      payload(await filled(s, [clientRow(9, { Cliëntcode: 'KW-1' })], s.kwintes)),
    )
    const before = await fingerprint(s.runtime)
    const file = await filled(s, [
      clientRow(1, { Voorkeurswijken: 'Oost, Lombok' }),
      clientRow(2, { Voorkeurswijken: 'Oost', 'Uitgesloten wijken': 'oost' }),
      clientRow(3, { Cliëntcode: 'LIS 003', Geboortejaar: 1850 }),
      clientRow(4),
      clientRow(4, { Doelgroep: 'Uitstroom MO' }),
      clientRow(5, { Cliëntcode: 'kw-1' }),
    ])
    const report = await importClients(s.ctx, payload(file))
    expect(report.errors).toEqual([
      {
        row: 3,
        column: 'Voorkeurswijken',
        message: expect.stringMatching(/^Wijk moet een van deze zijn: Binnenstad/),
      },
      {
        row: 4,
        column: 'Uitgesloten wijken',
        message: 'Een wijk kan niet tegelijk voorkeur en uitgesloten zijn',
      },
      {
        row: 5,
        column: 'Cliëntcode',
        message: 'Cliëntcode mag alleen letters, cijfers en streepjes bevatten',
      },
      { row: 5, column: 'Geboortejaar', message: 'Geboortejaar moet minstens 1920 zijn' },
      { row: 7, column: 'Cliëntcode', message: 'Deze cliëntcode staat ook al in rij 6' },
      {
        row: 8,
        column: 'Cliëntcode',
        message: 'Cliëntcode kw-1 is al aangemeld door een andere zorgaanbieder',
      },
    ])
    expect(report).toMatchObject({ rows: 6, validRows: 1, committed: false })
    expect(await fingerprint(s.runtime)).toEqual(before)

    const partial = await importClients(s.ctx, payload(file, 'deels.xlsx', { validOnly: true }))
    expect(partial).toMatchObject({ committed: true, created: 1 })
    expect(await byCode(s, 'LIS-004')).toMatchObject({ targetGroup: 'uitstroom-bw' })
  })

  it('previews without writing on a dry run', async () => {
    const s = await store(kind)
    const before = await fingerprint(s.runtime)
    const report = await importClients(
      s.ctx,
      payload(await filled(s, [clientRow(1)]), 'x.xlsx', { dryRun: true }),
    )
    expect(report).toMatchObject({ committed: false, created: 1, errors: [] })
    expect(await fingerprint(s.runtime)).toEqual(before)
  })

  it('takes the care provider from the input over the template’s own', async () => {
    const s = await store(kind)
    await importClients(s.ctx, {
      ...payload(await filled(s, [clientRow(1)])),
      careProviderId: s.kwintes,
    })
    expect(await byCode(s, 'LIS-001')).toMatchObject({
      careProviderId: s.kwintes,
      supportProviderId: s.kwintes,
    })
  })
})
