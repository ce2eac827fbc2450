import { eq } from 'drizzle-orm'
import type { DbOrTx } from '../db/connection'
import { clients, dwellings, shortlistCandidates } from '../db/schema'
import {
  decideDwellingAnswer,
  type DwellingAnswerFacts,
  type DwellingPlan,
} from '../domain/answer-decision'
import type { AnswerFileMeta, AnswerRow } from '../excel/answer-reader'
import { currentRoundOf, findShortlist } from '../repositories/shortlists'

export type { AnswerStep, DwellingPlan } from '../domain/answer-decision'

/** Reads what the store holds on the dwelling an answer names (its id is the file's Woning-ID). */
async function readDwellingAnswer(
  db: DbOrTx,
  meta: AnswerFileMeta,
  key: number | string | null,
): Promise<DwellingAnswerFacts> {
  const id = typeof key === 'number' ? key : undefined
  const sent = id === undefined ? undefined : meta.rounds.get(id)
  const dwelling =
    id === undefined
      ? undefined
      : (
          await db
            .select({
              id: dwellings.id,
              corporationId: dwellings.corporationId,
              address: dwellings.address,
            })
            .from(dwellings)
            .where(eq(dwellings.id, id))
            .limit(1)
        )[0]
  const shortlist = sent ? await findShortlist(db, sent.shortlistId) : undefined
  const facts = { corporationId: meta.corporationId, sent, dwelling, shortlist }
  if (!dwelling || !shortlist || shortlist.dwellingId !== dwelling.id)
    return { ...facts, candidates: [], current: undefined }
  const candidates = await db
    .select({
      clientId: shortlistCandidates.clientId,
      code: clients.code,
      position: shortlistCandidates.position,
      decision: shortlistCandidates.decision,
    })
    .from(shortlistCandidates)
    .innerJoin(clients, eq(clients.id, shortlistCandidates.clientId))
    .where(eq(shortlistCandidates.shortlistId, shortlist.id))
  const current = await currentRoundOf(db, dwelling.id)
  return { ...facts, candidates, current }
}

/** A dwelling's answer judged against the store: a read step, then the pure decision. */
export async function planDwelling(
  db: DbOrTx,
  meta: AnswerFileMeta,
  key: number | string | null,
  rows: AnswerRow[],
  today: string,
): Promise<DwellingPlan> {
  return decideDwellingAnswer(await readDwellingAnswer(db, meta, key), key, rows, today)
}
