import { differenceInCalendarDays, parseISO } from 'date-fns'
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
import { CLIENT_STATUS } from '../../shared/domain/vocabulary'
import { careProviders, clients } from '../db/schema'
import {
  findClientByCode,
  findClientDetail,
  listClientRows,
  wijkList,
} from '../repositories/clients'
import { audit } from './audit'
import { releaseFromShortlists } from './offers-service'
import type { ServiceContext } from './context'
import { localIsoDate } from '../../shared/domain/dates'

function withWaitingDays<T extends { registeredOn: string; excludedWijken: string }>(
  row: T,
  today: Date,
) {
  return {
    ...row,
    excludedWijken: wijkList(row.excludedWijken),
    waitingDays: differenceInCalendarDays(today, parseISO(row.registeredOn)),
  }
}

export function listClients(
  ctx: ServiceContext,
  filter: z.output<typeof ListClientsInput>,
): ClientRow[] {
  const today = ctx.now()
  return listClientRows(ctx.store.db, filter).map((row) => withWaitingDays(row, today))
}

export function getClient(ctx: ServiceContext, id: number): ClientDetail {
  const row = findClientDetail(ctx.store.db, id)
  if (!row) throw new ApiError('not-found', 'Deze kandidaat bestaat niet (meer)')
  return { ...withWaitingDays(row, ctx.now()), preferredWijken: wijkList(row.preferredWijken) }
}

export function saveClient(
  ctx: ServiceContext,
  { id, client }: z.output<typeof SaveClientInput>,
): ClientDetail {
  const { db } = ctx.store
  const savedId = db.transaction((tx) => {
    const provider = tx
      .select()
      .from(careProviders)
      .where(eq(careProviders.id, client.careProviderId))
      .get()
    if (!provider) throw new ApiError('not-found', 'Deze zorgaanbieder bestaat niet (meer)')
    const clash = findClientByCode(tx, client.code)
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
      savedId = tx
        .insert(clients)
        .values({ ...values, status: 'wachtend', statusSince: client.registeredOn })
        .returning({ id: clients.id })
        .get().id
    } else {
      const erased = tx
        .select({ anonymisedAt: clients.anonymisedAt })
        .from(clients)
        .where(eq(clients.id, id))
        .get()?.anonymisedAt
      if (erased) {
        throw new ApiError(
          'conflict',
          'De gegevens van deze kandidaat zijn gewist en kunnen niet meer worden gewijzigd',
        )
      }
      const updated = tx
        .update(clients)
        .set({ ...values, updatedAt: new Date().toISOString() })
        .where(eq(clients.id, id))
        .returning({ id: clients.id })
        .get()
      if (!updated) throw new ApiError('not-found', 'Deze kandidaat bestaat niet (meer)')
      savedId = id
    }
    audit(tx, ctx, {
      action: id === undefined ? 'client:create' : 'client:update',
      entityType: 'client',
      entityId: savedId,
      // The code only: the audit trail keeps events, never personal details.
      summary: `Kandidaat ${client.code} ${id === undefined ? 'aangemeld' : 'gewijzigd'} namens ${provider.name}`,
      details: { fields: Object.keys(client).filter((k) => k !== 'name' && k !== 'notes') },
    })
    return savedId
  })
  return getClient(ctx, savedId)
}

/** Officer-set statuses only; the matching workflow owns voorgedragen, aanbieding and gehuisvest. */
export function setClientStatus(
  ctx: ServiceContext,
  input: z.output<typeof SetClientStatusInput>,
): ClientDetail {
  const today = localIsoDate(ctx.now())
  ctx.store.db.transaction((tx) => {
    const current = tx
      .select({ code: clients.code, status: clients.status, anonymisedAt: clients.anonymisedAt })
      .from(clients)
      .where(eq(clients.id, input.id))
      .get()
    if (!current) throw new ApiError('not-found', 'Deze kandidaat bestaat niet (meer)')
    if (current.status === input.status) return
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
      releaseFromShortlists(ctx, tx, input.id, input.reason ?? CLIENT_STATUS.label(input.status))
    }
    tx.update(clients)
      .set({ status: input.status, statusSince: today, updatedAt: new Date().toISOString() })
      .where(eq(clients.id, input.id))
      .run()
    audit(tx, ctx, {
      action: 'client:status',
      entityType: 'client',
      entityId: input.id,
      summary: `Kandidaat ${current.code}: ${CLIENT_STATUS.label(current.status)} → ${CLIENT_STATUS.label(input.status)}`,
      details: { from: current.status, to: input.status, reason: input.reason },
    })
  })
  return getClient(ctx, input.id)
}
