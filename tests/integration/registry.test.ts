import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sqlOne, sqlRows } from '../support/sql-rows'
import { STORE_KINDS, useRuntimeOn } from '../support/stores'
import { useTempDir } from '../support/temp-db'

const dwelling = (corporationId: number, address = 'Amazonenlaan 12') => ({
  corporationId,
  quarterKey: '2026-Q4',
  address,
  postcode: '3524 ab',
  wijk: 'overvecht',
  type: 'appartement',
  selfContained: true,
  rooms: 2,
  floor: 3,
  hasLift: true,
  wheelchairAccessible: false,
  netRent: 612.4,
  serviceCosts: 38,
  availableFrom: '2026-12-01',
  suitableFor: 'beide',
  flipPossible: true,
})

const client = (careProviderId: number, code = 'K-2026-0001') => ({
  careProviderId,
  code,
  targetGroup: 'uitstroom-bw',
  flow: 'uitstroom',
  registeredOn: '2026-06-01',
  adults: 1,
  children: 0,
  birthYear: 1990,
  maxRent: 650,
  minRooms: 1,
  needsGroundFloorOrLift: false,
  needsWheelchair: false,
  needsLowStimulus: false,
  excludedWijken: ['overvecht'],
})

describe.each(STORE_KINDS)('the registry (%s)', (kind) => {
  const tempDir = useTempDir()
  const runtimeOn = useRuntimeOn()

  async function setUp() {
    const runtime = await runtimeOn.empty(kind, join(tempDir(), 'registry.db'))
    const call = async <T = unknown>(channel: string, input: unknown): Promise<T> => {
      const result = await runtime.routes.get(channel)!(input)
      if (!result.ok)
        throw Object.assign(new Error(result.error.message), { code: result.error.code })
      return result.data as T
    }
    const auditCount = async () =>
      (await sqlOne<{ n: number }>(runtime, 'SELECT count(*) AS n FROM audit_events')).n
    return { runtime, call, auditCount }
  }

  it('adds and changes a corporation, each change with an audit event naming the officer', async () => {
    const { call, runtime } = await setUp()
    const added = await call<{ id: number }>('corporations:save', {
      name: 'Mitros',
      socialStock: 16000,
    })
    await call('corporations:save', { id: added.id, name: 'Mitros', socialStock: 16500 })
    const events = await sqlRows(
      runtime,
      'SELECT action, officer, os_user FROM audit_events ORDER BY id',
    )
    expect(events).toEqual([
      { action: 'corporation:create', officer: 'Test Medewerker', os_user: 'tester' },
      { action: 'corporation:update', officer: 'Test Medewerker', os_user: 'tester' },
    ])
  })

  it('refuses a second corporation with the same name, whatever its case, and writes nothing', async () => {
    const { call, auditCount } = await setUp()
    await call('corporations:save', { name: 'Portaal', socialStock: 14000 })
    await expect(call('corporations:save', { name: 'PORTAAL', socialStock: 1 })).rejects.toThrow(
      'Er is al een corporatie met de naam PORTAAL',
    )
    expect(await auditCount()).toBe(1)
  })

  it('refuses a contingent given both as a share and as a number', async () => {
    const { call } = await setUp()
    await expect(
      call('careProviders:save', { name: 'Lister', contingentShare: 0.1, contingentDwellings: 20 }),
    ).rejects.toThrow(/óf als aantal/)
  })

  it('plans a quarter pro rata, and carries last quarter’s shortfall when asked', async () => {
    const { call, runtime } = await setUp()
    const mitros = await call<{ id: number }>('corporations:save', {
      name: 'Mitros',
      socialStock: 30000,
    })
    await call('corporations:save', { name: 'Bo-Ex', socialStock: 10000 })
    await call('years:save', { year: 2026, target: 400, instroomShareTarget: 0.5 })
    await call('quarters:plan', { quarter: '2026-Q3' })
    await call('dwellings:save', { dwelling: { ...dwelling(mitros.id), quarterKey: '2026-Q3' } })

    const plain = await call<{
      totals: { quota: number }
      lines: { corporation: string; quota: number; carried: number; submitted: number }[]
    }>('quarters:plan', { quarter: '2026-Q4' })
    expect(plain.totals.quota).toBe(100)
    expect(plain.lines.map((l) => [l.corporation, l.quota])).toEqual([
      ['Bo-Ex', 25],
      ['Mitros', 75],
    ])
    const carried = await call<typeof plain>('quarters:plan', {
      quarter: '2026-Q4',
      carryShortfall: true,
    })
    expect(carried.lines.find((l) => l.corporation === 'Mitros')).toMatchObject({
      carried: 74,
      quota: 149,
    })
    const { stored } = await sqlOne<{ stored: number }>(
      runtime,
      "SELECT sum(quota) AS stored FROM quarter_quotas WHERE quarter_key = '2026-Q4'",
    )
    expect(stored).toBe(carried.totals.quota)
  })

  it('keeps a planned quarter’s quotas when a corporation’s stock changes later', async () => {
    const { call } = await setUp()
    const mitros = await call<{ id: number }>('corporations:save', {
      name: 'Mitros',
      socialStock: 30000,
    })
    await call('corporations:save', { name: 'Bo-Ex', socialStock: 10000 })
    await call('years:save', { year: 2026, target: 400, instroomShareTarget: 0.5 })
    await call('quarters:plan', { quarter: '2026-Q4' })
    await call('corporations:save', { id: mitros.id, name: 'Mitros', socialStock: 10000 })
    type Overview = { lines: { corporation: string; quota: number }[] }
    const planned = await call<Overview>('quarters:overview', { quarter: '2026-Q4' })
    expect(planned.lines.map((l) => [l.corporation, l.quota])).toEqual([
      ['Bo-Ex', 25],
      ['Mitros', 75],
    ])
    const unplanned = await call<Overview>('quarters:overview', { quarter: '2026-Q3' }).catch(
      () => null,
    )
    expect(unplanned).toBeNull()
  })

  it('shows in the quarter overview what each corporation submitted', async () => {
    const { call } = await setUp()
    const mitros = await call<{ id: number }>('corporations:save', {
      name: 'Mitros',
      socialStock: 16000,
    })
    await call('years:save', { year: 2026, target: 385, instroomShareTarget: 0.6 })
    await call('dwellings:save', { dwelling: dwelling(mitros.id) })
    await call('dwellings:save', { dwelling: dwelling(mitros.id, 'Amazonenlaan 14') })
    const overview = await call<{
      lines: { submitted: number; quota: number }[]
      target: { target: number }
    }>('quarters:overview', { quarter: '2026-Q4' })
    expect(overview.lines[0]).toMatchObject({ submitted: 2, quota: 96 })
    expect(overview.target.target).toBe(385)
  })

  it('normalises the postcode and refuses the same address twice in a quarter', async () => {
    const { call } = await setUp()
    const mitros = await call<{ id: number }>('corporations:save', {
      name: 'Mitros',
      socialStock: 16000,
    })
    const saved = await call<{ postcode: string; status: string }>('dwellings:save', {
      dwelling: dwelling(mitros.id),
    })
    expect(saved).toMatchObject({ postcode: '3524 AB', status: 'ingediend' })
    await expect(call('dwellings:save', { dwelling: dwelling(mitros.id) })).rejects.toThrow(
      /al voorgedragen/,
    )
  })

  it('explains in Dutch which field of a dwelling is wrong', async () => {
    const { runtime } = await setUp()
    const bad = {
      ...dwelling(1),
      postcode: '35',
      netRent: 'veel',
      suitableFor: 'instroom',
      flipPossible: false,
    }
    const result = await runtime.routes.get('dwellings:save')!({ dwelling: bad })
    if (result.ok) throw new Error('verwacht een fout')
    const messages = result.error.issues!.map((i) => `${i.path}: ${i.message}`)
    expect(messages).toEqual(
      expect.arrayContaining([
        'dwelling.postcode: Postcode moet de vorm 1234 AB hebben',
        'dwelling.netRent: Kale huur moet een bedrag zijn',
      ]),
    )
  })

  it('registers a client without a name, and tracks status changes with a reason', async () => {
    const { call, runtime } = await setUp()
    const provider = await call<{ id: number }>('careProviders:save', {
      name: 'Kwintes',
      contingentShare: 0.15,
    })
    const saved = await call<{
      id: number
      status: string
      supportProviderId: number
      excludedWijken: string[]
    }>('clients:save', { client: client(provider.id) })
    expect(saved).toMatchObject({
      status: 'wachtend',
      supportProviderId: provider.id,
      excludedWijken: ['overvecht'],
    })
    const held = await call<{ status: string }>('clients:setStatus', {
      id: saved.id,
      status: 'on-hold',
      reason: 'Opname',
    })
    expect(held.status).toBe('on-hold')
    const { summary } = await sqlOne<{ summary: string }>(
      runtime,
      "SELECT summary FROM audit_events WHERE action = 'client:status'",
    )
    expect(summary).toBe('Kandidaat K-2026-0001: Wachtend → In de wacht')
  })

  it('refuses a wijk that is both preferred and excluded', async () => {
    const { call } = await setUp()
    const provider = await call<{ id: number }>('careProviders:save', { name: 'Lister' })
    await expect(
      call('clients:save', { client: { ...client(provider.id), preferredWijken: ['overvecht'] } }),
    ).rejects.toThrow(/Ongeldige invoer/)
  })

  it('gives the settings of the most recent year at or before the asked one', async () => {
    const { call } = await setUp()
    const defaults = await call<{ validFrom: number | null; values: { shortlistSize: number } }>(
      'settings:get',
      { year: 2027 },
    )
    expect(defaults).toMatchObject({ validFrom: null, values: { shortlistSize: 3 } })
    await call('settings:save', { year: 2026, values: { ...defaults.values, shortlistSize: 4 } })
    const later = await call<typeof defaults>('settings:get', { year: 2027 })
    expect(later).toMatchObject({ validFrom: 2026, values: { shortlistSize: 4 } })
  })
})
