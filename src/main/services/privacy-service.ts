import { subMonths } from 'date-fns'
import { and, count, eq, inArray, isNotNull, isNull, lte } from 'drizzle-orm'
import type { z } from 'zod'
import { ApiError } from '../../shared/api/endpoint'
import type {
  AnonymiseResult,
  EraseClientInput,
  EraseResult,
  PrivacySettings,
} from '../../shared/api/privacy'
import type { Tx } from '../db/connection'
import {
  allocations,
  auditEvents,
  clients,
  offers,
  settings,
  shortlistCandidates,
} from '../db/schema'
import { anonymisedValues, lockClientForStep } from '../repositories/clients'
import type { AuditEntry } from './audit'
import { audited } from './audited'
import { backupsHolding } from './backup-service'
import type { ServiceContext } from './context'
import { releaseFromShortlists } from './offers-service'
import { erasePersonalTexts } from './personal-texts'

/**
 * The AVG rules of domain.md §5: data of clients who were housed or withdrawn is anonymised after
 * the retention period, and a client may ask to be erased now. What stays is what the yearly
 * figures need (code, target group, flow, dates, providers, household size, the shortlists and
 * offers as events); what goes is what says who someone is or what they struggle with.
 */
export const RETENTION_KEY = 'privacyRetentionMonths'
export const DEFAULT_RETENTION_MONTHS = 24
const DONE = ['gehuisvest', 'ingetrokken', 'aanbieding-benut'] as const

export async function privacySettings(ctx: ServiceContext): Promise<PrivacySettings> {
  const row = (
    await ctx.store.db
      .select({ value: settings.value })
      .from(settings)
      .where(and(eq(settings.key, RETENTION_KEY), eq(settings.year, 0)))
      .limit(1)
  )[0]
  const months = row ? (JSON.parse(row.value) as unknown) : null
  return { retentionMonths: typeof months === 'number' ? months : DEFAULT_RETENTION_MONTHS }
}

export async function savePrivacySettings(
  ctx: ServiceContext,
  input: PrivacySettings,
): Promise<PrivacySettings> {
  const saved: AuditEntry = {
    action: 'privacy:settings',
    entityType: 'settings',
    entityId: RETENTION_KEY,
    summary: `Bewaartermijn na huisvesting of intrekking: ${input.retentionMonths} maanden`,
  }
  await audited(ctx, saved, async (tx) => {
    const value = JSON.stringify(input.retentionMonths)
    await tx
      .insert(settings)
      .values({ key: RETENTION_KEY, year: 0, value })
      .onConflictDoUpdate({
        target: [settings.key, settings.year],
        set: { value },
      })
  })
  return await privacySettings(ctx)
}

/**
 * Clears the personal fields of one client, inside the caller's transaction.
 * Birth year becomes the first year of its decade (1987 → 1980) rather than nothing: the column
 * feeds the age bands of the yearly report, a decade is coarse enough not to single anyone out
 * among a provider's clients, and the under-23 rule is already kept by the target group.
 * Free texts others wrote about the client may name them or their circumstances, so they go too,
 * the audit trail's included (personal-texts.ts).
 */
async function clearPersonalFields(
  tx: Tx,
  clientId: number,
  birthYear: number,
  at: string,
): Promise<void> {
  await tx
    .update(clients)
    .set({ ...anonymisedValues(birthYear), anonymisedAt: at })
    .where(eq(clients.id, clientId))
  await erasePersonalTexts(tx, clientId)
}

/**
 * After erasing: the WAL still holds the old pages until a checkpoint, so copy them home and empty
 * it now (secure_delete, set in connection.ts, has zeroed the freed space in the pages themselves).
 */
function flushErased(ctx: ServiceContext): void {
  if (ctx.store.dialect === 'sqlite' && ctx.store.file !== ':memory:')
    ctx.store.sqlite.pragma('wal_checkpoint(TRUNCATE)')
}

/** Set once the texts about clients erased by an earlier version are gone too (see below). */
const EARLIER_ERASURES_KEY = 'earlierErasuresTextsCleared'

/**
 * Clients anonymised or erased before erasure covered the typed texts kept those texts in the audit
 * trail and elsewhere: clear them once, at the first start of this version. Returns whether it ran.
 */
async function clearTextsOfEarlierErasures(tx: Tx, at: string): Promise<boolean> {
  const done = (
    await tx
      .select({ key: settings.key })
      .from(settings)
      .where(and(eq(settings.key, EARLIER_ERASURES_KEY), eq(settings.year, 0)))
      .limit(1)
  )[0]
  if (done) return false
  const anonymised = (
    await tx.select({ id: clients.id }).from(clients).where(isNotNull(clients.anonymisedAt))
  ).map((c) => c.id)
  const deleted = (
    await tx
      .select({ id: auditEvents.entityId })
      .from(auditEvents)
      .where(eq(auditEvents.action, 'client:erase'))
  ).map((e) => Number(e.id))
  for (const id of new Set([...anonymised, ...deleted])) await erasePersonalTexts(tx, id)
  await tx
    .insert(settings)
    .values({ key: EARLIER_ERASURES_KEY, year: 0, value: JSON.stringify(at) })
  return true
}

/** Every client housed or withdrawn longer ago than the retention period; run daily at start-up. */
export async function anonymiseExpired(ctx: ServiceContext): Promise<AnonymiseResult> {
  const { retentionMonths } = await privacySettings(ctx)
  const cutoff = subMonths(ctx.now(), retentionMonths).toISOString().slice(0, 10)
  const at = ctx.now().toISOString()
  let cleared = false
  const anonymisedEach = (due: { id: number; code: string }[]): AuditEntry[] =>
    due.map((client) => ({
      action: 'client:anonymise',
      entityType: 'client',
      entityId: client.id,
      summary: `Persoonsgegevens van kandidaat ${client.code} gewist na de bewaartermijn van ${retentionMonths} maanden`,
      details: { retentionMonths, cutoff },
    }))
  const anonymised = (
    await audited(ctx, anonymisedEach, async (tx) => {
      cleared = await clearTextsOfEarlierErasures(tx, at)
      const due = await tx
        .select({ id: clients.id, code: clients.code, birthYear: clients.birthYear })
        .from(clients)
        .where(
          and(
            inArray(clients.status, [...DONE]),
            lte(clients.statusSince, cutoff),
            isNull(clients.anonymisedAt),
          ),
        )
      for (const client of due) await clearPersonalFields(tx, client.id, client.birthYear, at)
      return due
    })
  ).length
  if (anonymised > 0 || cleared) flushErased(ctx)
  return { retentionMonths, cutoff, anonymised }
}

async function isReferenced(tx: Tx, clientId: number): Promise<boolean> {
  const n = async (table: typeof shortlistCandidates | typeof offers | typeof allocations) =>
    (await tx.select({ n: count() }).from(table).where(eq(table.clientId, clientId)).limit(1))[0]
      ?.n ?? 0
  return (await n(shortlistCandidates)) + (await n(offers)) + (await n(allocations)) > 0
}

interface Erased {
  id: number
  code: string
  outcome: EraseResult['outcome']
}

/**
 * The right to erasure (AVG art. 17), on the officer's decision. A client with a running offer
 * must wait for its answer (the corporation holds the dwelling for them); otherwise the client
 * leaves every open shortlist, and is deleted when nothing refers to them, else anonymised with
 * the code kept, so the allocations and shortlists of the past still add up.
 */
export async function eraseClient(
  ctx: ServiceContext,
  input: z.output<typeof EraseClientInput>,
): Promise<EraseResult> {
  const at = ctx.now().toISOString()
  const erasedEvent = ({ id, code, outcome }: Erased): AuditEntry => ({
    action: 'client:erase',
    entityType: 'client',
    entityId: id,
    summary:
      outcome === 'deleted'
        ? `Kandidaat ${code} op verzoek volledig verwijderd`
        : `Persoonsgegevens van kandidaat ${code} op verzoek gewist; de code blijft voor de cijfers`,
    details: { reason: input.reason, outcome },
  })
  const erased = await audited(ctx, erasedEvent, async (tx): Promise<Erased> => {
    await lockClientForStep(tx, input.clientId)
    const client = (
      await tx.select().from(clients).where(eq(clients.id, input.clientId)).limit(1)
    )[0]
    if (!client) throw new ApiError('not-found', 'Deze kandidaat bestaat niet (meer)')
    if (client.status === 'aanbieding') {
      throw new ApiError(
        'conflict',
        `Kandidaat ${client.code} heeft een lopende aanbieding; leg eerst de reactie daarop vast`,
      )
    }
    if (client.status !== 'gehuisvest' && client.status !== 'ingetrokken') {
      await releaseFromShortlists(ctx, tx, client.id, 'Gegevens gewist op verzoek')
    }
    const outcome: EraseResult['outcome'] = (await isReferenced(tx, client.id))
      ? 'anonymised'
      : 'deleted'
    if (outcome === 'deleted') {
      await erasePersonalTexts(tx, client.id)
      await tx.delete(clients).where(eq(clients.id, client.id))
    } else {
      await clearPersonalFields(tx, client.id, client.birthYear, at)
      if (client.status !== 'gehuisvest') {
        await tx
          .update(clients)
          .set({ status: 'ingetrokken', statusSince: at.slice(0, 10) })
          .where(eq(clients.id, client.id))
      }
    }
    return { id: client.id, code: client.code, outcome }
  })
  flushErased(ctx)
  return { code: erased.code, outcome: erased.outcome, heldBy: backupsHolding(ctx, erased.code) }
}
