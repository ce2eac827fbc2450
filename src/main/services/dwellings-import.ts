import { and, eq } from 'drizzle-orm'
import type { ImportError } from '../../shared/api/imports'
import {
  DwellingFieldsSchema,
  type DwellingFields,
  type DwellingInput,
} from '../../shared/domain/dwelling-input'
import type { DbOrTx } from '../db/connection'
import { corporations, dwellings } from '../db/schema'
import { headerOf } from '../excel/columns'
import { DWELLING_COLUMNS } from '../excel/dwelling-columns'
import { sameText, type CheckedRows, type ValidRow } from './import-rows'
import { localIsoDate } from '../../shared/domain/dates'

/** Rows per INSERT: well under SQLite's limit on bound parameters (about 25 a row). */
const INSERT_CHUNK = 200

const FIELDS = Object.keys(DwellingFieldsSchema.shape) as (keyof DwellingFields)[]

export interface DwellingsPlan {
  create: ValidRow<DwellingInput>[]
  update: { id: number; data: DwellingInput; fields: string[] }[]
  unchanged: number
}

export function dwellingKey(d: { address: string; postcode: string }): string {
  return `${sameText(d.address)}|${d.postcode.replace(/\s+/g, '').toUpperCase()}`
}

/**
 * Decides per valid row whether it is new, a change to a dwelling already submitted for this quarter,
 * or nothing new. A dwelling already in a shortlist or further keeps the facts the corporation judged
 * the candidates on, so a changed row for it is counted as unchanged, like the form refuses it.
 * An address another corporation submitted for this quarter is an error: one dwelling, one owner.
 */
export async function planDwellings(
  db: DbOrTx,
  checked: CheckedRows<DwellingInput>,
  corporationId: number,
  quarterKey: string,
  /** Fields the file's template version has no column for (fieldsNewerThan). */
  unsaid: readonly (keyof DwellingFields)[],
): Promise<{ checked: CheckedRows<DwellingInput>; plan: DwellingsPlan }> {
  const existing = new Map(
    (await db.select().from(dwellings).where(eq(dwellings.quarterKey, quarterKey))).map((row) => [
      dwellingKey(row),
      row,
    ]),
  )
  const owners = new Map(
    (await db.select({ id: corporations.id, name: corporations.name }).from(corporations)).map(
      (c) => [c.id, c.name],
    ),
  )

  const plan: DwellingsPlan = { create: [], update: [], unchanged: 0 }
  const valid: ValidRow<DwellingInput>[] = []
  const errors: ImportError[] = [...checked.errors]
  for (const item of checked.valid) {
    const current = existing.get(dwellingKey(item.data))
    if (current && current.corporationId !== corporationId) {
      errors.push({
        row: item.row,
        column: headerOf(DWELLING_COLUMNS, 'address'),
        message: `Deze woning is voor ${quarterKey} al voorgedragen door ${owners.get(current.corporationId) ?? 'een andere corporatie'}`,
      })
      continue
    }
    valid.push(item)
    if (!current) {
      plan.create.push(item)
      continue
    }
    // Same dwelling, so keep the address as first written: "KANAALSTRAAT 1" is no change.
    // A field the file could not say keeps its value (an older template).
    const kept = Object.fromEntries(unsaid.map((field) => [field, current[field]]))
    const data = { ...item.data, ...kept, address: current.address }
    const fields = FIELDS.filter((field) => current[field] !== data[field])
    if (fields.length === 0 || current.status !== 'ingediend') plan.unchanged += 1
    else plan.update.push({ id: current.id, data, fields })
  }
  return { checked: { valid, errors }, plan }
}

/** Writes the plan; call inside the import's transaction. Returns the ids touched, for the audit trail. */
export async function writeDwellings(
  tx: DbOrTx,
  plan: DwellingsPlan,
  now: Date,
): Promise<{ created: number[]; updated: number[] }> {
  const today = localIsoDate(now)
  const created: number[] = []
  // A few multi-row statements instead of one per row (drizzle prepares each anew); new rowids
  // increase, so the sorted ids are the rows' order.
  for (let i = 0; i < plan.create.length; i += INSERT_CHUNK) {
    const rows = plan.create.slice(i, i + INSERT_CHUNK).map(({ data }) => ({
      ...data,
      status: 'ingediend' as const,
      statusSince: today,
      submittedOn: today,
    }))
    const ids = await tx.insert(dwellings).values(rows).returning({ id: dwellings.id })
    created.push(...ids.map((r) => r.id).sort((a, b) => a - b))
  }
  const updated: number[] = []
  for (const { id, data } of plan.update) {
    // Still only while submitted: in team mode another desk's batch may have put it in a round
    // since the plan was made, and then its facts are what the corporation judges the list on.
    const changed = await tx
      .update(dwellings)
      .set(data)
      .where(and(eq(dwellings.id, id), eq(dwellings.status, 'ingediend')))
      .returning({ id: dwellings.id })
    updated.push(...changed.map((row) => row.id))
  }
  return { created, updated }
}
