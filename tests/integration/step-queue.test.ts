// Single-store on purpose (SQLite): one desk's steps queued on its one SQLite connection; team mode's steps are PostgreSQL transactions (team-concurrency.test.ts).
import type { SqliteStore } from '../../src/main/db/connection'
import { asc, eq } from 'drizzle-orm'
import { setTimeout as sleep } from 'node:timers/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { auditEvents, corporations } from '../../src/main/db/schema'
import { detached, runExclusive } from '../../src/main/db/step-queue'
import { openRuntime, type Runtime } from '../../src/main/runtime'
import { audited } from '../../src/main/services/audited'
import type { AuditEntry } from '../../src/main/services/audit'
import { FIXED_NOW, TEST_ACTOR, useTempDir } from '../support/temp-db'

/**
 * One workflow step is one transaction although its body awaits: the store's queue lets the next
 * step (or an API call's read) start only after the open one committed or rolled back.
 */
describe('steps on one store, one after another', () => {
  const tempDir = useTempDir()
  const opened: Runtime<SqliteStore>[] = []
  afterEach(() => {
    for (const runtime of opened.splice(0)) runtime.close()
  })
  const open = async () => {
    const runtime = await openRuntime(join(tempDir(), 'steps.db'), {
      context: { actor: TEST_ACTOR, now: () => FIXED_NOW },
      startupTasks: false,
    })
    opened.push(runtime)
    return runtime
  }
  const event = (name: string): AuditEntry => ({
    action: 'test:step',
    entityType: 'test',
    entityId: name,
    summary: `Stap ${name}`,
  })
  const names = (runtime: Runtime<SqliteStore>) =>
    runtime.store.sqlite
      .prepare('SELECT name FROM corporations ORDER BY id')
      .pluck()
      .all() as string[]
  const audited_ = (runtime: Runtime<SqliteStore>) =>
    runtime.store.sqlite
      .prepare("SELECT entity_id FROM audit_events WHERE action = 'test:step' ORDER BY id")
      .pluck()
      .all() as string[]

  it('runs two steps whose bodies await a timer one after the other, never interleaved', async () => {
    const runtime = await open()
    const { ctx } = runtime
    const log: string[] = []
    const step = (name: string, pause: number) =>
      audited(ctx, event(name), async (tx) => {
        log.push(`${name} begint`)
        await tx.insert(corporations).values({ name: `${name}1`, socialStock: 1 })
        await sleep(pause)
        await tx.insert(corporations).values({ name: `${name}2`, socialStock: 1 })
        log.push(`${name} klaar`)
        return name
      })
    // A sleeps longer than B: without the queue B would run (and commit) inside A's transaction.
    const done = await Promise.all([step('A', 40), step('B', 5), step('C', 0)])
    expect(done).toEqual(['A', 'B', 'C'])
    expect(log).toEqual(['A begint', 'A klaar', 'B begint', 'B klaar', 'C begint', 'C klaar'])
    expect(names(runtime)).toEqual(['A1', 'A2', 'B1', 'B2', 'C1', 'C2'])
    expect(audited_(runtime)).toEqual(['A', 'B', 'C'])
  })

  it('rolls back only the step that throws, with nothing of it left', async () => {
    const runtime = await open()
    const { ctx } = runtime
    const failing = audited(ctx, event('kapot'), async (tx) => {
      await tx.insert(corporations).values({ name: 'Kapot', socialStock: 1 })
      await sleep(20)
      throw new Error('schijf vol')
    })
    const fine = audited(ctx, event('goed'), async (tx) => {
      await tx.insert(corporations).values({ name: 'Goed', socialStock: 1 })
      await sleep(1)
    })
    const [failed, succeeded] = await Promise.allSettled([failing, fine])
    expect(failed).toMatchObject({ status: 'rejected', reason: { message: 'schijf vol' } })
    expect(succeeded.status).toBe('fulfilled')
    expect(names(runtime)).toEqual(['Goed'])
    expect(audited_(runtime)).toEqual(['goed'])
    expect(runtime.store.sqlite.inTransaction).toBe(false)
  })

  it('makes a step inside a step a savepoint: its throw undoes it alone, the outer one commits', async () => {
    const runtime = await open()
    const { ctx } = runtime
    await audited(ctx, event('buiten'), async (tx) => {
      await tx.insert(corporations).values({ name: 'Buiten', socialStock: 1 })
      await expect(
        audited(ctx, event('binnen'), async (inner) => {
          await inner.insert(corporations).values({ name: 'Binnen', socialStock: 1 })
          await sleep(5)
          throw new Error('binnen mislukt')
        }),
      ).rejects.toThrow('binnen mislukt')
      await audited(ctx, event('daarna'), async (inner) => {
        await inner.insert(corporations).values({ name: 'Daarna', socialStock: 1 })
      })
    })
    expect(names(runtime)).toEqual(['Buiten', 'Daarna'])
    // The inner step's event sits before the outer one's: it happened first, and committed with it.
    expect(audited_(runtime)).toEqual(['daarna', 'buiten'])
  })

  it('lets a read wait for an open step, so it never sees rows that are then rolled back', async () => {
    const runtime = await open()
    const { ctx } = runtime
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    let inserted!: () => void
    const wrote = new Promise<void>((resolve) => (inserted = resolve))
    const step = audited(ctx, event('open'), async (tx) => {
      await tx.insert(corporations).values({ name: 'Onbevestigd', socialStock: 1 })
      inserted()
      await gate
      throw new Error('toch niet')
    })
    await wrote
    // The uncommitted row is in the connection now; the screen's call must not see it.
    let listed: unknown = null
    const reading = runtime.routes.get('corporations:list')!(undefined).then(
      (result) => (listed = result),
    )
    const direct = runExclusive(runtime.store, async () =>
      (await runtime.store.db.select().from(corporations)).map((c) => c.name),
    )
    await sleep(20)
    expect(listed).toBeNull()
    release()
    await expect(step).rejects.toThrow('toch niet')
    expect(await reading).toEqual({ ok: true, data: [] })
    expect(await direct).toEqual([])
  })

  it('lets a read that waited for a committed step see all of it, with its audit row', async () => {
    const runtime = await open()
    const { ctx } = runtime
    const step = audited(ctx, event('klaar'), async (tx) => {
      await tx.insert(corporations).values({ name: 'Eerste', socialStock: 1 })
      await sleep(20)
      await tx.insert(corporations).values({ name: 'Tweede', socialStock: 1 })
    })
    const read = runExclusive(runtime.store, async () => ({
      names: (
        await runtime.store.db
          .select({ name: corporations.name })
          .from(corporations)
          .orderBy(asc(corporations.id))
      ).map((c) => c.name),
      audit: await runtime.store.db
        .select({ id: auditEvents.id })
        .from(auditEvents)
        .where(eq(auditEvents.action, 'test:step')),
    }))
    await step
    const seen = await read
    expect(seen.names).toEqual(['Eerste', 'Tweede'])
    expect(seen.audit).toHaveLength(1)
  })

  it('queues work a call started in the background behind that call, not inside it', async () => {
    const runtime = await open()
    const log: string[] = []
    let background!: Promise<void>
    await runExclusive(runtime.store, async () => {
      log.push('aanroep begint')
      // A job the call starts and does not wait for (the Vooruitblik): its own turn comes later.
      background = detached(() =>
        runExclusive(runtime.store, () => {
          log.push('achtergrond')
        }),
      )
      await sleep(10)
      log.push('aanroep klaar')
    })
    await background
    expect(log).toEqual(['aanroep begint', 'aanroep klaar', 'achtergrond'])
  })
})
