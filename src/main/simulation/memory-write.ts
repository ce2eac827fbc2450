import type Database from 'better-sqlite3'
import { getTableColumns, getTableName, type Column } from 'drizzle-orm'
import type { SqliteStore } from '../db/connection'
import { clients, dwellings } from '../db/schema'
import type { State } from './memory-state'

/**
 * Writes what the run changed into the copy, so the report's own queries measure it: new rows
 * (ids past the start's) and the rows whose state moved, with plain prepared statements (drizzle
 * would build the SQL text again for every row).
 */
export function writeState({ sqlite }: SqliteStore, start: State, end: State): void {
  const statements = new Map<string, Database.Statement>()
  const run = (sql: string, values: unknown[]) => {
    let statement = statements.get(sql)
    if (!statement) statements.set(sql, (statement = sqlite.prepare(sql)))
    statement.run(...values)
  }
  /** A whole new row of `table`, its fields turned into column values as drizzle would. */
  const insert = (table: typeof clients | typeof dwellings, row: Record<string, unknown>) => {
    const columns = getTableColumns(table) as Record<string, Column>
    const keys = Object.keys(row).filter((k) => k in columns && row[k] !== undefined)
    run(
      `INSERT INTO ${getTableName(table)} (${keys.map((k) => columns[k]!.name).join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`,
      keys.map((k) => (row[k] === null ? null : columns[k]!.mapToDriverValue(row[k]))),
    )
  }
  const changed = <T>(before: T | undefined, after: T, fields: (keyof T)[]) =>
    !before || fields.some((f) => before[f] !== after[f])
  sqlite.transaction(() => {
    for (const c of end.clients.values()) {
      if (c.row) insert(clients, { ...c.row, status: c.facts.status, statusSince: c.statusSince })
      else if (
        changed(start.clients.get(c.facts.id)!.facts, c.facts, ['status']) ||
        start.clients.get(c.facts.id)!.statusSince !== c.statusSince
      )
        run('UPDATE clients SET status = ?, status_since = ? WHERE id = ?', [
          c.facts.status,
          c.statusSince,
          c.facts.id,
        ])
    }
    for (const [id, d] of end.dwellings) {
      const row = {
        status: d.status,
        statusSince: d.statusSince,
        reservedForInstroom: d.facts.reservedForInstroom ?? false,
        shortNote: d.shortNote,
      }
      if (d.row) insert(dwellings, { ...d.row, ...row })
      else {
        const was = start.dwellings.get(id)!
        if (
          changed(
            { ...was, reservedForInstroom: was.facts.reservedForInstroom ?? false },
            { ...d, ...row },
            ['status', 'statusSince', 'reservedForInstroom', 'shortNote'],
          )
        )
          run(
            'UPDATE dwellings SET status = ?, status_since = ?, reserved_for_instroom = ?, short_note = ? WHERE id = ?',
            [row.status, row.statusSince, row.reservedForInstroom ? 1 : 0, row.shortNote, id],
          )
      }
    }
    for (const r of end.rounds.values()) {
      const was = start.rounds.get(r.id)
      if (!was)
        run(
          `INSERT INTO shortlists (id, dwelling_id, round, status, eligible_pool_size, presented_at, decided_at, rejection_motivation)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            r.id,
            r.dwellingId,
            r.round,
            r.status,
            r.eligiblePoolSize,
            r.presentedAt,
            r.decidedAt,
            r.rejectionMotivation,
          ],
        )
      else if (changed(was, r, ['status', 'presentedAt', 'decidedAt', 'rejectionMotivation']))
        run(
          'UPDATE shortlists SET status = ?, presented_at = ?, decided_at = ?, rejection_motivation = ? WHERE id = ?',
          [r.status, r.presentedAt, r.decidedAt, r.rejectionMotivation, r.id],
        )
      const before = new Map(was?.candidates.map((c) => [c.id, c]))
      for (const c of r.candidates) {
        const old = before.get(c.id)
        if (!old)
          run(
            `INSERT INTO shortlist_candidates (id, shortlist_id, client_id, position, score, score_parts, decision, decision_reason, decision_text, decided_by_balance)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            [
              c.id,
              r.id,
              c.clientId,
              c.position,
              c.score,
              c.scoreParts,
              c.decision,
              c.decisionReason,
              c.decisionText,
              c.decidedByBalance ? 1 : 0,
            ],
          )
        else if (changed(old, c, ['decision', 'decisionReason', 'decisionText']))
          run(
            'UPDATE shortlist_candidates SET decision = ?, decision_reason = ?, decision_text = ? WHERE id = ?',
            [c.decision, c.decisionReason, c.decisionText, c.id],
          )
      }
    }
    for (const o of end.offers.values()) {
      const was = start.offers.get(o.id)
      if (!was)
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
      else if (changed(was, o, ['outcome', 'respondedOn', 'declineReason']))
        run('UPDATE offers SET outcome = ?, responded_on = ?, decline_reason = ? WHERE id = ?', [
          o.outcome,
          o.respondedOn,
          o.declineReason,
          o.id,
        ])
    }
    for (const p of end.placements.slice(start.placements.length))
      run(
        `INSERT INTO allocations (offer_id, dwelling_id, client_id, contract_kind, starts_on, support_provider_id)
         VALUES (?, ?, ?, ?, ?, ?)`,
        [p.offerId, p.dwellingId, p.clientId, p.contractKind, p.startsOn, p.supportProviderId],
      )
  })()
}
