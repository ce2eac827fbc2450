import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  allocations,
  careProviders,
  clients,
  corporations,
  dwellings,
  offers,
  shortlistCandidates,
  shortlists,
} from '../../src/main/db/schema'
import { openRuntime, type Runtime } from '../../src/main/runtime'
import { ensureQuarter } from '../../src/main/services/quarters'
import type {
  AnonymiseResult,
  BackupRow,
  ClientDetail,
  EraseResult,
  FileResult,
  PoolEntry,
} from '../../src/shared/api'
import { storeDigest } from '../support/db-digest'
import { copyDemo } from '../support/shared-files'
import { sqlOne, sqlRows, sqlRun } from '../support/sql-rows'
import { STORE_KINDS, useRuntimeOn } from '../support/stores'
import { FIXED_NOW, TEST_ACTOR, useTempDir } from '../support/temp-db'
import { call } from '../support/call'

type Client = typeof clients.$inferInsert

const row = async (runtime: Runtime, id: number) =>
  await sqlOne<Record<string, unknown> | undefined>(
    runtime,
    'SELECT * FROM clients WHERE id = ?',
    id,
  )

describe.each(STORE_KINDS)(
  'privacy: retention, right of access and erasure (%s)',
  { timeout: 60_000 },
  (kind) => {
    const tempDir = useTempDir()
    const runtimeOn = useRuntimeOn()

    /**
     * Four clients, "today" 23 Nov 2026, retention 24 months: Anna housed in 2024 (with a shortlist,
     * an offer and an allocation), Bram withdrawn this year, Cor waiting since 2020, Dewi withdrawn
     * in 2020 and on no shortlist. Made on a SQLite file, then opened on the store under test.
     */
    async function setUp(file = join(tempDir(), 'privacy.db')) {
      const made = await openRuntime(file, {
        context: { actor: TEST_ACTOR, now: () => FIXED_NOW },
        startupTasks: false,
      })
      const { db } = made.store
      const providerId = db.insert(careProviders).values({ name: 'Lister' }).returning().get().id
      const corporationId = db
        .insert(corporations)
        .values({ name: 'Mitros', socialStock: 12_000 })
        .returning()
        .get().id
      await ensureQuarter(db, '2024-Q3')
      const dwellingId = db
        .insert(dwellings)
        .values({
          corporationId,
          quarterKey: '2024-Q3',
          address: 'Kanaalstraat 1',
          postcode: '3531 CJ',
          wijk: 'west',
          type: 'appartement',
          rooms: 2,
          netRent: 600,
          availableFrom: '2024-09-01',
          suitableFor: 'beide',
          status: 'verhuurd',
          statusSince: '2024-09-15',
          submittedOn: '2024-07-01',
        })
        .returning()
        .get().id
      const client = (values: Partial<Client> & Pick<Client, 'code'>) =>
        db
          .insert(clients)
          .values({
            careProviderId: providerId,
            supportProviderId: providerId,
            targetGroup: 'uitstroom-bw',
            flow: 'uitstroom',
            registeredOn: '2024-01-10',
            birthYear: 1987,
            maxRent: 650,
            name: `Naam van ${values.code}`,
            notes: `Notitie over ${values.code}: schulden, GGZ`,
            needsLowStimulus: true,
            preferredWijken: '["oost","zuid"]',
            excludedWijken: '["west"]',
            exclusionForSafety: true,
            status: 'wachtend',
            statusSince: '2024-01-10',
            ...values,
          })
          .returning()
          .get().id
      const anna = client({ code: 'LIS-001', status: 'gehuisvest', statusSince: '2024-09-15' })
      const bram = client({ code: 'LIS-002', status: 'ingetrokken', statusSince: '2026-03-01' })
      const cor = client({ code: 'LIS-003', registeredOn: '2020-05-01', statusSince: '2020-05-01' })
      const dewi = client({ code: 'LIS-004', status: 'ingetrokken', statusSince: '2020-06-01' })
      const shortlistId = db
        .insert(shortlists)
        .values({ dwellingId, round: 1, status: 'gekozen', eligiblePoolSize: 12 })
        .returning()
        .get().id
      const candidateId = db
        .insert(shortlistCandidates)
        .values({
          shortlistId,
          clientId: anna,
          position: 1,
          score: 80,
          decision: 'gekozen',
          decisionText: 'Mevrouw paste goed bij de buren',
          swapReason: 'Naam van LIS-001 woont al in de wijk',
        })
        .returning()
        .get().id
      const offerId = db
        .insert(offers)
        .values({
          candidateId,
          dwellingId,
          clientId: anna,
          offeredOn: '2024-09-01',
          outcome: 'geaccepteerd',
          respondedOn: '2024-09-05',
          declineReason: 'Eerst getwijfeld vanwege haar ex',
        })
        .returning()
        .get().id
      db.insert(allocations)
        .values({
          offerId,
          dwellingId,
          clientId: anna,
          contractKind: 'huur',
          startsOn: '2024-09-15',
        })
        .run()
      made.close()
      const runtime = await runtimeOn(kind, file)
      return { runtime, file, anna, bram, cor, dewi, dwellingId }
    }

    it('clears the personal fields of clients housed or withdrawn longer than the retention ago', async () => {
      const { runtime, anna, bram, cor, dewi } = await setUp()
      const result = await call<AnonymiseResult>(runtime, 'privacy:anonymise')
      expect(result).toEqual({ retentionMonths: 24, cutoff: '2024-11-23', anonymised: 2 })

      for (const id of [anna, dewi]) {
        expect(await row(runtime, id)).toMatchObject({
          name: null,
          notes: null,
          birth_year: 1980,
          needs_low_stimulus: 0,
          preferred_wijken: '[]',
          excluded_wijken: '[]',
          exclusion_for_safety: 0,
          anonymised_at: FIXED_NOW.toISOString(),
          // What the yearly figures need stays.
          target_group: 'uitstroom-bw',
          flow: 'uitstroom',
          registered_on: '2024-01-10',
          care_provider_id: 1,
        })
      }
      expect(await row(runtime, anna)).toMatchObject({ code: 'LIS-001', status: 'gehuisvest' })
      for (const id of [bram, cor]) {
        expect(await row(runtime, id)).toMatchObject({ birth_year: 1987, anonymised_at: null })
        expect((await row(runtime, id))!['name']).toMatch(/^Naam van/)
      }
      expect(
        await sqlOne(runtime, 'SELECT decision_text, swap_reason FROM shortlist_candidates'),
      ).toEqual({ decision_text: null, swap_reason: null })
      expect(await sqlOne(runtime, 'SELECT decline_reason, outcome FROM offers')).toEqual({
        decline_reason: null,
        outcome: 'geaccepteerd',
      })
      expect(await sqlOne(runtime, 'SELECT count(*) AS n FROM allocations')).toEqual({ n: 1 })
      const events = await sqlRows<{ officer: string; summary: string }>(
        runtime,
        "SELECT officer, summary FROM audit_events WHERE action = 'client:anonymise' ORDER BY id",
      )
      expect(events.map((e) => e.summary)).toEqual([
        'Persoonsgegevens van kandidaat LIS-001 gewist na de bewaartermijn van 24 maanden',
        'Persoonsgegevens van kandidaat LIS-004 gewist na de bewaartermijn van 24 maanden',
      ])
      expect(events.every((e) => e.officer === TEST_ACTOR.officer)).toBe(true)

      const before = await storeDigest(runtime)
      expect((await call<AnonymiseResult>(runtime, 'privacy:anonymise')).anonymised).toBe(0)
      expect(await storeDigest(runtime)).toEqual(before)
      await runtime.close()
    })

    it('follows a shorter retention setting, and refuses one outside 1–120 months', async () => {
      const { runtime, bram } = await setUp()
      await call(runtime, 'privacy:saveSettings', { retentionMonths: 6 })
      expect(await call(runtime, 'privacy:settings')).toEqual({ retentionMonths: 6 })
      expect((await call<AnonymiseResult>(runtime, 'privacy:anonymise')).anonymised).toBe(3)
      expect((await row(runtime, bram))!['anonymised_at']).not.toBeNull()
      for (const months of [0, 121, 2.5, -1]) {
        expect(
          await runtime.routes.get('privacy:saveSettings')!({ retentionMonths: months }),
        ).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
      }
      await runtime.close()
    })

    it('clears once what an earlier version left typed about clients it had already erased', async () => {
      const { runtime, dewi } = await setUp()
      await sqlRun(
        runtime,
        "UPDATE clients SET anonymised_at = '2025-01-01', name = NULL WHERE id = ?",
        dewi,
      )
      const event = async (action: string, entityId: string, details: object) =>
        await sqlRun(
          runtime,
          `INSERT INTO audit_events (at, officer, os_user, action, entity_type, entity_id, summary, details)
         VALUES ('2024-05-01', 'x', 'x', ?, 'client', ?, 'Status gewijzigd', ?)`,
          action,
          entityId,
          JSON.stringify(details),
        )
      await event('client:status', String(dewi), { reason: 'Oud: woont bij zus' })
      // And one erased completely back then: only its audit rows are left.
      await event('client:status', '999', { reason: 'Oud: opgenomen' })
      await event('client:erase', '999', { reason: 'Verzoek', outcome: 'deleted' })

      await call<AnonymiseResult>(runtime, 'privacy:anonymise')

      const reason =
        kind === 'postgres' ? "details::jsonb ->> 'reason'" : "json_extract(details, '$.reason')"
      const reasons = await sqlRows<{ reason: string }>(
        runtime,
        `SELECT ${reason} AS reason FROM audit_events WHERE action = 'client:status' ORDER BY id`,
      )
      expect(reasons.map((r) => r.reason)).toEqual(['[gewist]', '[gewist]'])
      expect(
        await sqlOne(
          runtime,
          "SELECT count(*) AS n FROM settings WHERE key = 'earlierErasuresTextsCleared'",
        ),
      ).toEqual({ n: 1 })
      await runtime.close()
    })

    it('anonymises at start-up', async () => {
      const { runtime, anna } = await setUp()
      await runtime.close()
      const again = await runtimeOn.reopen(runtime, { startupTasks: true })
      expect(again.startup?.anonymised).toBe(2)
      expect((await row(again, anna))!['name']).toBeNull()
      await again.close()
    })

    it('exports everything it holds on a client, with the timeline, and logs the export', async () => {
      const { runtime, anna } = await setUp()
      const file = await call<FileResult>(runtime, 'privacy:exportClient', { clientId: anna })
      expect(file.fileName).toBe('inzage-LIS-001-2026-11-23.json')
      const data = JSON.parse(Buffer.from(file.base64, 'base64').toString('utf8')) as {
        madeBy: string
        client: Record<string, unknown>
        shortlists: Record<string, unknown>[]
        offers: Record<string, unknown>[]
        allocations: Record<string, unknown>[]
        timeline: { action: string }[]
      }
      expect(data.madeBy).toBe(TEST_ACTOR.officer)
      expect(data.client).toMatchObject({
        code: 'LIS-001',
        name: 'Naam van LIS-001',
        notes: 'Notitie over LIS-001: schulden, GGZ',
        birthYear: 1987,
        preferredWijken: ['oost', 'zuid'],
        careProvider: 'Lister',
      })
      expect(data.shortlists).toEqual([
        expect.objectContaining({
          address: 'Kanaalstraat 1',
          corporation: 'Mitros',
          decision: 'gekozen',
        }),
      ])
      expect(data.offers).toEqual([expect.objectContaining({ outcome: 'geaccepteerd' })])
      expect(data.allocations).toEqual([expect.objectContaining({ startsOn: '2024-09-15' })])
      const log = await sqlRows(runtime, 'SELECT * FROM export_log')
      expect(log).toEqual([
        expect.objectContaining({
          kind: 'client-data',
          recipient: 'LIS-001',
          officer: TEST_ACTOR.officer,
          file_name: file.fileName,
        }),
      ])
      // The export itself shows in the client's timeline from now on.
      const again = await call<FileResult>(runtime, 'privacy:exportClient', { clientId: anna })
      const second = JSON.parse(Buffer.from(again.base64, 'base64').toString('utf8')) as typeof data
      expect(second.timeline.map((e) => e.action)).toContain('export:client-data')
      await runtime.close()
    })

    it('erases a client on request: deleted when nothing refers to them, else anonymised', async () => {
      const { runtime, anna, cor } = await setUp()
      const deleted = await call<EraseResult>(runtime, 'privacy:eraseClient', {
        clientId: cor,
        reason: 'Verzoek van de cliënt via de zorgaanbieder',
      })
      expect(deleted).toEqual({ code: 'LIS-003', outcome: 'deleted', heldBy: [] })
      expect(await row(runtime, cor)).toBeUndefined()

      const kept = await call<EraseResult>(runtime, 'privacy:eraseClient', {
        clientId: anna,
        reason: 'Verzoek van de cliënt',
      })
      expect(kept).toEqual({ code: 'LIS-001', outcome: 'anonymised', heldBy: [] })
      expect(await row(runtime, anna)).toMatchObject({
        code: 'LIS-001',
        name: null,
        status: 'gehuisvest',
      })
      const events = await sqlRows(
        runtime,
        "SELECT officer, entity_id, summary, details FROM audit_events WHERE action = 'client:erase' ORDER BY id",
      )
      expect(events).toEqual([
        {
          officer: TEST_ACTOR.officer,
          entity_id: String(cor),
          summary: 'Kandidaat LIS-003 op verzoek volledig verwijderd',
          details: JSON.stringify({
            reason: 'Verzoek van de cliënt via de zorgaanbieder',
            outcome: 'deleted',
          }),
        },
        expect.objectContaining({ entity_id: String(anna) }),
      ])
      await runtime.close()
    })

    it('refuses to erase a client with a running offer, or one that does not exist, changing nothing', async () => {
      const { runtime, bram } = await setUp()
      await sqlRun(runtime, "UPDATE clients SET status = 'aanbieding' WHERE id = ?", bram)
      const before = await storeDigest(runtime)
      const erase = runtime.routes.get('privacy:eraseClient')!
      expect(await erase({ clientId: bram, reason: 'Verzoek' })).toMatchObject({
        ok: false,
        error: { code: 'conflict', message: expect.stringMatching(/lopende aanbieding/) },
      })
      expect(await erase({ clientId: 9999, reason: 'Verzoek' })).toMatchObject({
        ok: false,
        error: { code: 'not-found' },
      })
      expect(await erase({ clientId: bram })).toMatchObject({
        ok: false,
        error: { code: 'invalid-input' },
      })
      expect(await storeDigest(runtime)).toEqual(before)
      await runtime.close()
    })

    it('will not put an anonymised client back on the waiting list', async () => {
      const { runtime, dewi } = await setUp()
      await call(runtime, 'privacy:anonymise')
      expect(
        await runtime.routes.get('clients:setStatus')!({ id: dewi, status: 'wachtend' }),
      ).toMatchObject({
        ok: false,
        error: { code: 'conflict', message: expect.stringMatching(/gewist/) },
      })
      await runtime.close()
    })
  },
)

/**
 * Erasure as an attacker with the file would check it: a marker typed into every free-text field
 * that can be about one client, through the API, then erase, close, and search the raw bytes of
 * the database file and its WAL. On PostgreSQL the files are the server's: there every row of
 * every table is searched (what any desk can read back).
 */
describe.each(STORE_KINDS)(
  'nothing typed about an erased or anonymised client is left in the file (%s)',
  { timeout: 120_000 },
  (kind) => {
    const tempDir = useTempDir()
    const runtimeOn = useRuntimeOn()

    async function demo() {
      const file = join(tempDir(), 'wissen.db')
      await copyDemo(file, { seed: 7 })
      const runtime = await runtimeOn(kind, file, { template: 'demo-7' })
      await call(runtime, 'shortlists:generate', { quarter: '2026-Q4' })
      const all = async <T>(query: string, ...params: unknown[]) =>
        await sqlRows<T>(runtime, query, ...params)
      /** How often the marker occurs: in the file's raw bytes and WAL, or in PostgreSQL's rows. */
      async function markers(): Promise<number> {
        if (kind === 'sqlite') return markersIn(file)
        const tables = await all<{ name: string }>(
          "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'",
        )
        let n = 0
        for (const { name } of tables) {
          const text = JSON.stringify(await all(`SELECT * FROM "${name}"`))
          n += text.split('MERKTEKST').length - 1
        }
        return n
      }
      /** Swaps the client into a concept round of another dwelling they are eligible for. */
      async function placeOnShortlist(clientId: number, reason: string): Promise<number> {
        const [{ code }] = (await all<{ code: string }>(
          'SELECT code FROM clients WHERE id = ?',
          clientId,
        )) as [{ code: string }]
        const rounds = await all<{ id: number; dwellingId: number; other: number }>(
          `SELECT s.id, s.dwelling_id AS dwellingId, min(c.client_id) AS other FROM shortlists s
         JOIN shortlist_candidates c ON c.shortlist_id = s.id
         WHERE s.status = 'concept' AND c.decision = 'open' AND s.id NOT IN
           (SELECT shortlist_id FROM shortlist_candidates WHERE client_id = ?)
         GROUP BY s.id ORDER BY s.eligible_pool_size DESC`,
          clientId,
        )
        for (const round of rounds) {
          const pool = await call<{ entries: PoolEntry[] }>(runtime, 'shortlists:pool', {
            dwellingId: round.dwellingId,
            search: code,
          })
          if (!pool.entries.some((e) => e.clientId === clientId && e.eligible)) continue
          await call(runtime, 'shortlists:swap', {
            shortlistId: round.id,
            removeClientId: round.other,
            addClientId: clientId,
            reason,
          })
          return round.id
        }
        throw new Error(`Geen voordracht gevonden voor kandidaat ${clientId} (${reason})`)
      }
      return { file, runtime, all, markers, placeOnShortlist }
    }

    /** How often the marker occurs in the raw bytes of the database file and its WAL. */
    function markersIn(file: string): number {
      const parts = [file, `${file}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f))
      return Buffer.concat(parts).toString('latin1').split('MERKTEKST').length - 1
    }

    it('after privacy:eraseClient: name, notes, reasons, texts and motivations, the audit trail included', async () => {
      const { file, runtime, all, markers, placeOnShortlist } = await demo()
      const [first] = await all<{ id: number; clientId: number }>(
        `SELECT s.id, c.client_id AS clientId FROM shortlists s
       JOIN shortlist_candidates c ON c.shortlist_id = s.id
       WHERE s.status = 'concept' ORDER BY s.eligible_pool_size DESC LIMIT 1`,
      )
      const target = first!.clientId
      const detail = await call<ClientDetail>(runtime, 'clients:get', { id: target })
      const {
        id: _id,
        careProvider: _p,
        waitingDays: _w,
        status: _s,
        statusSince: _ss,
        ...fields
      } = detail
      await call(runtime, 'clients:save', {
        id: target,
        // Broadly eligible, so the rounds below can each take them in.
        client: {
          ...fields,
          name: 'MERKTEKST naam',
          notes: 'MERKTEKST notitie: woont bij zus',
          flow: 'uitstroom',
          targetGroup: 'uitstroom-bw',
          adults: 1,
          children: 0,
          maxRent: 2000,
          minRooms: 1,
          needsGroundFloorOrLift: false,
          needsWheelchair: false,
          needsLowStimulus: false,
          preferredWijken: [],
          excludedWijken: [],
        },
      })

      // Rejected with the whole round: the corporation's motivation and text.
      await call(runtime, 'shortlists:present', { shortlistId: first!.id })
      await call(runtime, 'shortlists:rejectAll', {
        shortlistId: first!.id,
        rejection: { reason: 'anders', text: 'MERKTEKST afwijzing ronde' },
        motivation: 'MERKTEKST motivatie: kent de buurman',
      })
      // Swapped in, then rejected alone.
      const second = await placeOnShortlist(target, 'MERKTEKST wissel 1')
      await call(runtime, 'shortlists:present', { shortlistId: second })
      await call(runtime, 'shortlists:rejectCandidate', {
        shortlistId: second,
        clientId: target,
        rejection: { reason: 'anders', text: 'MERKTEKST afwijzing kandidaat' },
      })
      // Chosen, then declines the offer.
      const third = await placeOnShortlist(target, 'MERKTEKST wissel 2')
      await call(runtime, 'shortlists:present', { shortlistId: third })
      await call(runtime, 'shortlists:choose', { shortlistId: third, clientId: target })
      const [offer] = await all<{ id: number }>(
        "SELECT id FROM offers WHERE client_id = ? AND outcome = 'open'",
        target,
      )
      await call(runtime, 'offers:decline', {
        offerId: offer!.id,
        decline: { reason: 'anders', text: 'MERKTEKST weigering' },
      })
      // Put on hold from an open round (the reason lands in the round's history too), and back.
      await placeOnShortlist(target, 'MERKTEKST wissel 3')
      await call(runtime, 'clients:setStatus', {
        id: target,
        status: 'on-hold',
        reason: 'MERKTEKST status: opgenomen in ziekenhuis',
      })
      await call(runtime, 'clients:setStatus', {
        id: target,
        status: 'wachtend',
        reason: 'MERKTEKST status terug',
      })
      // On the round of a dwelling the corporation withdraws.
      const fifth = await placeOnShortlist(target, 'MERKTEKST wissel 4')
      const [{ dwellingId }] = (await all<{ dwellingId: number }>(
        'SELECT dwelling_id AS dwellingId FROM shortlists WHERE id = ?',
        fifth,
      )) as [{ dwellingId: number }]
      await call(runtime, 'dwellings:withdraw', {
        dwellingId,
        reason: 'MERKTEKST intrekking: huurder overleden',
      })
      expect(await markers()).toBeGreaterThan(10)
      // Team mode makes no backups (the server's administrator does): none holds the client.
      const backup = kind === 'sqlite' ? await call<BackupRow>(runtime, 'backups:make') : undefined

      const result = await call<EraseResult>(runtime, 'privacy:eraseClient', {
        clientId: target,
        reason: 'Verzoek van de cliënt',
      })
      expect(result.outcome).toBe('anonymised')
      // The copy made before still holds the client: the report says so, and until when at most.
      expect(result.heldBy).toEqual(
        backup
          ? [{ name: backup.name, madeAt: backup.madeAt, goneBy: '2027-02-21T09:00:00Z' }]
          : [],
      )
      // While still open: the WAL was emptied into the file by the erasure itself.
      expect(await markers()).toBe(0)
      const trail = await all<{ action: string; summary: string; details: string }>(
        "SELECT action, summary, details FROM audit_events WHERE details LIKE '%[gewist]%'",
      )
      expect(new Set(trail.map((e) => e.action))).toEqual(
        new Set([
          'client:status',
          'shortlist:swap',
          'shortlist:rejectAll',
          'shortlist:rejectCandidate',
          'offer:decline',
          'dwelling:withdraw',
        ]),
      )
      if (kind === 'sqlite') {
        await runtime.close()
        expect(markersIn(file)).toBe(0)
      }
    })

    it('after anonymisation past the retention: a corporation’s rejection text naming the client', async () => {
      const { file, runtime, all, markers } = await demo()
      const [round] = await all<{ id: number; clientId: number }>(
        `SELECT s.id, c.client_id AS clientId FROM shortlists s
       JOIN shortlist_candidates c ON c.shortlist_id = s.id
       WHERE s.status = 'concept' ORDER BY s.id LIMIT 1`,
      )
      await call(runtime, 'shortlists:present', { shortlistId: round!.id })
      await call(runtime, 'shortlists:rejectCandidate', {
        shortlistId: round!.id,
        clientId: round!.clientId,
        rejection: { reason: 'anders', text: 'MERKTEKST: mevrouw De Vries had eerder overlast' },
      })
      await call(runtime, 'clients:setStatus', {
        id: round!.clientId,
        status: 'ingetrokken',
        reason: 'MERKTEKST verhuisd naar haar moeder',
      })
      expect(await markers()).toBeGreaterThan(0)
      runtime.ctx.now = () => new Date('2029-01-10T09:00:00Z')
      const done = await call<AnonymiseResult>(runtime, 'privacy:anonymise')
      expect(done.anonymised).toBeGreaterThan(0)
      expect(await markers()).toBe(0)
      if (kind === 'sqlite') {
        await runtime.close()
        expect(markersIn(file)).toBe(0)
      }
    })
  },
)
