import { eq } from 'drizzle-orm'
import type { z } from 'zod'
import type {
  ClientDetail,
  ClientRow,
  ListClientsInput,
  SaveClientInput,
  SetClientStatusInput,
} from '../../shared/api'
import { ApiError } from '../../shared/api'
import { CLIENT_STATUS, type ClientStatus } from '../../shared/domain/vocabulary'
import { lockRows } from '../db/dialect'
import { careProviders, clients } from '../db/schema'
import {
  findClientByCode,
  findClientDetail,
  listClientRows,
  lockClientForStep,
  wijkList,
} from '../repositories/clients'
import type { AuditEntry } from './audit'
import { audited } from './audited'
import { requireVersion } from './conflicts'
import { releaseFromShortlists } from './offers-service'
import type { ServiceContext } from './context'
import { calendarDaysSince, localIsoDate, utcMidnight } from '../../shared/domain/dates'

/** The register's row as the screens read it: the wijk list parsed, the waiting time in days. */
function withWaitingDays<T extends { registeredOn: string; excludedWijken: string }>(
  row: T,
  todayUtc: number,
) {
  return {
    ...row,
    excludedWijken: wijkList(row.excludedWijken),
    waitingDays: calendarDaysSince(row.registeredOn, todayUtc),
  }
}

export async function listClients(
  ctx: ServiceContext,
  filter: z.output<typeof ListClientsInput>,
): Promise<ClientRow[]> {
  const todayUtc = utcMidnight(ctx.now())
  return (await listClientRows(ctx.store.db, filter)).map((row) => withWaitingDays(row, todayUtc))
}

export async function getClient(ctx: ServiceContext, id: number): Promise<ClientDetail> {
  const row = await findClientDetail(ctx.store.db, id)
  if (!row) throw new ApiError('not-found', 'Deze kandidaat bestaat niet (meer)')
  return {
    ...withWaitingDays(row, utcMidnight(ctx.now())),
    preferredWijken: wijkList(row.preferredWijken),
  }
}

export async function saveClient(
  ctx: ServiceContext,
  { id, client, version }: z.output<typeof SaveClientInput>,
): Promise<ClientDetail> {
  const recorded = (saved: { id: number; provider: string }): AuditEntry => ({
    action: id === undefined ? 'client:create' : 'client:update',
    entityType: 'client',
    entityId: saved.id,
    // The code only: the audit trail keeps events, never personal details.
    summary: `Kandidaat ${client.code} ${id === undefined ? 'aangemeld' : 'gewijzigd'} namens ${saved.provider}`,
    details: { fields: Object.keys(client).filter((k) => k !== 'name' && k !== 'notes') },
  })
  const saved = await audited(ctx, recorded, async (tx) => {
    const provider = (
      await tx
        .select()
        .from(careProviders)
        .where(eq(careProviders.id, client.careProviderId))
        .limit(1)
    )[0]
    if (!provider) throw new ApiError('not-found', 'Deze zorgaanbieder bestaat niet (meer)')
    const clash = await findClientByCode(tx, client.code)
    if (clash && clash.id !== id)
      throw new ApiError('conflict', `Cliëntcode ${client.code} is al in gebruik`)
    const values = {
      ...client,
      preferredWijken: JSON.stringify(client.preferredWijken),
      excludedWijken: JSON.stringify(client.excludedWijken),
      supportProviderId: client.supportProviderId ?? client.careProviderId,
      supportIntensity: client.supportIntensity ?? null,
      supportMonths: client.supportMonths ?? null,
      supportContactName: client.supportContactName ?? null,
      supportContactPhone: client.supportContactPhone ?? null,
      supportContactEmail: client.supportContactEmail ?? null,
    }
    let savedId: number
    if (id === undefined) {
      savedId = (
        await tx
          .insert(clients)
          .values({ ...values, status: 'wachtend', statusSince: client.registeredOn })
          .returning({ id: clients.id })
      )[0]!.id
    } else {
      // A form's save: locked first, then read (docs/team-mode.md §4).
      await lockRows(tx, clients, [id])
      const current = (
        await tx
          .select({ anonymisedAt: clients.anonymisedAt, version: clients.updatedAt })
          .from(clients)
          .where(eq(clients.id, id))
          .limit(1)
      )[0]
      if (!current) throw new ApiError('not-found', 'Deze kandidaat bestaat niet (meer)')
      if (current.anonymisedAt) {
        throw new ApiError(
          'conflict',
          'De gegevens van deze kandidaat zijn gewist en kunnen niet meer worden gewijzigd',
        )
      }
      await requireVersion(tx, ctx, { type: 'client', id }, version, current.version)
      const updated = (
        await tx.update(clients).set(values).where(eq(clients.id, id)).returning({ id: clients.id })
      )[0]
      if (!updated) throw new ApiError('not-found', 'Deze kandidaat bestaat niet (meer)')
      savedId = id
    }
    return { id: savedId, provider: provider.name }
  })
  return getClient(ctx, saved.id)
}

/** Officer-set statuses only; the matching workflow owns voorgedragen, aanbieding and gehuisvest. */
export async function setClientStatus(
  ctx: ServiceContext,
  input: z.output<typeof SetClientStatusInput>,
): Promise<ClientDetail> {
  const today = localIsoDate(ctx.now())
  const changed = (from: { code: string; status: ClientStatus } | null): AuditEntry | null =>
    from && {
      action: 'client:status',
      entityType: 'client',
      entityId: input.id,
      summary: `Kandidaat ${from.code}: ${CLIENT_STATUS.label(from.status)} → ${CLIENT_STATUS.label(input.status)}`,
      details: { from: from.status, to: input.status, reason: input.reason },
    }
  await audited(ctx, changed, async (tx) => {
    await lockClientForStep(tx, input.id)
    const current = (
      await tx
        .select({ code: clients.code, status: clients.status, anonymisedAt: clients.anonymisedAt })
        .from(clients)
        .where(eq(clients.id, input.id))
        .limit(1)
    )[0]
    if (!current) throw new ApiError('not-found', 'Deze kandidaat bestaat niet (meer)')
    if (current.status === input.status) return null
    // Its needs and preferences are gone: matching it again would rank on cleared fields.
    if (current.anonymisedAt) {
      throw new ApiError(
        'conflict',
        `De gegevens van kandidaat ${current.code} zijn gewist; meld de cliënt zo nodig opnieuw aan`,
      )
    }
    if (current.status === 'gehuisvest') {
      throw new ApiError(
        'conflict',
        `Kandidaat ${current.code} is al gehuisvest; de status kan niet meer worden gewijzigd`,
      )
    }
    if (current.status === 'aanbieding') {
      throw new ApiError(
        'conflict',
        `Kandidaat ${current.code} heeft een lopende aanbieding; leg eerst de reactie daarop vast`,
      )
    }
    // Open shortlists follow: the client leaves them, and an emptied round gets new candidates.
    if (input.status !== 'wachtend') {
      await releaseFromShortlists(
        ctx,
        tx,
        input.id,
        input.reason ?? CLIENT_STATUS.label(input.status),
      )
    }
    await tx
      .update(clients)
      .set({ status: input.status, statusSince: today })
      .where(eq(clients.id, input.id))
    return current
  })
  return getClient(ctx, input.id)
}
