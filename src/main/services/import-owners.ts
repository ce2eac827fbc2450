import { eq, sql } from 'drizzle-orm'
import { ApiError } from '../../shared/api/endpoint'
import type { DbOrTx } from '../db/connection'
import { careProviders, corporations } from '../db/schema'

export interface Owner {
  id: number
  name: string
}

type OwnerTable = typeof corporations | typeof careProviders

interface OwnerWords {
  /** "corporatie" / "zorgaanbieder" */
  noun: string
  /** What the officer should do when the file does not say. */
  choose: string
}

const CORPORATION: OwnerWords = {
  noun: 'corporatie',
  choose: 'Kies de corporatie bij het importeren.',
}
const CARE_PROVIDER: OwnerWords = {
  noun: 'zorgaanbieder',
  choose: 'Kies de zorgaanbieder bij het importeren.',
}

async function byId(db: DbOrTx, table: OwnerTable, id: number): Promise<Owner | undefined> {
  return (
    await db.select({ id: table.id, name: table.name }).from(table).where(eq(table.id, id)).limit(1)
  )[0]
}

async function byName(db: DbOrTx, table: OwnerTable, name: string): Promise<Owner | undefined> {
  return (
    await db
      .select({ id: table.id, name: table.name })
      .from(table)
      .where(sql`lower(${table.name}) = lower(${name.trim()})`)
      .limit(1)
  )[0]
}

/**
 * Whose file this is: the explicit choice wins; else the template's own id, cross-checked with the
 * name it also carries, because a template made from another database has other ids.
 */
async function resolveOwner(
  db: DbOrTx,
  table: OwnerTable,
  words: OwnerWords,
  chosenId: number | undefined,
  meta: { id?: number; name?: string },
): Promise<Owner> {
  if (chosenId !== undefined) {
    const chosen = await byId(db, table, chosenId)
    if (!chosen) throw new ApiError('not-found', `Deze ${words.noun} bestaat niet (meer)`)
    return chosen
  }
  const fromId = meta.id === undefined ? undefined : await byId(db, table, meta.id)
  if (fromId && (!meta.name || fromId.name.toLowerCase() === meta.name.trim().toLowerCase()))
    return fromId
  const fromName = meta.name ? await byName(db, table, meta.name) : undefined
  if (fromName) return fromName
  if (meta.name) {
    throw new ApiError(
      'not-found',
      `De ${words.noun} "${meta.name}" uit het sjabloon is hier niet bekend. ${words.choose}`,
    )
  }
  throw new ApiError(
    'invalid-input',
    `Het bestand zegt niet van welke ${words.noun} het is. ${words.choose}`,
  )
}

export async function resolveCorporation(
  db: DbOrTx,
  chosenId: number | undefined,
  meta: { corporationId?: number; corporation?: string },
): Promise<Owner> {
  return await resolveOwner(db, corporations, CORPORATION, chosenId, {
    id: meta.corporationId,
    name: meta.corporation,
  })
}

export async function resolveCareProvider(
  db: DbOrTx,
  chosenId: number | undefined,
  meta: { careProviderId?: number; careProvider?: string },
): Promise<Owner> {
  return await resolveOwner(db, careProviders, CARE_PROVIDER, chosenId, {
    id: meta.careProviderId,
    name: meta.careProvider,
  })
}

export async function getCorporation(db: DbOrTx, id: number): Promise<Owner> {
  const found = await byId(db, corporations, id)
  if (!found) throw new ApiError('not-found', 'Deze corporatie bestaat niet (meer)')
  return found
}

export async function getCareProvider(db: DbOrTx, id: number): Promise<Owner> {
  const found = await byId(db, careProviders, id)
  if (!found) throw new ApiError('not-found', 'Deze zorgaanbieder bestaat niet (meer)')
  return found
}
