import type Database from 'better-sqlite3'
import { getTableColumns, getTableName, type Column } from 'drizzle-orm'
import type { SqliteStore } from '../db/connection'
import { clients, dwellings } from '../db/schema'
import type { State } from './memory-state'

/**
 * Writes into the copy what the run changed and the measure reads (measure.ts measureQuarters): the
 * clients' statuses and the new clients, dwellings, offers and allocations, with plain prepared
 * statements (drizzle would build the SQL text again for every row). The rounds and candidates, the
 * dwellings' and offers' later states the measure never reads stay as they were, so the copy's
 * foreign keys (an offer's candidate) are not checked: it is thrown away after measuring.
 * tests/integration/simulation-worlds.test.ts holds the outcome to the services world's, which
 * writes everything: a measure that came to read more would fail it.
 */
export function writeState({ sqlite }: SqliteStore, start: State, end: State): void {
  const statements = new Map<string, Database.Statement>()
  const run = (sql: string, values: unknown[]) => {
    let statement = statements.get(sql)
    if (!statement) statements.set(sql, (statement = sqlite.prepare(sql)))
    statement.run(...values)
  }
  const tableColumns = new Map<typeof clients | typeof dwellings, Record<string, Column>>()
  /** A whole new row of `table`, its fields turned into column values as drizzle would. */
  const insert = (table: typeof clients | typeof dwellings, row: Record<string, unknown>) => {
    let columns = tableColumns.get(table)
    if (!columns)
      tableColumns.set(table, (columns = getTableColumns(table) as Record<string, Column>))
    const keys = Object.keys(row).filter((k) => k in columns && row[k] !== undefined)
    run(
      `INSERT INTO ${getTableName(table)} (${keys.map((k) => columns[k]!.name).join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`,
      keys.map((k) => (row[k] === null ? null : columns[k]!.mapToDriverValue(row[k]))),
    )
  }
  sqlite.pragma('foreign_keys = OFF')
  sqlite.transaction(() => {
    for (const c of end.clients.values()) {
      if (c.row) insert(clients, { ...c.row, status: c.facts.status, statusSince: c.statusSince })
      else {
        const was = start.clients.get(c.facts.id)!
        if (was.facts.status !== c.facts.status || was.statusSince !== c.statusSince)
          run('UPDATE clients SET status = ?, status_since = ? WHERE id = ?', [
            c.facts.status,
            c.statusSince,
            c.facts.id,
          ])
      }
    }
    for (const d of end.dwellings.values())
      if (d.row)
        insert(dwellings, {
          ...d.row,
          status: d.status,
          statusSince: d.statusSince,
          reservedForInstroom: d.facts.reservedForInstroom ?? false,
          shortNote: d.shortNote,
        })
    for (const o of end.offers.values())
      if (!start.offers.has(o.id))
        run(
          `INSERT INTO offers (id, candidate_id, dwelling_id, client_id, offered_on, outcome, responded_on, decline_reason)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            o.id,
            o.candidateId,
            o.dwellingId,
            o.clientId,
            o.offeredOn,
            o.outcome,
            o.respondedOn,
            o.declineReason,
          ],
        )
    for (const p of end.placements.slice(start.placements.length))
      run(
        `INSERT INTO allocations (offer_id, dwelling_id, client_id, contract_kind, starts_on, support_provider_id)
         VALUES (?, ?, ?, ?, ?, ?)`,
        [p.offerId, p.dwellingId, p.clientId, p.contractKind, p.startsOn, p.supportProviderId],
      )
  })()
}
