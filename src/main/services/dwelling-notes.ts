import { eq, inArray, sql } from 'drizzle-orm'
import type { TimelineEvent } from '../../shared/api/audit'
import { ApiError } from '../../shared/api/endpoint'
import { clients, dwellings } from '../db/schema'
import { timeline, type AuditEntry } from './audit'
import { audited } from './audited'
import type { ServiceContext } from './context'

/** Client codes as the app writes them (K-2026-0123). */
const CLIENT_CODE = /\bK-\d{4}-\d{4}\b/gi

/**
 * An officer's note on a dwelling's timeline ("Mitros belt maandag terug over de lift"). It is an
 * audit row of its own, so it stays in order with the steps. Client codes in the note are recorded
 * with it: the note then shows on those clients' timelines too, and erasing a client clears it.
 */
export async function addDwellingNote(
  ctx: ServiceContext,
  input: { dwellingId: number; text: string },
): Promise<TimelineEvent[]> {
  const db = ctx.store.db
  const noted = (mentioned: number[]): AuditEntry => ({
    action: 'dwelling:note',
    entityType: 'dwelling',
    entityId: input.dwellingId,
    summary: `Notitie: ${input.text}`,
    details: { text: input.text, clients: mentioned },
  })
  await audited(ctx, noted, async (tx) => {
    const dwelling = (
      await tx
        .select({ id: dwellings.id })
        .from(dwellings)
        .where(eq(dwellings.id, input.dwellingId))
        .limit(1)
    )[0]
    if (!dwelling) throw new ApiError('not-found', 'Deze woning bestaat niet (meer)')
    const codes = [...new Set((input.text.match(CLIENT_CODE) ?? []).map((c) => c.toUpperCase()))]
    const mentioned =
      codes.length === 0
        ? []
        : (
            await tx
              .select({ id: clients.id })
              .from(clients)
              .where(inArray(sql`upper(${clients.code})`, codes))
          ).map((c) => c.id)
    return mentioned
  })
  return await timeline(db, 'dwelling', input.dwellingId)
}
