/**
 * Screens and caches follow other desks (docs/team-mode.md §6): two team runtimes, two desks, on one
 * PostgreSQL database. A committed step on one reaches the other's listener with who did what; a
 * rolled-back step sends nothing; the waiting state another desk keeps between calls follows the
 * change; a dropped listener comes back and says that everything may have changed; the loopback
 * host streams the notes to the page with the same origin checks as its API.
 */
import { sql } from 'drizzle-orm'
import { request } from 'node:http'
import { hostname } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import type { ChangeFeed } from '../../src/main/db/change-feed'
import { selectRows } from '../../src/main/db/dialect'
import type { PgTarget } from '../../src/main/db/pg-url'
import { parseDatabaseUrl } from '../../src/main/db/pg-url'
import { startHost, type RunningHost } from '../../src/main/host'
import { openTeamRuntime, type Runtime } from '../../src/main/runtime'
import { audited } from '../../src/main/services/audited'
import { loadClientFacts } from '../../src/main/services/matching-facts'
import { waitingState } from '../../src/main/services/waiting-state'
import type { ClientRow } from '../../src/shared/api'
import { CHANGE_EVENTS_PATH, type ChangeNote } from '../../src/shared/change-note'
import { call } from '../support/call'
import { usePgDatabase } from '../support/pg-database'
import { copyDemo } from '../support/shared-files'
import { copyToPostgres } from '../support/stores'
import { FIXED_NOW, useTempDir } from '../support/temp-db'

const ANNA = { officer: 'Anna', osUser: 'anna' }
const BRAM = { officer: 'Bram', osUser: 'bram' }

/** Every note a feed publishes, in order, and a way to wait for the one a test expects. */
function collect(feed: ChangeFeed) {
  const notes: ChangeNote[] = []
  const waiters: { match: (n: ChangeNote) => boolean; done: (n: ChangeNote) => void }[] = []
  feed.subscribe((note) => {
    notes.push(note)
    for (const waiter of waiters.splice(0)) {
      if (waiter.match(note)) waiter.done(note)
      else waiters.push(waiter)
    }
  })
  return {
    notes,
    next(match: (n: ChangeNote) => boolean, timeoutMs = 10_000): Promise<ChangeNote> {
      const seen = notes.find(match)
      if (seen) return Promise.resolve(seen)
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(new Error(`geen melding binnen ${timeoutMs} ms; wel: ${JSON.stringify(notes)}`)),
          timeoutMs,
        )
        waiters.push({
          match,
          done: (n) => {
            clearTimeout(timer)
            resolve(n)
          },
        })
      })
    },
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('team mode: desks follow each other', { timeout: 120_000 }, () => {
  const tempDir = useTempDir()
  const freshDatabase = usePgDatabase()
  const open: Runtime[] = []
  afterEach(async () => {
    for (const runtime of open.splice(0)) await runtime.close()
  })

  async function desk(target: PgTarget, actor: typeof ANNA) {
    const runtime = await openTeamRuntime(target, {
      context: { actor, now: () => FIXED_NOW },
      startupTasks: false,
    })
    open.push(runtime)
    return runtime
  }

  /** Two desks on the demo copied into one PostgreSQL database. */
  async function twoDesksOnDemo() {
    const file = join(tempDir(), 'demo.db')
    await copyDemo(file, { seed: 7 })
    const target = await copyToPostgres(file, await freshDatabase())
    return { target, a: await desk(target, ANNA), b: await desk(target, BRAM) }
  }

  /** Two desks on an empty (migrated) database. */
  async function twoDesks() {
    const target = parseDatabaseUrl(await freshDatabase())
    const a = await desk(target, ANNA)
    return { target, a, b: await desk(target, BRAM) }
  }

  it('brings desk A’s step to desk B with who did what, and B’s kept waiting state follows it', async () => {
    const { a, b } = await twoDesksOnDemo()
    const onA = collect(a.changes)
    const onB = collect(b.changes)

    await call(a, 'shortlists:generate', { quarter: '2026-Q4' })
    const generated = await onB.next((n) => n.action === 'shortlists:generate')
    expect(generated).toMatchObject({ officer: 'Anna', desk: hostname(), own: false })

    // B keeps its state between calls while nothing changes…
    const kept = await waitingState(b.ctx)
    expect(await waitingState(b.ctx)).toBe(kept)

    // …and A puts a waiting client on hold.
    const waiting = await call<ClientRow[]>(a, 'clients:list', { status: 'wachtend' })
    const client = waiting[0]!
    expect(kept.waiting.some((c) => c.id === client.id)).toBe(true)
    const generation = b.changes.generation
    await call(a, 'clients:setStatus', { id: client.id, status: 'on-hold', reason: 'Verhuisd' })
    const onHold = await onB.next((n) => n.action === 'client:status')
    expect(onHold).toEqual({
      action: 'client:status',
      entity: 'client',
      id: String(client.id),
      officer: 'Anna',
      desk: hostname(),
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown,
      own: false,
    })
    expect(b.changes.generation).toBe(generation + 1)

    const now = await waitingState(b.ctx)
    expect(now).not.toBe(kept)
    expect(now.waiting.some((c) => c.id === client.id)).toBe(false)
    expect(now.waiting).toEqual(await loadClientFacts(b.ctx.store.db))
    expect(await waitingState(b.ctx)).toBe(now)

    // A presents a round: B hears which dwelling.
    const board = await call<{ dwellingId: number; shortlistId: number | null; status: string }[]>(
      a,
      'shortlists:board',
      { quarter: '2026-Q4' },
    )
    const row = board.find((r) => r.shortlistId !== null)!
    await call(a, 'shortlists:present', { shortlistId: row.shortlistId })
    const presented = await onB.next((n) => n.action === 'shortlist:present')
    expect(presented).toMatchObject({ entity: 'dwelling', id: String(row.dwellingId) })

    // A published its own three steps once each, as its own; their echo from the server is dropped.
    await sleep(300)
    expect(onA.notes.map((n) => [n.action, n.own])).toEqual([
      ['shortlists:generate', true],
      ['client:status', true],
      ['shortlist:present', true],
    ])
    expect(onB.notes.map((n) => n.action)).toEqual([
      'shortlists:generate',
      'client:status',
      'shortlist:present',
    ])
  })

  it('sends nothing for a step that is rolled back, not even when its commit fails', async () => {
    const { a, b } = await twoDesks()
    const onA = collect(a.changes)
    const onB = collect(b.changes)
    const entry = { action: 'test:step', entityType: 'test', entityId: 1, summary: 'Proef' }
    const generation = a.changes.generation

    // The body throws: rolled back before anything is announced.
    await expect(audited(a.ctx, entry, () => Promise.reject(new Error('mislukt')))).rejects.toThrow(
      'mislukt',
    )

    // The commit itself fails (a deferred unique check): the note was sent inside the transaction,
    // and the server drops it with the rest.
    await selectRows(
      a.store.db,
      sql`CREATE TABLE proef (x int UNIQUE DEFERRABLE INITIALLY DEFERRED)`,
    )
    await expect(
      audited(a.ctx, entry, async (tx) => {
        await selectRows(tx, sql`INSERT INTO proef VALUES (1), (1)`)
      }),
    ).rejects.toThrow(/duplicate key|unique/i)

    // A step whose nested step succeeded but which throws itself: nothing either.
    await expect(
      audited(a.ctx, entry, async () => {
        await audited(a.ctx, { ...entry, action: 'test:inner' }, () => undefined)
        throw new Error('buiten mislukt')
      }),
    ).rejects.toThrow('buiten mislukt')
    expect(a.changes.generation).toBe(generation)

    // The next committed step is the first note either desk sees; a nested step adds none of its own.
    await audited(a.ctx, { ...entry, action: 'test:outer' }, async () => {
      await audited(a.ctx, { ...entry, action: 'test:inner' }, () => undefined)
    })
    await onB.next((n) => n.action === 'test:outer')
    await sleep(300)
    expect(onB.notes.map((n) => n.action)).toEqual(['test:outer'])
    expect(onA.notes.map((n) => n.action)).toEqual(['test:outer'])
    expect(a.changes.generation).toBe(generation + 1)
  })

  it('listens again after its connection is ended, with everything counted as changed', async () => {
    const { target, a, b } = await twoDesks()
    const onB = collect(b.changes)
    const admin = new pg.Client({ connectionString: target.url })
    await admin.connect()
    try {
      const ended = await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = current_database() AND application_name = 'vierde-huis (meldingen)'`,
      )
      expect(ended.rowCount).toBe(2)
    } finally {
      await admin.end()
    }
    const again = await onB.next((n) => n.everything === true)
    expect(again.own).toBe(false)
    expect(b.changes.complete).toBe(true)
    await call(a, 'privacy:saveSettings', { retentionMonths: 24 })
    expect(await onB.next((n) => n.action === 'privacy:settings')).toMatchObject({
      officer: 'Anna',
    })
  })

  describe('the loopback host’s event stream', () => {
    let host: RunningHost | undefined
    afterEach(async () => {
      await host?.close()
      host = undefined
    })

    interface Reply {
      status: number
      type: string
      body: string
    }

    /** GET on the event stream; resolves once `until` holds for what has arrived, or it ends. */
    function listen(
      running: RunningHost,
      headers: Record<string, string>,
      until: (body: string) => boolean = () => false,
      method = 'GET',
    ): Promise<Reply> {
      return new Promise((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: running.port,
            path: CHANGE_EVENTS_PATH,
            method,
            headers: { Host: `127.0.0.1:${running.port}`, ...headers },
          },
          (res) => {
            let body = ''
            const reply = () => ({
              status: res.statusCode ?? 0,
              type: String(res.headers['content-type']),
              body,
            })
            res.on('data', (chunk: Buffer) => {
              body += chunk.toString('utf8')
              if (until(body)) {
                resolve(reply())
                req.destroy()
              }
            })
            res.on('end', () => resolve(reply()))
          },
        )
        req.on('error', reject)
        req.end()
      })
    }

    it('streams desk A’s note to desk B’s page, and refuses other sites', async () => {
      const { a, b } = await twoDesks()
      const dir = tempDir()
      host = await startHost({ routes: b.routes, rendererDir: dir, changes: b.changes })
      const running = host

      const stream = listen(
        running,
        { 'Sec-Fetch-Site': 'same-origin', Accept: 'text/event-stream' },
        (body) => body.includes('data: '),
      )
      // The stream is open once the host answered with its first comment; then A acts.
      await sleep(300)
      await call(a, 'privacy:saveSettings', { retentionMonths: 24 })
      const reply = await stream
      expect(reply.status).toBe(200)
      expect(reply.type).toMatch(/^text\/event-stream/)
      const data = reply.body.split('\n').find((line) => line.startsWith('data: '))!
      expect(JSON.parse(data.slice('data: '.length))).toMatchObject({
        action: 'privacy:settings',
        officer: 'Anna',
        own: false,
      })

      const foreign: Record<string, string>[] = [
        { Origin: 'https://aanval.example', 'Sec-Fetch-Site': 'cross-site' },
        { 'Sec-Fetch-Site': 'same-site' },
        { Origin: 'http://127.0.0.1:1' },
      ]
      for (const headers of foreign) {
        const refused = await listen(running, headers)
        expect(refused.status, JSON.stringify(headers)).toBe(403)
        expect(refused.body).toContain('Geweigerd')
      }
      const posted = await listen(
        running,
        { 'Content-Type': 'application/json' },
        undefined,
        'POST',
      )
      expect(posted.status).toBe(400)
      const rebinding = await new Promise<number>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: running.port,
            path: CHANGE_EVENTS_PATH,
            headers: { Host: 'aanval.example' },
          },
          (res) => {
            res.resume()
            resolve(res.statusCode ?? 0)
          },
        )
        req.on('error', reject)
        req.end()
      })
      expect(rebinding).toBe(400)
    })

    it('ends open streams when the host closes', async () => {
      const { b } = await twoDesks()
      host = await startHost({ routes: b.routes, rendererDir: tempDir(), changes: b.changes })
      const stream = listen(host, { 'Sec-Fetch-Site': 'same-origin' })
      await sleep(200)
      await host.close()
      host = undefined
      expect((await stream).body).toContain(': verbonden')
    })
  })
})
