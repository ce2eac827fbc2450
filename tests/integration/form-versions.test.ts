/**
 * The free-field forms' concurrency rule (docs/team-mode.md §4): a form sends back the version of
 * the record it was filled in from; when another officer saved the record since, the save is
 * refused with a Dutch message naming who and when, and nothing of it is written — never a silent
 * overwrite of the other officer's change. On both stores: on SQLite the second officer is another
 * form on the same desk (or a step that changed the record), on PostgreSQL another desk.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Actor, ServiceContext } from '../../src/main/services/context'
import { getClient, saveClient, setClientStatus } from '../../src/main/services/clients-service'
import { getDwelling, saveDwelling } from '../../src/main/services/dwellings-service'
import {
  listCareProviders,
  listCorporations,
  saveCareProvider,
  saveCorporation,
} from '../../src/main/services/partners-service'
import { ClientInputSchema } from '../../src/shared/domain/client-input'
import { DwellingInputSchema } from '../../src/shared/domain/dwelling-input'
import { copyDemo } from '../support/shared-files'
import { sqlRows } from '../support/sql-rows'
import { STORE_KINDS, useRuntimeOn } from '../support/stores'
import { useTempDir } from '../support/temp-db'

const ANNA: Actor = { officer: 'Anna', osUser: 'anna', desk: 'bureau-1' }
const BRAM: Actor = { officer: 'Bram', osUser: 'bram', desk: 'bureau-2' }

/** A record as its form sees it: read it, and save the form's values with the version it read. */
interface FormCase {
  record: string
  noun: string
  open(ctx: ServiceContext, id: number): Promise<{ version: string; note: string }>
  save(ctx: ServiceContext, id: number, note: string, version?: string): Promise<unknown>
  pick(ctx: ServiceContext): Promise<number>
}

const FORMS: FormCase[] = [
  {
    record: 'client',
    noun: 'Deze kandidaat',
    pick: async (ctx) =>
      (
        await sqlRows<{ id: number }>(
          ctx,
          "SELECT id FROM clients WHERE status = 'wachtend' ORDER BY id LIMIT 1",
        )
      )[0]!.id,
    open: async (ctx, id) => {
      const c = await getClient(ctx, id)
      return { version: c.version, note: c.notes ?? '' }
    },
    save: async (ctx, id, note, version) => {
      const client = ClientInputSchema.parse({ ...(await getClient(ctx, id)), notes: note })
      return await saveClient(ctx, { id, client, version })
    },
  },
  {
    record: 'dwelling',
    noun: 'Deze woning',
    pick: async (ctx) =>
      (
        await sqlRows<{ id: number }>(
          ctx,
          "SELECT id FROM dwellings WHERE status = 'ingediend' ORDER BY id LIMIT 1",
        )
      )[0]!.id,
    open: async (ctx, id) => {
      const d = await getDwelling(ctx, id)
      return { version: d.version, note: d.remarks ?? '' }
    },
    save: async (ctx, id, note, version) => {
      const dwelling = DwellingInputSchema.parse({ ...(await getDwelling(ctx, id)), remarks: note })
      return await saveDwelling(ctx, { id, dwelling, version })
    },
  },
  {
    record: 'corporation',
    noun: 'Deze corporatie',
    pick: async (ctx) => (await listCorporations(ctx))[0]!.id,
    open: async (ctx, id) => {
      const c = (await listCorporations(ctx)).find((row) => row.id === id)!
      return { version: c.version, note: String(c.socialStock) }
    },
    save: async (ctx, id, note, version) => {
      const c = (await listCorporations(ctx)).find((row) => row.id === id)!
      return await saveCorporation(ctx, { ...c, socialStock: note.length * 1000, version })
    },
  },
  {
    record: 'careProvider',
    noun: 'Deze zorgaanbieder',
    pick: async (ctx) => (await listCareProviders(ctx))[0]!.id,
    open: async (ctx, id) => {
      const p = (await listCareProviders(ctx)).find((row) => row.id === id)!
      return { version: p.version, note: p.contact ?? '' }
    },
    save: async (ctx, id, note, version) => {
      const p = (await listCareProviders(ctx)).find((row) => row.id === id)!
      return await saveCareProvider(ctx, { ...p, contact: note, version })
    },
  },
]

describe.each(STORE_KINDS)('forms refuse to save over a later change (%s)', (kind) => {
  const tempDir = useTempDir()
  const runtimeOn = useRuntimeOn()

  async function officers() {
    const file = join(tempDir(), 'forms.db')
    await copyDemo(file)
    const runtime = await runtimeOn(kind, file, { template: 'demo-2019' })
    // Real clocks: the message names the audit row that is newer than the form's version.
    const as = (actor: Actor): ServiceContext => ({ ...runtime.ctx, actor, now: () => new Date() })
    return { anna: as(ANNA), bram: as(BRAM) }
  }

  const updates = async (ctx: ServiceContext, record: string, id: number) =>
    (
      await sqlRows<{ officer: string }>(
        ctx,
        `SELECT officer FROM audit_events WHERE entity_type = ? AND entity_id = ? AND action = ? ORDER BY id`,
        record,
        String(id),
        `${record}:update`,
      )
    ).map((row) => row.officer)

  it.each(FORMS)(
    'refuses $record: Anna saves after Bram, from what she read before his save',
    async (form) => {
      const { anna, bram } = await officers()
      const id = await form.pick(anna)
      const before = await updates(anna, form.record, id)
      const annaRead = await form.open(anna, id)
      const bramRead = await form.open(bram, id)
      await form.save(bram, id, 'Bram was eerst', bramRead.version)

      const refused = form.save(anna, id, 'Anna daarna', annaRead.version)
      await expect(refused).rejects.toMatchObject({ code: 'conflict' })
      const message = ((await refused.catch((e: Error) => e)) as Error).message
      expect(message).toMatch(
        new RegExp(
          `^${form.noun} is gewijzigd door Bram \\(\\d{2}:\\d{2}\\) nadat u dit formulier opende\\.`,
        ),
      )
      expect(message).toContain('Uw wijzigingen zijn niet opgeslagen en staan nog in het formulier')

      // Bram's change stands, Anna's wrote nothing (no row, no audit event).
      const now = await form.open(anna, id)
      expect(now.note).toBe((await form.open(bram, id)).note)
      expect(now.version).not.toBe(annaRead.version)
      expect(await updates(anna, form.record, id)).toEqual([...before, 'Bram'])

      // Opened again, her form carries the new version and saves.
      await form.save(anna, id, 'Anna opnieuw', now.version)
      expect(await updates(anna, form.record, id)).toEqual([...before, 'Bram', 'Anna'])
    },
  )

  it('without a version (imports, the CLI) a save states the facts anew, as before', async () => {
    const { anna, bram } = await officers()
    const form = FORMS[0]!
    const id = await form.pick(anna)
    await form.save(bram, id, 'Bram was eerst', (await form.open(bram, id)).version)
    await form.save(anna, id, 'Anna zonder versie')
    expect((await form.open(anna, id)).note).toBe('Anna zonder versie')
  })

  it('refuses a client form opened before a status change, naming that change', async () => {
    const { anna, bram } = await officers()
    const form = FORMS[0]!
    const id = await form.pick(anna)
    const annaRead = await form.open(anna, id)
    await setClientStatus(bram, { id, status: 'on-hold', reason: 'Tijdelijk opgenomen' })
    await expect(form.save(anna, id, 'Anna daarna', annaRead.version)).rejects.toThrow(
      /^Deze kandidaat is gewijzigd door Bram \(\d{2}:\d{2}\) nadat u dit formulier opende/,
    )
  })
})
