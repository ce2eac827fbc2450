import { and, asc, eq } from 'drizzle-orm'
import type { CorporationAnswers, OpenAnswer } from '../../shared/api'
import { ApiError } from '../../shared/api'
import { localIsoDate } from '../../shared/domain/dates'
import { corporations, dwellings, offers, shortlistCandidates, shortlists } from '../db/schema'
import { addWorkingDays, ageingOf, workingDaysLate } from '../domain/deadlines'
import { fileNamePart } from '../excel/naming'
import { writeReminderWorkbook } from '../excel/reminder-writer'
import { roundDeclinedOn } from '../repositories/offers'
import type { ServiceContext } from './context'
import { recordExport } from './export-log'
import { getSettings } from './planning-service'

/**
 * What the corporations still owe: presented rounds without a decision (answer within the
 * setting's working days) and open offers (the client's reply, passed on by the corporation).
 */
export async function openAnswers(ctx: ServiceContext): Promise<CorporationAnswers[]> {
  const db = ctx.store.db
  const today = localIsoDate(ctx.now())
  const termsOf = termsByYear(ctx)
  const byCorporation = new Map<number, CorporationAnswers>()
  const add = (corporationId: number, corporation: string, answer: OpenAnswer) => {
    const entry = byCorporation.get(corporationId) ?? {
      corporationId,
      corporation,
      counts: { 'op-tijd': 0, 'deze-week': 0, 'te-laat': 0 },
      open: [],
    }
    entry.counts[answer.ageing] += 1
    entry.open.push(answer)
    byCorporation.set(corporationId, entry)
  }
  const answer = (
    kind: OpenAnswer['kind'],
    row: { dwellingId: number; address: string; quarter: string; round: number },
    since: string,
    workingDays: number,
  ): OpenAnswer => {
    const dueOn = addWorkingDays(since, workingDays)
    return {
      kind,
      ...row,
      since,
      dueOn,
      ageing: ageingOf(dueOn, today),
      daysLate: workingDaysLate(dueOn, today),
    }
  }

  const presented = await db
    .select({
      corporationId: corporations.id,
      corporation: corporations.name,
      dwellingId: dwellings.id,
      address: dwellings.address,
      quarter: dwellings.quarterKey,
      round: shortlists.round,
      presentedAt: shortlists.presentedAt,
      // A round that came back to the corporation after a declined offer is due again from then.
      declinedOn: roundDeclinedOn,
    })
    .from(shortlists)
    .innerJoin(dwellings, eq(dwellings.id, shortlists.dwellingId))
    .innerJoin(corporations, eq(corporations.id, dwellings.corporationId))
    .where(eq(shortlists.status, 'voorgedragen'))
    .orderBy(asc(shortlists.presentedAt))
  for (const row of presented) {
    const presented = localIsoDate(new Date(row.presentedAt ?? ctx.now().toISOString()))
    const since = row.declinedOn && row.declinedOn > presented ? row.declinedOn : presented
    add(
      row.corporationId,
      row.corporation,
      answer('voordracht', row, since, (await termsOf(since)).answerWorkingDays),
    )
  }

  const offered = await db
    .select({
      corporationId: corporations.id,
      corporation: corporations.name,
      dwellingId: dwellings.id,
      address: dwellings.address,
      quarter: dwellings.quarterKey,
      round: shortlists.round,
      offeredOn: offers.offeredOn,
    })
    .from(offers)
    .innerJoin(shortlistCandidates, eq(shortlistCandidates.id, offers.candidateId))
    .innerJoin(shortlists, eq(shortlists.id, shortlistCandidates.shortlistId))
    .innerJoin(dwellings, eq(dwellings.id, offers.dwellingId))
    .innerJoin(corporations, eq(corporations.id, dwellings.corporationId))
    .where(and(eq(offers.outcome, 'open')))
    .orderBy(asc(offers.offeredOn))
  for (const row of offered) {
    add(
      row.corporationId,
      row.corporation,
      answer(
        'aanbieding',
        row,
        row.offeredOn,
        (await termsOf(row.offeredOn)).offerReplyWorkingDays,
      ),
    )
  }

  return [...byCorporation.values()].sort((a, b) => a.corporation.localeCompare(b.corporation))
}

/** The terms valid in the year an answer was asked for, read once per year. */
function termsByYear(ctx: ServiceContext) {
  const cache = new Map<number, { answerWorkingDays: number; offerReplyWorkingDays: number }>()
  return async (day: string) => {
    const year = Number(day.slice(0, 4))
    let terms = cache.get(year)
    if (!terms) {
      const { answerWorkingDays, offerReplyWorkingDays } = (await getSettings(ctx, year)).values
      terms = { answerWorkingDays, offerReplyWorkingDays }
      cache.set(year, terms)
    }
    return terms
  }
}

/** A reminder to one corporation: its late answers as a workbook, logged as an export. */
export async function reminder(
  ctx: ServiceContext,
  corporationId: number,
): Promise<{ fileName: string; base64: string }> {
  const corporation = (
    await ctx.store.db
      .select({ id: corporations.id, name: corporations.name })
      .from(corporations)
      .where(eq(corporations.id, corporationId))
      .limit(1)
  )[0]
  if (!corporation) throw new ApiError('not-found', 'Deze corporatie bestaat niet (meer)')
  const late = (
    (await openAnswers(ctx)).find((c) => c.corporationId === corporationId)?.open ?? []
  ).filter((answer) => answer.ageing === 'te-laat')
  if (late.length === 0) {
    throw new ApiError(
      'conflict',
      `${corporation.name} heeft geen antwoorden die over de termijn zijn; een herinnering is niet nodig.`,
    )
  }
  const createdAt = ctx.now()
  const buffer = await writeReminderWorkbook({ corporation: corporation.name, createdAt, late })
  const fileName = `herinnering-${fileNamePart(corporation.name)}-${localIsoDate(createdAt)}.xlsx`
  await recordExport(ctx, {
    kind: 'reminder',
    recipient: corporation.name,
    fileName,
    summary: `Herinnering naar ${corporation.name}: ${late.length === 1 ? '1 antwoord' : `${late.length} antwoorden`} over de termijn`,
    details: {
      corporationId: corporation.id,
      rounds: late.filter((a) => a.kind === 'voordracht').length,
      offers: late.filter((a) => a.kind === 'aanbieding').length,
      dwellingIds: late.map((a) => a.dwellingId),
    },
  })
  return { fileName, base64: buffer.toString('base64') }
}
