import type { z } from 'zod'
import { and, asc, eq, getTableColumns, inArray, sql } from 'drizzle-orm'
import {
  CLIENT_ROW_FIELDS,
  ClientFieldsSchema,
  SupportContactSchema,
  type ClientFields,
} from '../../shared/domain/client-input'
import type { ClientStatus, Wijk } from '../../shared/domain/vocabulary'
import type { DbOrTx } from '../db/connection'
import { lockRows } from '../db/dialect'
import { careProviders, clients, dwellings } from '../db/schema'
import { CLIENT_FIELDS_NOT_FOR_MATCHING } from '../domain/facts'
import { columnsFor, everyField, fieldsExcept } from './columns'
import { openCandidacies } from './shortlists'

const table = getTableColumns(clients)

/** What the register adds to the submitted fields (with the care provider's name joined in). */
const recordColumns = {
  id: clients.id,
  careProviderId: clients.careProviderId,
  careProvider: careProviders.name,
  status: clients.status,
  statusSince: clients.statusSince,
}

/** The officers' grid (ClientRow, before waiting days and the wijk lists are worked out). */
export const clientRowColumns = {
  ...recordColumns,
  ...columnsFor(table, CLIENT_ROW_FIELDS),
}

/** The form (ClientDetail): every field, and the begeleider. */
export const clientDetailColumns = {
  ...recordColumns,
  ...columnsFor(table, everyField(ClientFieldsSchema)),
  ...columnsFor(table, everyField(SupportContactSchema)),
  supportProviderId: clients.supportProviderId,
  version: clients.updatedAt,
}

/**
 * What matching reads of a client (ClientFacts, before the open shortlists are counted): every
 * field but the name, the notes and how long support lasts.
 */
export const clientFactColumns = {
  id: clients.id,
  careProviderId: clients.careProviderId,
  status: clients.status,
  ...columnsFor(
    table,
    fieldsExcept(everyField(ClientFieldsSchema), CLIENT_FIELDS_NOT_FOR_MATCHING),
  ),
}

/** The wijk lists are kept as JSON arrays of wijk keys. */
export const wijkList = (json: string) => JSON.parse(json) as Wijk[]

export async function listClientRows(
  db: DbOrTx,
  filter: { status?: ClientStatus; careProviderId?: number },
) {
  return await db
    .select(clientRowColumns)
    .from(clients)
    .innerJoin(careProviders, eq(careProviders.id, clients.careProviderId))
    .where(
      and(
        filter.status ? eq(clients.status, filter.status) : undefined,
        filter.careProviderId ? eq(clients.careProviderId, filter.careProviderId) : undefined,
      ),
    )
    .orderBy(asc(clients.registeredOn), asc(clients.code))
}

export async function findClientDetail(db: DbOrTx, id: number) {
  return (
    await db
      .select(clientDetailColumns)
      .from(clients)
      .innerJoin(careProviders, eq(careProviders.id, clients.careProviderId))
      .where(eq(clients.id, id))
      .limit(1)
  )[0]
}

/** The client with this code, in any letter case. */
export async function findClientByCode(
  db: DbOrTx,
  code: string,
): Promise<{ id: number } | undefined> {
  return (
    await db
      .select({ id: clients.id })
      .from(clients)
      .where(sql`lower(${clients.code}) = lower(${code})`)
      .limit(1)
  )[0]
}

/** Clients as matching reads them: these ids, else the waiting list. */
export async function listClientFacts(db: DbOrTx, ids?: number[]) {
  return await db
    .select(clientFactColumns)
    .from(clients)
    .where(ids ? inArray(clients.id, ids) : eq(clients.status, 'wachtend'))
    // In id order: the waiting state kept in memory lists them so too, and ties then break alike.
    .orderBy(clients.id)
}

/** What anonymising does with a field: keep it for the figures, reset it, or round it. */
type OnAnonymising = 'keep' | 'clear' | 'decade'

/**
 * Each field of a client and what anonymising leaves of it (privacy-service.ts says why). Every
 * field is named, so a new one is a compile error until someone decides whether it may stay.
 */
const ON_ANONYMISING = {
  code: 'keep',
  name: 'clear',
  targetGroup: 'keep',
  flow: 'keep',
  registeredOn: 'keep',
  adults: 'keep',
  children: 'keep',
  birthYear: 'decade',
  maxRent: 'keep',
  minRooms: 'keep',
  needsGroundFloorOrLift: 'clear',
  needsWheelchair: 'clear',
  needsLowStimulus: 'clear',
  preferredWijken: 'clear',
  excludedWijken: 'clear',
  exclusionForSafety: 'clear',
  supportIntensity: 'keep',
  supportMonths: 'keep',
  notes: 'clear',
  supportContactName: 'clear',
  supportContactPhone: 'clear',
  supportContactEmail: 'clear',
} as const satisfies Record<
  keyof ClientFields | keyof z.output<typeof SupportContactSchema>,
  OnAnonymising
>

/** The values an anonymised client gets: a cleared field goes back to its column's default, or null. */
export function anonymisedValues(birthYear: number): Partial<typeof clients.$inferInsert> {
  const values: Record<string, unknown> = {}
  for (const [field, what] of Object.entries(ON_ANONYMISING)) {
    if (what === 'clear') values[field] = table[field as keyof typeof table].default ?? null
    if (what === 'decade') values[field] = Math.floor(birthYear / 10) * 10
  }
  return values
}

/**
 * Locks a client for a step that changes its status outside the workflow (a status set by hand,
 * an erasure), in the workflow's order: the dwellings of the rounds it stands on first, then the
 * client (docs/team-mode.md §4). A choose or offer on it at another desk then either commits first,
 * and the step reads its result, or waits for the step. SQLite: nothing (one queue).
 */
export async function lockClientForStep(db: DbOrTx, clientId: number): Promise<void> {
  const rounds = await openCandidacies(db, [clientId])
  await lockRows(
    db,
    dwellings,
    rounds.map((row) => row.dwellingId),
  )
  await lockRows(db, clients, [clientId])
}
