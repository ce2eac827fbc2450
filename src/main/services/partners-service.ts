import { asc, eq, sql } from 'drizzle-orm'
import type { z } from 'zod'
import type {
  CareProviderRow,
  CorporationRow,
  SaveCareProviderInput,
  SaveCorporationInput,
} from '../../shared/api'
import { ApiError } from '../../shared/api'
import type { DbOrTx } from '../db/connection'
import { lockRows } from '../db/dialect'
import { careProviders, corporations } from '../db/schema'
import { requireVersion, type FormRecord } from './conflicts'
import type { AuditEntry } from './audit'
import { audited } from './audited'
import type { ServiceContext } from './context'

const corporationColumns = {
  id: corporations.id,
  name: corporations.name,
  socialStock: corporations.socialStock,
  exportDetail: corporations.exportDetail,
  active: corporations.active,
  version: corporations.updatedAt,
}

const careProviderColumns = {
  id: careProviders.id,
  name: careProviders.name,
  contingentShare: careProviders.contingentShare,
  contingentDwellings: careProviders.contingentDwellings,
  contact: careProviders.contact,
  active: careProviders.active,
  version: careProviders.updatedAt,
}

export async function listCorporations({ store }: ServiceContext): Promise<CorporationRow[]> {
  return await store.db
    .select(corporationColumns)
    .from(corporations)
    .orderBy(asc(corporations.name))
}

export async function listCareProviders({ store }: ServiceContext): Promise<CareProviderRow[]> {
  return await store.db
    .select(careProviderColumns)
    .from(careProviders)
    .orderBy(asc(careProviders.name))
}

/** Names are unique regardless of case: "mitros" and "Mitros" are one corporation. */
async function assertNameFree(
  ctx: ServiceContext,
  table: typeof corporations | typeof careProviders,
  name: string,
  id: number | undefined,
  what: string,
) {
  const clash = (
    await ctx.store.db
      .select({ id: table.id })
      .from(table)
      .where(sql`lower(${table.name}) = lower(${name})`)
      .limit(1)
  )[0]
  if (clash && clash.id !== id)
    throw new ApiError('conflict', `Er is al een ${what} met de naam ${name}`)
}

/**
 * Locks the record a form saves and refuses the save when it changed since the form showed it
 * (`requireVersion`); a record that is gone is left to the update's own "bestaat niet (meer)".
 */
async function lockedVersion(
  tx: DbOrTx,
  ctx: ServiceContext,
  table: typeof corporations | typeof careProviders,
  record: { type: FormRecord; id: number },
  shown: string | undefined,
): Promise<void> {
  await lockRows(tx, table, [record.id])
  const current = (
    await tx
      .select({ version: table.updatedAt })
      .from(table)
      .where(eq(table.id, record.id))
      .limit(1)
  )[0]
  if (current) await requireVersion(tx, ctx, record, shown, current.version)
}

export async function saveCorporation(
  ctx: ServiceContext,
  input: z.output<typeof SaveCorporationInput>,
): Promise<CorporationRow> {
  const values = {
    name: input.name,
    socialStock: input.socialStock,
    exportDetail: input.exportDetail,
    active: input.active,
  }
  const saved = (row: CorporationRow): AuditEntry => ({
    action: input.id === undefined ? 'corporation:create' : 'corporation:update',
    entityType: 'corporation',
    entityId: row.id,
    summary: `Corporatie ${row.name} ${input.id === undefined ? 'toegevoegd' : 'gewijzigd'} (sociale voorraad ${row.socialStock}, gegevens in voordrachten ${row.exportDetail}${row.active ? '' : ', niet actief'})`,
    details: values,
  })
  return await audited(ctx, saved, async (tx) => {
    await assertNameFree(ctx, corporations, input.name, input.id, 'corporatie')
    let row: CorporationRow | undefined
    if (input.id === undefined) {
      row = (await tx.insert(corporations).values(values).returning(corporationColumns))[0]!
    } else {
      await lockedVersion(
        tx,
        ctx,
        corporations,
        { type: 'corporation', id: input.id },
        input.version,
      )
      row = (
        await tx
          .update(corporations)
          .set(values)
          .where(eq(corporations.id, input.id))
          .returning(corporationColumns)
      )[0]
      if (!row) throw new ApiError('not-found', 'Deze corporatie bestaat niet (meer)')
    }
    return row
  })
}

export async function saveCareProvider(
  ctx: ServiceContext,
  input: z.output<typeof SaveCareProviderInput>,
): Promise<CareProviderRow> {
  const values = {
    name: input.name,
    contingentShare: input.contingentShare,
    contingentDwellings: input.contingentDwellings,
    contact: input.contact,
    active: input.active,
  }
  const saved = (row: CareProviderRow): AuditEntry => ({
    action: input.id === undefined ? 'careProvider:create' : 'careProvider:update',
    entityType: 'careProvider',
    entityId: row.id,
    summary: `Zorgaanbieder ${row.name} ${input.id === undefined ? 'toegevoegd' : 'gewijzigd'}`,
    details: values,
  })
  return await audited(ctx, saved, async (tx) => {
    await assertNameFree(ctx, careProviders, input.name, input.id, 'zorgaanbieder')
    let row: CareProviderRow | undefined
    if (input.id === undefined) {
      row = (await tx.insert(careProviders).values(values).returning(careProviderColumns))[0]!
    } else {
      await lockedVersion(
        tx,
        ctx,
        careProviders,
        { type: 'careProvider', id: input.id },
        input.version,
      )
      row = (
        await tx
          .update(careProviders)
          .set(values)
          .where(eq(careProviders.id, input.id))
          .returning(careProviderColumns)
      )[0]
      if (!row) throw new ApiError('not-found', 'Deze zorgaanbieder bestaat niet (meer)')
    }
    return row
  })
}
