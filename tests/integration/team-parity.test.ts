/**
 * The same officer's day on both stores: the demo copied into PostgreSQL answers every call as the
 * SQLite file does. This is what holds the promise in connection.ts that the services' query
 * builders mean the same on both.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Runtime } from '../../src/main/runtime'
import type { DwellingMatching } from '../../src/shared/api'
import { DECLINE_REASON, REJECTION_REASON } from '../../src/shared/domain/vocabulary'
import { copyDemo } from '../support/shared-files'
import { STORE_KINDS, useRuntimeOn, type StoreKind } from '../support/stores'
import { useTempDir } from '../support/temp-db'

const QUARTER = '2026-Q4'

async function call<T>(runtime: Runtime, channel: string, input: unknown = {}): Promise<T> {
  const result = await runtime.routes.get(channel)!(input)
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
  return result.data as T
}

interface BoardRow {
  dwellingId: number
  shortlistId: number | null
  status: string
}

/** A quarter's work through the API, returning every answer the screens would show. */
async function officersDay(runtime: Runtime): Promise<Record<string, unknown>> {
  const seen: Record<string, unknown> = {}
  seen['generate'] = await call(runtime, 'shortlists:generate', { quarter: QUARTER })
  const board = await call<BoardRow[]>(runtime, 'shortlists:board', { quarter: QUARTER })
  seen['board'] = board
  const rounds = board.filter((r) => r.shortlistId !== null).slice(0, 6)
  for (const [index, row] of rounds.entries()) {
    const presented = await call<DwellingMatching>(runtime, 'shortlists:present', {
      shortlistId: row.shortlistId,
    })
    seen[`present ${index}`] = presented
    const first = presented.rounds.at(-1)!.candidates[0]!.clientId
    if (index % 3 === 0) {
      seen[`choose ${index}`] = await call(runtime, 'shortlists:choose', {
        shortlistId: row.shortlistId,
        clientId: first,
      })
    } else if (index % 3 === 1) {
      seen[`reject ${index}`] = await call(runtime, 'shortlists:rejectCandidate', {
        shortlistId: row.shortlistId,
        clientId: first,
        rejection: { reason: REJECTION_REASON.keys[0] },
      })
    } else {
      seen[`rejectAll ${index}`] = await call(runtime, 'shortlists:rejectAll', {
        shortlistId: row.shortlistId,
        rejection: { reason: REJECTION_REASON.keys[0] },
        motivation: 'Geen van de kandidaten past bij dit complex.',
      })
    }
    seen[`pool ${index}`] = await call(runtime, 'shortlists:pool', { dwellingId: row.dwellingId })
  }
  const offered = Object.entries(seen)
    .filter(([key]) => key.startsWith('choose'))
    .flatMap(([, answer]) => (answer as DwellingMatching).offers)
    .filter((offer) => offer.respondedOn === null)
    .map((offer) => offer.id)
  expect(offered.length).toBeGreaterThan(0)
  for (const [index, offerId] of offered.entries()) {
    seen[`offer ${offerId}`] =
      index % 2 === 0
        ? await call(runtime, 'offers:accept', { offerId, startsOn: '2026-12-01' })
        : await call(runtime, 'offers:decline', {
            offerId,
            decline: { reason: DECLINE_REASON.keys[0] },
          })
  }
  seen['overview'] = await call(runtime, 'quarters:overview', { quarter: QUARTER })
  seen['clients'] = await call(runtime, 'clients:list', {})
  seen['dwellings'] = await call(runtime, 'dwellings:list', { quarter: QUARTER })
  seen['spreading'] = await call(runtime, 'spreading:overview', {})
  seen['figures'] = await call(runtime, 'reports:figures', { year: 2026 })
  seen['timeline'] = await call(runtime, 'audit:timeline', { entityType: 'client', entityId: 1 })
  seen['exportsLog'] = await call(runtime, 'exports:log', {})
  return seen
}

describe('één werkdag op beide opslagvormen', () => {
  const tempDir = useTempDir()
  const runtimeOn = useRuntimeOn()

  it('geeft op PostgreSQL precies dezelfde antwoorden als op het SQLite-bestand', async () => {
    const answers: Partial<Record<StoreKind, Record<string, unknown>>> = {}
    for (const kind of STORE_KINDS) {
      const file = join(tempDir(), `${kind}.db`)
      await copyDemo(file, { seed: 7 })
      answers[kind] = await officersDay(await runtimeOn(kind, file))
    }
    for (const key of Object.keys(answers.sqlite!))
      expect(answers.postgres![key], key).toEqual(answers.sqlite![key])
  }, 240_000)
})
