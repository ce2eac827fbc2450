import { asc, eq } from 'drizzle-orm'
import type { FileResult } from '../../shared/api/imports'
import { ApiError } from '../../shared/api/endpoint'
import {
  allocations,
  careProviders,
  clients,
  corporations,
  dwellings,
  offers,
  shortlistCandidates,
  shortlists,
} from '../db/schema'
import { timeline } from './audit'
import { recordExport } from './export-log'
import type { ServiceContext } from './context'
import { offerOutcomeColumns } from '../repositories/offers'
import { candidateDecisionColumns } from '../repositories/shortlists'

/**
 * The right of access (AVG art. 15): everything the app holds on one client, as JSON, so it is
 * complete and machine-readable (art. 20) and can be read aloud or printed by the officer. Each
 * such file is logged in export_log: it is personal data leaving the app.
 */
export async function exportClientData(ctx: ServiceContext, clientId: number): Promise<FileResult> {
  const { db } = ctx.store
  const client = (await db.select().from(clients).where(eq(clients.id, clientId)).limit(1))[0]
  if (!client) throw new ApiError('not-found', 'Deze kandidaat bestaat niet (meer)')
  const providerName = async (id: number | null) =>
    id === null
      ? null
      : ((
          await db
            .select({ name: careProviders.name })
            .from(careProviders)
            .where(eq(careProviders.id, id))
            .limit(1)
        )[0]?.name ?? null)

  const onShortlists = (
    await db
      .select({
        round: shortlists.round,
        shortlistStatus: shortlists.status,
        presentedAt: shortlists.presentedAt,
        decidedAt: shortlists.decidedAt,
        address: dwellings.address,
        postcode: dwellings.postcode,
        wijk: dwellings.wijk,
        corporation: corporations.name,
        ...candidateDecisionColumns,
      })
      .from(shortlistCandidates)
      .innerJoin(shortlists, eq(shortlists.id, shortlistCandidates.shortlistId))
      .innerJoin(dwellings, eq(dwellings.id, shortlists.dwellingId))
      .innerJoin(corporations, eq(corporations.id, dwellings.corporationId))
      .where(eq(shortlistCandidates.clientId, clientId))
      .orderBy(asc(shortlistCandidates.id))
  ).map((row) => ({ ...row, scoreParts: JSON.parse(row.scoreParts) as unknown }))
  const offered = await db
    .select({
      address: dwellings.address,
      ...offerOutcomeColumns,
    })
    .from(offers)
    .innerJoin(dwellings, eq(dwellings.id, offers.dwellingId))
    .where(eq(offers.clientId, clientId))
  const housed = await db
    .select({
      address: dwellings.address,
      postcode: dwellings.postcode,
      contractKind: allocations.contractKind,
      startsOn: allocations.startsOn,
    })
    .from(allocations)
    .innerJoin(dwellings, eq(dwellings.id, allocations.dwellingId))
    .where(eq(allocations.clientId, clientId))

  const madeAt = ctx.now().toISOString()
  const document = {
    about: 'Gegevens die Het Vierde Huis over deze cliënt vastlegt (inzageverzoek, AVG artikel 15)',
    madeAt,
    madeBy: ctx.actor.officer,
    client: {
      ...client,
      preferredWijken: JSON.parse(client.preferredWijken) as unknown,
      excludedWijken: JSON.parse(client.excludedWijken) as unknown,
      careProvider: await providerName(client.careProviderId),
      supportProvider: await providerName(client.supportProviderId),
    },
    shortlists: onShortlists,
    offers: offered,
    allocations: housed,
    timeline: await timeline(db, 'client', clientId),
  }
  const fileName = `inzage-${client.code.replace(/[^A-Za-z0-9-]+/g, '_')}-${madeAt.slice(0, 10)}.json`
  await recordExport(ctx, {
    kind: 'client-data',
    recipient: client.code,
    fileName,
    summary: `Inzage-export gemaakt van de gegevens van kandidaat ${client.code}`,
    details: { clientId },
    subject: { entityType: 'client', entityId: clientId },
  })
  return {
    fileName,
    base64: Buffer.from(JSON.stringify(document, null, 2), 'utf8').toString('base64'),
  }
}
