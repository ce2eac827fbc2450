import { eq } from 'drizzle-orm'
import type { z } from 'zod'
import { ApiError } from '../../shared/api/endpoint'
import {
  ANSWER_OUTCOME,
  type AnswerLine,
  type AnswerOutcome,
  type AnswersReport,
  type ImportAnswersInput,
} from '../../shared/api/exports'
import { REJECTION_REASON } from '../../shared/domain/vocabulary'
import { isoToDutchDay } from '../../shared/domain/dates'
import { lockRows } from '../db/dialect'
import { corporations, dwellings } from '../db/schema'
import { readAnswerMeta, readAnswerRows, type AnswerRow } from '../excel/answer-reader'
import { loadWorkbook } from '../excel/workbook-reader'
import { planDwelling, type DwellingPlan } from './answers-plan'
import type { AuditEntry } from './audit'
import { audited } from './audited'
import type { ServiceContext } from './context'
import { choose, rejectAll, rejectCandidate } from './shortlists-service'
import { isoDay } from './workflow-steps'

/** Thrown to roll a preview back after it ran for real inside the transaction. */
const PREVIEW = Symbol('preview')

/**
 * Reads a corporation's returned shortlist file and applies its decisions through the same
 * workflow functions as the Voordrachten screen. Everything runs in one outer transaction (the
 * services' own transactions nest as savepoints), so a failure anywhere leaves nothing applied;
 * a preview (dryRun) runs the same way and is rolled back, so it shows exactly what would happen.
 */
export async function importAnswers(
  ctx: ServiceContext,
  input: z.output<typeof ImportAnswersInput>,
): Promise<AnswersReport> {
  const { db } = ctx.store
  const workbook = await loadWorkbook(input.base64)
  const meta = readAnswerMeta(workbook)
  const corporation = (
    await db
      .select({ id: corporations.id, name: corporations.name })
      .from(corporations)
      .where(eq(corporations.id, meta.corporationId))
      .limit(1)
  )[0]
  if (!corporation || corporation.name.toLowerCase() !== meta.corporation.toLowerCase()) {
    throw new ApiError(
      'invalid-input',
      `Dit antwoord is van ${meta.corporation}, maar die corporatie is hier onbekend. Komt het bestand uit een andere database?`,
    )
  }
  const groups = groupByDwelling(readAnswerRows(workbook))
  if (groups.size === 0) {
    throw new ApiError('invalid-input', 'Het bestand bevat geen kandidaten om te verwerken.')
  }

  let lines: AnswerLine[] = []
  const imported = (applied: number[]): AuditEntry | null =>
    applied.length === 0
      ? null
      : {
          action: 'answers:import',
          entityType: 'import',
          summary: `Antwoord van ${corporation.name} op de voordrachten ${meta.quarterKey} ingelezen uit ${input.fileName}: ${describe(count(lines))}`,
          details: {
            fileName: input.fileName,
            corporationId: corporation.id,
            quarter: meta.quarterKey,
            dwellingIds: applied,
            ...count(lines),
          },
        }
  try {
    await audited(ctx, imported, async (tx) => {
      // The file's dwellings are locked before their answers are judged (in id order, as each
      // step locks its own), so the plan reads what the steps will find.
      await lockRows(
        tx,
        dwellings,
        [...groups.keys()].filter((key): key is number => typeof key === 'number'),
      )
      const today = isoDay(ctx.now())
      const plans: DwellingPlan[] = []
      for (const [key, rows] of groups) plans.push(await planDwelling(tx, meta, key, rows, today))
      lines = []
      for (const plan of plans)
        lines.push(plan.apply ? await apply(ctx, plan, input.dryRun) : plan.line)
      if (input.dryRun) throw PREVIEW
      return plans.flatMap((p) => (p.apply ? [p.dwellingId] : []))
    })
  } catch (error) {
    if (error !== PREVIEW) throw error
  }
  const counts = count(lines)
  return {
    fileName: input.fileName,
    corporation: corporation.name,
    quarter: meta.quarterKey,
    dryRun: input.dryRun,
    committed: !input.dryRun && counts.applied > 0,
    lines,
    counts,
  }
}

function groupByDwelling(rows: AnswerRow[]): Map<number | string | null, AnswerRow[]> {
  const groups = new Map<number | string | null, AnswerRow[]>()
  for (const row of rows) groups.set(row.dwellingId, [...(groups.get(row.dwellingId) ?? []), row])
  return groups
}

/** Runs a dwelling's steps; a refusal by the workflow aborts the whole import (nothing partial). */
async function apply(
  ctx: ServiceContext,
  plan: Extract<DwellingPlan, { apply: true }>,
  dryRun: boolean,
): Promise<AnswerLine> {
  const actions: string[] = []
  const { shortlistId } = plan
  try {
    for (const step of plan.steps) {
      if (step.kind === 'choose') {
        await choose(ctx, { shortlistId, clientId: step.clientId, offeredOn: step.offeredOn })
        actions.push(
          `${step.code}: match; eenmalige aanbieding gedaan op ${isoToDutchDay(step.offeredOn)}`,
        )
      } else if (step.kind === 'reject') {
        await rejectCandidate(ctx, {
          shortlistId,
          clientId: step.clientId,
          rejection: step.rejection,
        })
        actions.push(`${step.code}: geen match (${REJECTION_REASON.label(step.rejection.reason)})`)
      } else {
        const { rejection, motivation } = step
        const state = await rejectAll(ctx, { shortlistId, rejection, motivation })
        actions.push(
          `Ronde ${plan.line.round} afgewezen (${REJECTION_REASON.label(step.rejection.reason)}); motivatie vastgelegd`,
        )
        const next = state.rounds[0]
        actions.push(
          next && next.status === 'concept'
            ? `Nieuwe conceptvoordracht: ronde ${next.round} met ${next.candidates.length} kandidaten`
            : 'Geen nieuwe kandidaten in aanmerking; de woning wacht op nieuwe aanmeldingen',
        )
      }
    }
  } catch (error) {
    if (!(error instanceof ApiError)) throw error
    throw new ApiError(
      'conflict',
      `Niets ingelezen: bij ${plan.line.address} (ronde ${plan.line.round}) ging het mis: ${error.message}`,
    )
  }
  return { ...plan.line, message: dryRun ? 'Wordt verwerkt' : 'Verwerkt', actions }
}

function count(lines: AnswerLine[]): Record<AnswerOutcome, number> {
  const counts = Object.fromEntries(ANSWER_OUTCOME.map((o) => [o, 0])) as Record<
    AnswerOutcome,
    number
  >
  for (const line of lines) counts[line.outcome] += 1
  return counts
}

const OUTCOME_WORDS: Record<AnswerOutcome, string> = {
  applied: 'verwerkt',
  'already-applied': 'al verwerkt',
  'no-answer': 'zonder besluit',
  outdated: 'verouderd',
  'unknown-dwelling': 'onbekende woning',
  error: 'fout',
}

/** "3 verwerkt, 1 verouderd": the counts that are not zero. */
export function describe(counts: Record<AnswerOutcome, number>): string {
  const parts = ANSWER_OUTCOME.filter((o) => counts[o] > 0).map(
    (o) => `${counts[o]} ${OUTCOME_WORDS[o]}`,
  )
  return parts.length ? parts.join(', ') : 'niets'
}
