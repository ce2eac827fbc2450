import { asc, eq, sql } from 'drizzle-orm'
import type { z } from 'zod'
import type {
  CareProviderRow,
  CorporationRow,
  SaveCareProviderInput,
  SaveCorporationInput,
} from '../../shared/api'
import { ApiError } from '../../shared/api'
import { careProviders, corporations } from '../db/schema'
import type { AuditEntry } from './audit'
import { audited } from './audited'
import type { ServiceContext } from './context'

const corporationColumns = {
  id: corporations.id,
  name: corporations.name,
  socialStock: corporations.socialStock,
  exportDetail: corporations.exportDetail,
  active: corporations.active,
}

const careProviderColumns = {
  id: careProviders.id,
  name: careProviders.name,
  contingentShare: careProviders.contingentShare,
  contingentDwellings: careProviders.contingentDwellings,
  contact: careProviders.contact,
  active: careProviders.active,
}

export function listCorporations({ store }: ServiceContext): CorporationRow[] {
  return store.db
    .select(corporationColumns)
    .from(corporations)
    .orderBy(asc(corporations.name))
    .all()
}

export function listCareProviders({ store }: ServiceContext): CareProviderRow[] {
  return store.db
    .select(careProviderColumns)
    .from(careProviders)
    .orderBy(asc(careProviders.name))
    .all()
}

/** Names are unique regardless of case: "mitros" and "Mitros" are one corporation. */
function assertNameFree(
  ctx: ServiceContext,
  table: typeof corporations | typeof careProviders,
  name: string,
  id: number | undefined,
  what: string,
) {
  const clash = ctx.store.db
    .select({ id: table.id })
    .from(table)
    .where(sql`lower(${table.name}) = lower(${name})`)
    .get()
  if (clash && clash.id !== id)
    throw new ApiError('conflict', `Er is al een ${what} met de naam ${name}`)
}

export function saveCorporation(
  ctx: ServiceContext,
  input: z.output<typeof SaveCorporationInput>,
): CorporationRow {
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
  return audited(ctx, saved, (tx) => {
    assertNameFree(ctx, corporations, input.name, input.id, 'corporatie')
    let row: CorporationRow | undefined
    if (input.id === undefined) {
      row = tx.insert(corporations).values(values).returning(corporationColumns).get()
    } else {
      row = tx
        .update(corporations)
        .set(values)
        .where(eq(corporations.id, input.id))
        .returning(corporationColumns)
        .get()
      if (!row) throw new ApiError('not-found', 'Deze corporatie bestaat niet (meer)')
    }
    return row
  })
}

export function saveCareProvider(
  ctx: ServiceContext,
  input: z.output<typeof SaveCareProviderInput>,
): CareProviderRow {
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
  return audited(ctx, saved, (tx) => {
    assertNameFree(ctx, careProviders, input.name, input.id, 'zorgaanbieder')
    let row: CareProviderRow | undefined
    if (input.id === undefined) {
      row = tx.insert(careProviders).values(values).returning(careProviderColumns).get()
    } else {
      row = tx
        .update(careProviders)
        .set(values)
        .where(eq(careProviders.id, input.id))
        .returning(careProviderColumns)
        .get()
      if (!row) throw new ApiError('not-found', 'Deze zorgaanbieder bestaat niet (meer)')
    }
    return row
  })
}
