import { and, asc, eq, getTableColumns, inArray, sql } from 'drizzle-orm'
import type { z } from 'zod'
import { ApiError } from '../../shared/api/endpoint'
import type { ExportShortlistsInput } from '../../shared/api/exports'
import type { FileResult } from '../../shared/api/imports'
import type { DbOrTx } from '../db/connection'
import {
  careProviders,
  clients,
  corporations,
  dwellings,
  shortlistCandidates,
  shortlists,
} from '../db/schema'
import { addWorkingDays } from '../domain/deadlines'
import { fileNamePart } from '../excel/naming'
import { EXPORT_CLIENT_COLUMNS, type ExportCandidate } from '../excel/shortlist-fields'
import { writeShortlistWorkbook } from '../excel/shortlist-writer'
import { columnsFor } from '../repositories/columns'
import { roundDeclinedOn } from '../repositories/offers'
import type { ServiceContext } from './context'
import { getSettings } from './planning-service'
import { recordExport } from './export-log'
import { getCorporation } from './import-owners'
import { isoDay } from './workflow-steps'

type Input = z.output<typeof ExportShortlistsInput>

/** The presented rounds of a corporation's dwellings in the quarter (optionally a selection). */
async function presentedRounds(db: DbOrTx, input: Input) {
  return await db
    .select({
      shortlistId: shortlists.id,
      dwellingId: shortlists.dwellingId,
      round: shortlists.round,
      presentedAt: shortlists.presentedAt,
    })
    .from(shortlists)
    .innerJoin(dwellings, eq(dwellings.id, shortlists.dwellingId))
    .where(
      and(
        eq(dwellings.corporationId, input.corporationId),
        eq(dwellings.quarterKey, input.quarter),
        eq(shortlists.status, 'voorgedragen'),
        input.dwellingIds ? inArray(dwellings.id, input.dwellingIds) : undefined,
      ),
    )
}

/**
 * The support provider's name, a second care provider of the client: a scalar subquery rather
 * than a join on an alias of care_providers, which drizzle's PostgreSQL dialect renders without its
 * alias for our (SQLite-defined) tables in team mode.
 */
const supportProviderName = sql<
  string | null
>`(SELECT sp.name FROM care_providers sp WHERE sp.id = ${clients.supportProviderId})`

/**
 * The candidates still open on those rounds, with exactly the columns of ExportCandidate (the
 * client's from EXPORT_CLIENT_COLUMNS): what is not selected here cannot end up in the file.
 */
async function openCandidatesOf(db: DbOrTx, shortlistIds: number[]): Promise<ExportCandidate[]> {
  return await db
    .select({
      dwellingId: dwellings.id,
      address: dwellings.address,
      wijk: dwellings.wijk,
      rooms: dwellings.rooms,
      round: shortlists.round,
      declinedOn: roundDeclinedOn,
      position: shortlistCandidates.position,
      careProvider: careProviders.name,
      supportProvider: supportProviderName,
      ...columnsFor(getTableColumns(clients), EXPORT_CLIENT_COLUMNS),
    })
    .from(shortlistCandidates)
    .innerJoin(shortlists, eq(shortlists.id, shortlistCandidates.shortlistId))
    .innerJoin(dwellings, eq(dwellings.id, shortlists.dwellingId))
    .innerJoin(clients, eq(clients.id, shortlistCandidates.clientId))
    .innerJoin(careProviders, eq(careProviders.id, clients.careProviderId))
    .where(
      and(
        inArray(shortlistCandidates.shortlistId, shortlistIds),
        eq(shortlistCandidates.decision, 'open'),
      ),
    )
    .orderBy(asc(dwellings.address), asc(dwellings.id), asc(shortlistCandidates.position))
}

/** The earliest deadline of the rounds in the file: one date the corporation can plan by. */
async function answerDeadline(
  ctx: ServiceContext,
  rounds: { presentedAt: string | null }[],
): Promise<string> {
  const days = rounds.map((r) => isoDay(r.presentedAt ? new Date(r.presentedAt) : ctx.now()))
  const first = days.reduce((a, b) => (a < b ? a : b))
  return addWorkingDays(
    first,
    (await getSettings(ctx, Number(first.slice(0, 4)))).values.answerWorkingDays,
  )
}

/**
 * One workbook for a corporation with, per dwelling, the candidates it still has to judge, and the
 * decision columns it fills in. Logged as an export (who, when, for whom) when the file is made.
 */
export async function exportShortlists(ctx: ServiceContext, input: Input): Promise<FileResult> {
  const { db } = ctx.store
  const corporation = await getCorporation(db, input.corporationId)
  const detail =
    (
      await db
        .select({ exportDetail: corporations.exportDetail })
        .from(corporations)
        .where(eq(corporations.id, corporation.id))
        .limit(1)
    )[0]?.exportDetail ?? 'beperkt'
  const rounds = await presentedRounds(db, input)
  if (input.dwellingIds) {
    const missing = input.dwellingIds.filter((id) => !rounds.some((r) => r.dwellingId === id))
    if (missing.length > 0) {
      throw new ApiError(
        'conflict',
        `Woning ${missing.join(', ')} heeft geen voorgedragen ronde van ${corporation.name} in ${input.quarter}`,
      )
    }
  }
  const candidates = rounds.length
    ? await openCandidatesOf(
        db,
        rounds.map((r) => r.shortlistId),
      )
    : []
  const answerable = rounds.filter((r) => candidates.some((c) => c.dwellingId === r.dwellingId))
  if (answerable.length === 0) {
    throw new ApiError(
      'conflict',
      `Er staan geen voorgedragen kandidaten open voor ${corporation.name} in ${input.quarter}. Draag eerst kandidaten voor.`,
    )
  }
  const createdAt = ctx.now()
  const buffer = await writeShortlistWorkbook({
    corporation,
    quarter: input.quarter,
    createdAt,
    answerBy: await answerDeadline(ctx, answerable),
    detail,
    shortlists: answerable,
    candidates,
  })
  const fileName = `voordrachten-${fileNamePart(corporation.name)}-${input.quarter}-${isoDay(createdAt)}.xlsx`
  await recordExport(ctx, {
    kind: 'shortlists',
    recipient: corporation.name,
    fileName,
    summary: `Voordrachten ${input.quarter} naar ${corporation.name}: ${answerable.length} woningen, ${candidates.length} kandidaten`,
    details: {
      quarter: input.quarter,
      corporationId: corporation.id,
      // Which level of candidate detail left the app: the agreement with this corporation.
      detail,
      dwellingIds: answerable.map((r) => r.dwellingId),
      shortlists: answerable.map((r) => ({ id: r.shortlistId, round: r.round })),
      dwellings: answerable.length,
      candidates: candidates.length,
    },
  })
  return { fileName, base64: buffer.toString('base64') }
}
