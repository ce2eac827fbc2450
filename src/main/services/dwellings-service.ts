import { eq } from 'drizzle-orm'
import type { z } from 'zod'
import type {
  DwellingDetail,
  DwellingRow,
  ListDwellingsInput,
  SaveDwellingInput,
} from '../../shared/api'
import { ApiError } from '../../shared/api'
import { corporations, dwellings } from '../db/schema'
import { findDwellingAt, findDwellingDetail, listDwellingRows } from '../repositories/dwellings'
import { audit } from './audit'
import type { ServiceContext } from './context'
import { ensureQuarter } from './quarters'
import { localIsoDate } from '../../shared/domain/dates'

export function listDwellings(
  { store }: ServiceContext,
  filter: z.output<typeof ListDwellingsInput>,
): DwellingRow[] {
  return listDwellingRows(store.db, filter)
}

export function getDwelling({ store }: ServiceContext, id: number): DwellingDetail {
  const row = findDwellingDetail(store.db, id)
  if (!row) throw new ApiError('not-found', 'Deze woning bestaat niet (meer)')
  return row
}

/**
 * Adds or corrects a submitted dwelling. Once a dwelling is in a shortlist its facts are what the
 * corporation judged the candidates on, so then it can no longer be changed here.
 */
export function saveDwelling(
  ctx: ServiceContext,
  { id, dwelling }: z.output<typeof SaveDwellingInput>,
): DwellingDetail {
  const { db } = ctx.store
  const today = localIsoDate(ctx.now())
  const savedId = db.transaction((tx) => {
    const corporation = tx
      .select()
      .from(corporations)
      .where(eq(corporations.id, dwelling.corporationId))
      .get()
    if (!corporation) throw new ApiError('not-found', 'Deze corporatie bestaat niet (meer)')
    const clash = findDwellingAt(tx, dwelling)
    if (clash && clash.id !== id) {
      throw new ApiError(
        'conflict',
        `${dwelling.address} (${dwelling.postcode}) is in ${dwelling.quarterKey} al voorgedragen`,
      )
    }
    ensureQuarter(tx, dwelling.quarterKey)
    let savedId: number
    if (id === undefined) {
      savedId = tx
        .insert(dwellings)
        .values({ ...dwelling, status: 'ingediend', statusSince: today, submittedOn: today })
        .returning({ id: dwellings.id })
        .get().id
    } else {
      const current = tx
        .select({ status: dwellings.status })
        .from(dwellings)
        .where(eq(dwellings.id, id))
        .get()
      if (!current) throw new ApiError('not-found', 'Deze woning bestaat niet (meer)')
      if (current.status !== 'ingediend') {
        throw new ApiError(
          'conflict',
          'Deze woning is al in voordracht of verder en kan niet meer worden gewijzigd',
        )
      }
      tx.update(dwellings)
        .set({ ...dwelling, updatedAt: new Date().toISOString() })
        .where(eq(dwellings.id, id))
        .run()
      savedId = id
    }
    audit(tx, ctx, {
      action: id === undefined ? 'dwelling:create' : 'dwelling:update',
      entityType: 'dwelling',
      entityId: savedId,
      summary: `Woning ${dwelling.address} ${id === undefined ? 'ingediend' : 'gewijzigd'} door ${corporation.name} voor ${dwelling.quarterKey}`,
      details: { fields: Object.keys(dwelling) },
    })
    return savedId
  })
  return getDwelling(ctx, savedId)
}
