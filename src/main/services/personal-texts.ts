import { eq, inArray, sql } from 'drizzle-orm'
import { DECLINE_REASON, REJECTION_REASON } from '../../shared/domain/vocabulary'
import type { Tx } from '../db/connection'
import { isPostgres, jsonArrayHolds, jsonKeyEquals, selectRows } from '../db/dialect'
import { auditEvents, offers, shortlistCandidates, shortlists } from '../db/schema'

/** What stands where a free text about an erased client stood. */
export const ERASED = '[gewist]'

/** Keys of audit details that hold what someone typed (a status or swap reason, a motivation). */
const FREE_TEXT_KEYS = ['reason', 'text', 'motivation'] as const
/** A `reason` that is one of these is a choice from a list, not typed text: it stays. */
const LISTED_REASONS = new Set<string>([...REJECTION_REASON.keys, ...DECLINE_REASON.keys])
/** Shorter texts are not looked for in summaries: "ok" would hit unrelated words. */
const MIN_SEARCHED_LENGTH = 3

/**
 * The audit rows about one client: their own, and the events of the dwellings they were up for
 * that name them (by id, in a list of candidates, as swapped in) or withdrew a round they were
 * on; and a swap that took them off a round. Found through the entity index, not a scan of the
 * whole trail, so erasing stays quick in a trail of years.
 */
async function relatedAuditRows(tx: Tx, clientId: number) {
  const id = clientId
  const mentions = (key: string) => jsonKeyEquals(tx, sql.raw('details'), key, id)
  const lists = (key: string) => jsonArrayHolds(tx, sql.raw('details'), key, id)
  // PostgreSQL 15 has no IS JSON; every details text is written by JSON.stringify, or is null.
  const json = isPostgres(tx) ? sql`details IS NOT NULL` : sql`json_valid(details)`
  const rounds = sql`SELECT shortlist_id FROM shortlist_candidates WHERE client_id = ${id}`
  const lapsed = isPostgres(tx)
    ? sql`EXISTS (SELECT 1 FROM jsonb_array_elements_text(
        CASE WHEN jsonb_typeof(details::jsonb -> 'lapsedShortlists') = 'array'
             THEN details::jsonb -> 'lapsedShortlists' END) AS e(value)
        WHERE CAST(e.value AS integer) IN (${rounds}))`
    : sql`EXISTS (SELECT 1 FROM json_each(details, '$.lapsedShortlists') WHERE value IN (${rounds}))`
  return await selectRows<{ id: number; summary: string; details: string | null }>(
    tx,
    sql`
    WITH homes AS (SELECT CAST(dwelling_id AS TEXT) AS id FROM shortlists WHERE id IN (${rounds})
                   UNION SELECT CAST(dwelling_id AS TEXT) FROM offers WHERE client_id = ${id})
    SELECT id, summary, details FROM audit_events
    WHERE entity_type = 'client' AND entity_id = ${String(id)}
    UNION
    SELECT id, summary, details FROM audit_events
    WHERE entity_type = 'dwelling' AND entity_id IN (SELECT id FROM homes) AND ${json} AND (
            ${mentions('clientId')} OR ${mentions('added')} OR ${lists('clients')} OR ${lapsed})
    UNION
    SELECT id, summary, details FROM audit_events
    WHERE action = 'shortlist:swap' AND ${json} AND ${mentions('removed')}
    UNION
    SELECT id, summary, details FROM audit_events
    WHERE action = 'dwelling:note' AND ${json} AND ${lists('clients')}`,
  )
}

/**
 * Clears every free text that others typed about a client, inside the caller's transaction: a
 * corporation's rejection text and motivation, a decline text, swap, status and withdrawal
 * reasons, in their tables and in the audit trail. The audit rows stay (who did what, when); the
 * typed text in their details becomes "[gewist]", and so does each place a summary quoted it.
 */
export async function erasePersonalTexts(tx: Tx, clientId: number): Promise<void> {
  const rows = (await relatedAuditRows(tx, clientId)).map((row) => ({
    ...row,
    details: row.details ? (JSON.parse(row.details) as Record<string, unknown>) : null,
  }))
  const typed = new Set<string>()
  for (const { details } of rows) {
    for (const key of FREE_TEXT_KEYS) {
      const value = details?.[key]
      if (typeof value === 'string' && value !== ERASED && !LISTED_REASONS.has(value)) {
        typed.add(value)
        details![key] = ERASED
      }
    }
  }
  const searched = [...typed].filter((text) => text.length >= MIN_SEARCHED_LENGTH)
  for (const row of rows) {
    const summary = searched.reduce((text, found) => text.split(found).join(ERASED), row.summary)
    const details = row.details ? JSON.stringify(row.details) : null
    await tx.update(auditEvents).set({ summary, details }).where(eq(auditEvents.id, row.id))
  }

  const shortlistIds = (
    await tx
      .select({ id: shortlistCandidates.shortlistId })
      .from(shortlistCandidates)
      .where(eq(shortlistCandidates.clientId, clientId))
  ).map((r) => r.id)
  if (shortlistIds.length > 0) {
    // The motivation is about the whole round and may name any of its candidates.
    await tx
      .update(shortlists)
      .set({ rejectionMotivation: null })
      .where(inArray(shortlists.id, shortlistIds))
  }
  await tx
    .update(shortlistCandidates)
    .set({ decisionText: null, swapReason: null })
    .where(eq(shortlistCandidates.clientId, clientId))
  // A round rejected as a whole gave every candidate the same text, and a swap's reason sits on
  // the row of whoever came in: the same words on other rows go too.
  const texts = [...typed]
  if (texts.length > 0) {
    const c = shortlistCandidates
    await tx.update(c).set({ decisionText: null }).where(inArray(c.decisionText, texts))
    await tx.update(c).set({ swapReason: null }).where(inArray(c.swapReason, texts))
    await tx
      .update(shortlists)
      .set({ rejectionMotivation: null })
      .where(inArray(shortlists.rejectionMotivation, texts))
  }
  // "woning-te-klein: <text>" keeps its listed reason for the figures; anything typed goes.
  const declined = await tx
    .select({ id: offers.id, reason: offers.declineReason })
    .from(offers)
    .where(eq(offers.clientId, clientId))
  for (const offer of declined) {
    const listed = offer.reason?.split(':')[0] ?? null
    const declineReason = listed && LISTED_REASONS.has(listed) ? listed : null
    if (declineReason !== offer.reason) {
      await tx.update(offers).set({ declineReason }).where(eq(offers.id, offer.id))
    }
  }
}
