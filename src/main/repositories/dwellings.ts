import { and, asc, eq, getTableColumns, inArray } from 'drizzle-orm'
import { DWELLING_ROW_FIELDS, DwellingFieldsSchema } from '../../shared/domain/dwelling-input'
import type { QuarterKey } from '../../shared/domain/quarter'
import type { DbOrTx } from '../db/connection'
import { corporations, dwellings } from '../db/schema'
import { DWELLING_FIELDS_NOT_FOR_MATCHING } from '../domain/facts'
import { columnsFor, everyField, fieldsExcept } from './columns'

const table = getTableColumns(dwellings)

/** What the register adds to the submitted fields (with the corporation's name joined in). */
const recordColumns = {
  id: dwellings.id,
  corporationId: dwellings.corporationId,
  corporation: corporations.name,
  quarterKey: dwellings.quarterKey,
  status: dwellings.status,
}

/** The officers' grid (DwellingRow). */
export const dwellingRowColumns = {
  ...recordColumns,
  ...columnsFor(table, DWELLING_ROW_FIELDS),
}

/** The form (DwellingDetail): every field. */
export const dwellingDetailColumns = {
  ...recordColumns,
  ...columnsFor(table, everyField(DwellingFieldsSchema)),
  submittedOn: dwellings.submittedOn,
  statusSince: dwellings.statusSince,
  version: dwellings.updatedAt,
}

/**
 * What matching reads of a dwelling (DwellingFacts, and the address for its complex key): every
 * field but where it is exactly, what it costs on top of the rent, when, and the remarks.
 */
export const dwellingFactColumns = {
  id: dwellings.id,
  corporationId: dwellings.corporationId,
  reservedForInstroom: dwellings.reservedForInstroom,
  ...columnsFor(
    table,
    fieldsExcept(everyField(DwellingFieldsSchema), DWELLING_FIELDS_NOT_FOR_MATCHING),
  ),
}

export async function listDwellingRows(
  db: DbOrTx,
  filter: { quarter?: QuarterKey; corporationId?: number },
) {
  return await db
    .select(dwellingRowColumns)
    .from(dwellings)
    .innerJoin(corporations, eq(corporations.id, dwellings.corporationId))
    .where(
      and(
        filter.quarter ? eq(dwellings.quarterKey, filter.quarter) : undefined,
        filter.corporationId ? eq(dwellings.corporationId, filter.corporationId) : undefined,
      ),
    )
    .orderBy(asc(dwellings.quarterKey), asc(corporations.name), asc(dwellings.address))
}

export async function findDwellingDetail(db: DbOrTx, id: number) {
  return (
    await db
      .select(dwellingDetailColumns)
      .from(dwellings)
      .innerJoin(corporations, eq(corporations.id, dwellings.corporationId))
      .where(eq(dwellings.id, id))
      .limit(1)
  )[0]
}

/** The dwelling already submitted at this address in this quarter, if any. */
export async function findDwellingAt(
  db: DbOrTx,
  at: { address: string; postcode: string; quarterKey: string },
): Promise<{ id: number } | undefined> {
  return (
    await db
      .select({ id: dwellings.id })
      .from(dwellings)
      .where(
        and(
          eq(dwellings.address, at.address),
          eq(dwellings.postcode, at.postcode),
          eq(dwellings.quarterKey, at.quarterKey),
        ),
      )
      .limit(1)
  )[0]
}

/** Dwellings as matching reads them. */
export async function listDwellingFacts(db: DbOrTx, ids: number[]) {
  return await db.select(dwellingFactColumns).from(dwellings).where(inArray(dwellings.id, ids))
}
