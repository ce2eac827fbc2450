import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { api, CHANNELS, endpoint, endpoints, NoInput } from '../../src/shared/api'
import { bindContract } from '../../src/main/api/dispatch'
import { createHandlers } from '../../src/main/api/handlers'
import { sqlOne } from '../support/sql-rows'
import { STORE_KINDS, useRuntimeOn } from '../support/stores'
import { TEST_ACTOR, useTempDir } from '../support/temp-db'

const ROOT = join(import.meta.dirname, '../..')

describe('the API contract', () => {
  it('names every channel noun:verb, once', () => {
    for (const channel of CHANNELS) expect(channel).toMatch(/^[a-z][a-zA-Z]*:[a-z][a-zA-Z]*$/)
    expect(new Set(CHANNELS).size).toBe(CHANNELS.length)
  })

  it('refuses to start when two endpoints share a channel, even in different domains', () => {
    const twice = {
      app: { info: endpoint('app:info', NoInput, NoInput) },
      other: { about: endpoint('app:info', NoInput, NoInput) },
    }
    const handlers = { app: { info: () => ({}) }, other: { about: () => ({}) } }
    expect(() => bindContract(twice, handlers)).toThrow(/Dubbel kanaal.*app:info.*other\.about/)
  })

  it('refuses to start when an endpoint has no handler', () => {
    const contract = { app: { info: endpoint('app:info', NoInput, NoInput) } }
    // What the compiler refuses, checked at start-up too (a handler map built at run time).
    const handlers = { app: {} } as Parameters<typeof bindContract<typeof contract>>[1]
    expect(() => bindContract(contract, handlers)).toThrow(/Geen handler voor app\.info/)
  })
})

describe.each(STORE_KINDS)('the API contract bound to a store (%s)', (kind) => {
  const tempDir = useTempDir()
  const runtimeOn = useRuntimeOn()
  const open = async () => await runtimeOn.empty(kind, join(tempDir(), 'contract.db'))

  it('gives every domain its contract file and its handler map, side by side', async () => {
    const runtime = await open()
    const handlers = createHandlers(runtime.ctx)
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(api).sort())
    for (const [domain, named] of Object.entries(api)) {
      expect(Object.keys(handlers[domain as keyof typeof api]).sort()).toEqual(
        Object.keys(named).sort(),
      )
      const contract = (await import(`../../src/shared/api/${domain}.ts`)) as object
      expect(contract).toHaveProperty(`${domain}Api`, named)
      expect(existsSync(join(ROOT, `src/main/api/domains/${domain}.ts`))).toBe(true)
    }
    const handlerFiles = readdirSync(join(ROOT, 'src/main/api/domains'))
    expect(handlerFiles.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual(Object.keys(api).sort())
  })

  it('binds a route for every endpoint of the contract', async () => {
    const runtime = await open()
    expect([...runtime.routes.keys()].sort()).toEqual(endpoints.map((e) => e.channel).sort())
  })

  it('rejects a wrongly typed input with a Dutch message and writes nothing', async () => {
    const runtime = await open()
    const count = async (table: string) =>
      (await sqlOne<{ n: number }>(runtime, `SELECT count(*) AS n FROM ${table}`)).n
    const before = await count('audit_events')
    const result = await runtime.routes.get('demo:load')!({ seed: 'veel' })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    if (result.ok) throw new Error('verwacht een fout')
    expect(result.error.message).toMatch(/Ongeldige invoer bij ‘seed’/)
    expect(result.error.issues?.[0]?.path).toBe('seed')
    expect(await count('corporations')).toBe(0)
    expect(await count('audit_events')).toBe(before)
  })

  it('rejects unknown fields instead of ignoring them', async () => {
    const runtime = await open()
    const result = await runtime.routes.get('dwellings:list')!({
      quarter: '2026-Q4',
      drop: 'tabel',
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  })

  it('explains the quarter format in Dutch', async () => {
    const runtime = await open()
    const result = await runtime.routes.get('dwellings:list')!({ quarter: '4e kwartaal' })
    if (result.ok) throw new Error('verwacht een fout')
    expect(result.error.message).toContain('JJJJ-Qn')
  })

  it('rejects an officer name that is empty after trimming', async () => {
    const runtime = await open()
    const result = await runtime.routes.get('app:setOfficer')!({ name: '   ' })
    if (result.ok) throw new Error('verwacht een fout')
    expect(result.error.message).toContain('Vul uw naam in')
    expect(runtime.ctx.actor.officer).toBe(TEST_ACTOR.officer)
  })

  it('answers a valid call with typed data', async () => {
    const runtime = await open()
    const result = await runtime.routes.get('app:info')!(undefined)
    expect(result).toMatchObject({ ok: true, data: { isEmpty: true, officer: 'Test Medewerker' } })
  })
})
