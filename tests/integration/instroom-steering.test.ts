import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { QuarterOverview, YearTarget } from '../../src/shared/api'
import { call } from '../support/call'
import { copyDemo } from '../support/shared-files'
import { sqlOne } from '../support/sql-rows'
import { STORE_KINDS, useRuntimeOn } from '../support/stores'
import { useTempDir } from '../support/temp-db'

describe.each(STORE_KINDS)('the year target steers instroom, through the API (%s)', (kind) => {
  const tempDir = useTempDir()
  const runtimeOn = useRuntimeOn()
  const demo = async () => {
    const file = join(tempDir(), 'targets.db')
    await copyDemo(file, { seed: 7 })
    return await runtimeOn(kind, file, { template: 'demo-7' })
  }

  it('shows instroom needed against realised, the regular and catch-up split, and what the open flip-possible dwellings must do', async () => {
    const runtime = await demo()
    const n = async (query: string) => (await sqlOne<{ n: number }>(runtime, query)).n
    const overview = await call<QuarterOverview>(runtime, 'quarters:overview', {
      quarter: '2026-Q4',
    })
    const allocated = await n(
      "SELECT count(*) AS n FROM allocations a JOIN dwellings d ON d.id = a.dwelling_id WHERE d.quarter_key LIKE '2026-Q%'",
    )
    const instroom = await n(
      `SELECT count(*) AS n FROM allocations a JOIN dwellings d ON d.id = a.dwelling_id
       JOIN clients c ON c.id = a.client_id WHERE d.quarter_key LIKE '2026-Q%' AND c.flow = 'instroom'`,
    )
    const openFlip = await n(
      "SELECT count(*) AS n FROM dwellings WHERE quarter_key = '2026-Q4' AND status IN ('ingediend', 'in-voordracht') AND flip_possible = true",
    )
    expect(overview.target).toMatchObject({
      target: 385,
      catchUpTarget: 110,
      instroomShareTarget: 0.6,
    })
    const steering = overview.steering!
    expect(steering).toMatchObject({
      year: 2026,
      needed: 231,
      realised: instroom,
      stillNeeded: 231 - instroom,
      openFlipPossible: openFlip,
      regular: { target: 275, realised: Math.min(allocated, 275) },
      catchUp: { target: 110, realised: Math.max(0, allocated - 275) },
    })
    expect(steering.reserve).toBeGreaterThan(0)
    expect(steering.reserve).toBeLessThanOrEqual(openFlip)

    // The trajectory is editable: a year on course asks nothing of the open dwellings.
    await call<YearTarget>(runtime, 'years:save', {
      year: 2026,
      target: 385,
      catchUpTarget: 110,
      instroomShareTarget: 0,
    })
    const onCourse = await call<QuarterOverview>(runtime, 'quarters:overview', {
      quarter: '2026-Q4',
    })
    expect(onCourse.steering).toMatchObject({ needed: 0, stillNeeded: 0, reserve: 0 })
  })

  it('refuses a catch-up larger than the target, in Dutch', async () => {
    const runtime = await demo()
    await expect(
      call(runtime, 'years:save', {
        year: 2027,
        target: 100,
        catchUpTarget: 110,
        instroomShareTarget: 0.6,
      }),
    ).rejects.toThrow('De inhaalslag kan niet groter zijn dan de taakstelling')
  })
})
