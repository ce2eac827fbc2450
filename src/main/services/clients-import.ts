import { eq } from 'drizzle-orm'
import type { ImportError } from '../../shared/api/imports'
import type { ClientInput } from '../../shared/domain/client-input'
import type { ClientStatus } from '../../shared/domain/vocabulary'
import type { DbOrTx } from '../db/connection'
import { clients } from '../db/schema'
import { CLIENT_COLUMNS, type ClientTemplateField } from '../excel/client-columns'
import { headerOf } from '../excel/columns'
import { sameText, type CheckedRows, type ValidRow } from './import-rows'

/** The template's fields only: an import never touches the name or notes kept in the app. */
const FIELDS = CLIENT_COLUMNS.map((column) => column.field)

/** While a client waits (or is on hold) their registration may still be corrected by a new file. */
const UPDATABLE: readonly ClientStatus[] = ['wachtend', 'on-hold']

export interface ClientsPlan {
  create: ValidRow<ClientInput>[]
  update: { id: number; data: ClientInput; fields: string[] }[]
  unchanged: number
}

/**
 * The template's columns as stored: lists as JSON text (how the table keeps every list), an
 * absent value as null. Built from the column list, so a new template column needs no line here.
 */
function stored(data: ClientInput): Pick<typeof clients.$inferInsert, ClientTemplateField> {
  const row: Record<string, unknown> = {}
  for (const field of FIELDS) {
    const value = data[field]
    row[field] = Array.isArray(value) ? JSON.stringify(value) : (value ?? null)
  }
  return row as Pick<typeof clients.$inferInsert, ClientTemplateField>
}

/**
 * Decides per valid row: a new client, a correction of a waiting client of this provider, or
 * nothing new. Codes are unique across providers, so a code another provider registered is an error.
 */
export async function planClients(
  db: DbOrTx,
  checked: CheckedRows<ClientInput>,
  careProviderId: number,
  /** Fields the file's template version has no column for (fieldsNewerThan). */
  unsaid: readonly ClientTemplateField[],
): Promise<{ checked: CheckedRows<ClientInput>; plan: ClientsPlan }> {
  const existing = new Map(
    (await db.select().from(clients)).map((row) => [sameText(row.code), row]),
  )
  const plan: ClientsPlan = { create: [], update: [], unchanged: 0 }
  const valid: ValidRow<ClientInput>[] = []
  const errors: ImportError[] = [...checked.errors]
  for (const item of checked.valid) {
    const current = existing.get(sameText(item.data.code))
    if (current && current.careProviderId !== careProviderId) {
      errors.push({
        row: item.row,
        column: headerOf(CLIENT_COLUMNS, 'code'),
        message: `Cliëntcode ${item.data.code} is al aangemeld door een andere zorgaanbieder`,
      })
      continue
    }
    valid.push(item)
    if (!current) {
      plan.create.push(item)
      continue
    }
    // Same client, so keep the code as first registered: "lis-001" is no change.
    // A field the file could not say keeps its value (an older template).
    const kept = Object.fromEntries(unsaid.map((field) => [field, current[field]]))
    const data = { ...item.data, ...kept, code: current.code }
    const incoming = stored(data)
    const fields = FIELDS.filter((field) => current[field] !== incoming[field])
    if (fields.length === 0 || !UPDATABLE.includes(current.status)) plan.unchanged += 1
    else plan.update.push({ id: current.id, data, fields })
  }
  return { checked: { valid, errors }, plan }
}

/** Writes the plan; call inside the import's transaction. Returns the ids touched, for the audit trail. */
export async function writeClients(
  tx: DbOrTx,
  plan: ClientsPlan,
  careProviderId: number,
): Promise<{ created: number[]; updated: number[] }> {
  const created: number[] = []
  for (const { data } of plan.create) {
    const [row] = await tx
      .insert(clients)
      .values({
        ...stored(data),
        careProviderId,
        supportProviderId: careProviderId,
        status: 'wachtend',
        statusSince: data.registeredOn,
      })
      .returning({ id: clients.id })
    created.push(row!.id)
  }
  for (const { id, data } of plan.update) {
    await tx.update(clients).set(stored(data)).where(eq(clients.id, id))
  }
  return { created, updated: plan.update.map((u) => u.id) }
}
