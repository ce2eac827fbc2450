import { and, asc, eq } from 'drizzle-orm'
import type { z } from 'zod'
import type {
  DwellingDetail,
  DwellingRow,
  ListDwellingsInput,
  SaveDwellingInput,
} from '../../shared/api'
import { ApiError } from '../../shared/api'
import { corporations, dwellings } from '../db/schema'
import { DWELLING_RULES } from '../domain/workflow'
import type { AuditEntry } from './audit'
import { audited } from './audited'
import type { ServiceContext } from './context'
import { ensureQuarter } from './quarters'
import { requireStep } from './workflow-steps'
import { localIsoDate } from '../../shared/domain/dates'

const rowColumns = {
  id: dwellings.id,
  corporationId: dwellings.corporationId,
  corporation: corporations.name,
  quarterKey: dwellings.quarterKey,
  address: dwellings.address,
  postcode: dwellings.postcode,
  wijk: dwellings.wijk,
  buurt: dwellings.buurt,
  type: dwellings.type,
  rooms: dwellings.rooms,
  floor: dwellings.floor,
  hasLift: dwellings.hasLift,
  wheelchairAccessible: dwellings.wheelchairAccessible,
  netRent: dwellings.netRent,
  serviceCosts: dwellings.serviceCosts,
  availableFrom: dwellings.availableFrom,
  suitableFor: dwellings.suitableFor,
  flipPossible: dwellings.flipPossible,
  status: dwellings.status,
}

const detailColumns = {
  ...rowColumns,
  complex: dwellings.complex,
  selfContained: dwellings.selfContained,
  lowStimulus: dwellings.lowStimulus,
  remarks: dwellings.remarks,
  submittedOn: dwellings.submittedOn,
  statusSince: dwellings.statusSince,
}

export function listDwellings(
  { store }: ServiceContext,
  filter: z.output<typeof ListDwellingsInput>,
): DwellingRow[] {
  return store.db
    .select(rowColumns)
    .from(dwellings)
    .innerJoin(corporations, eq(corporations.id, dwellings.corporationId))
    .where(
      and(
        filter.quarter ? eq(dwellings.quarterKey, filter.quarter) : undefined,
        filter.corporationId ? eq(dwellings.corporationId, filter.corporationId) : undefined,
      ),
    )
    .orderBy(asc(dwellings.quarterKey), asc(corporations.name), asc(dwellings.address))
    .all()
}

export function getDwelling({ store }: ServiceContext, id: number): DwellingDetail {
  const row = store.db
    .select(detailColumns)
    .from(dwellings)
    .innerJoin(corporations, eq(corporations.id, dwellings.corporationId))
    .where(eq(dwellings.id, id))
    .get()
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
  const today = localIsoDate(ctx.now())
  const recorded = (saved: { id: number; corporation: string }): AuditEntry => ({
    action: id === undefined ? 'dwelling:create' : 'dwelling:update',
    entityType: 'dwelling',
    entityId: saved.id,
    summary: `Woning ${dwelling.address} ${id === undefined ? 'ingediend' : 'gewijzigd'} door ${saved.corporation} voor ${dwelling.quarterKey}`,
    details: { fields: Object.keys(dwelling) },
  })
  const saved = audited(ctx, recorded, (tx) => {
    const corporation = tx
      .select()
      .from(corporations)
      .where(eq(corporations.id, dwelling.corporationId))
      .get()
    if (!corporation) throw new ApiError('not-found', 'Deze corporatie bestaat niet (meer)')
    const clash = tx
      .select({ id: dwellings.id })
      .from(dwellings)
      .where(
        and(
          eq(dwellings.address, dwelling.address),
          eq(dwellings.postcode, dwelling.postcode),
          eq(dwellings.quarterKey, dwelling.quarterKey),
        ),
      )
      .get()
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
      requireStep(DWELLING_RULES, 'edit', current)
      tx.update(dwellings).set(dwelling).where(eq(dwellings.id, id)).run()
      savedId = id
    }
    return { id: savedId, corporation: corporation.name }
  })
  return getDwelling(ctx, saved.id)
}
