import { eq } from 'drizzle-orm'
import type { z } from 'zod'
import type {
  DwellingDetail,
  DwellingRow,
  ListDwellingsInput,
  SaveDwellingInput,
} from '../../shared/api'
import { ApiError } from '../../shared/api'
import { lockRows } from '../db/dialect'
import { requireStepOn, requireVersion } from './conflicts'
import { corporations, dwellings } from '../db/schema'
import { DWELLING_RULES } from '../domain/workflow'
import { findDwellingAt, findDwellingDetail, listDwellingRows } from '../repositories/dwellings'
import type { AuditEntry } from './audit'
import { audited } from './audited'
import type { ServiceContext } from './context'
import { ensureQuarter } from './quarters'
import { localIsoDate } from '../../shared/domain/dates'

export async function listDwellings(
  { store }: ServiceContext,
  filter: z.output<typeof ListDwellingsInput>,
): Promise<DwellingRow[]> {
  return await listDwellingRows(store.db, filter)
}

export async function getDwelling({ store }: ServiceContext, id: number): Promise<DwellingDetail> {
  const row = await findDwellingDetail(store.db, id)
  if (!row) throw new ApiError('not-found', 'Deze woning bestaat niet (meer)')
  return row
}

/**
 * Adds or corrects a submitted dwelling. Once a dwelling is in a shortlist its facts are what the
 * corporation judged the candidates on, so then it can no longer be changed here.
 */
export async function saveDwelling(
  ctx: ServiceContext,
  { id, dwelling, version }: z.output<typeof SaveDwellingInput>,
): Promise<DwellingDetail> {
  const today = localIsoDate(ctx.now())
  const recorded = (saved: { id: number; corporation: string }): AuditEntry => ({
    action: id === undefined ? 'dwelling:create' : 'dwelling:update',
    entityType: 'dwelling',
    entityId: saved.id,
    summary: `Woning ${dwelling.address} ${id === undefined ? 'ingediend' : 'gewijzigd'} door ${saved.corporation} voor ${dwelling.quarterKey}`,
    details: { fields: Object.keys(dwelling) },
  })
  const saved = await audited(ctx, recorded, async (tx) => {
    const corporation = (
      await tx
        .select()
        .from(corporations)
        .where(eq(corporations.id, dwelling.corporationId))
        .limit(1)
    )[0]
    if (!corporation) throw new ApiError('not-found', 'Deze corporatie bestaat niet (meer)')
    const clash = await findDwellingAt(tx, dwelling)
    if (clash && clash.id !== id) {
      throw new ApiError(
        'conflict',
        `${dwelling.address} (${dwelling.postcode}) is in ${dwelling.quarterKey} al voorgedragen`,
      )
    }
    await ensureQuarter(tx, dwelling.quarterKey)
    let savedId: number
    if (id === undefined) {
      savedId = (
        await tx
          .insert(dwellings)
          .values({ ...dwelling, status: 'ingediend', statusSince: today, submittedOn: today })
          .returning({ id: dwellings.id })
      )[0]!.id
    } else {
      // A step on the dwelling: locked first, then read (docs/team-mode.md §4).
      await lockRows(tx, dwellings, [id])
      const current = (
        await tx
          .select({ status: dwellings.status, version: dwellings.updatedAt })
          .from(dwellings)
          .where(eq(dwellings.id, id))
          .limit(1)
      )[0]
      if (!current) throw new ApiError('not-found', 'Deze woning bestaat niet (meer)')
      await requireStepOn(tx, ctx, { dwellingId: id }, DWELLING_RULES, 'edit', current)
      await requireVersion(tx, ctx, { type: 'dwelling', id }, version, current.version)
      await tx.update(dwellings).set(dwelling).where(eq(dwellings.id, id))
      savedId = id
    }
    return { id: savedId, corporation: corporation.name }
  })
  return getDwelling(ctx, saved.id)
}
