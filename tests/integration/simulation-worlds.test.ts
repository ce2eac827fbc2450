import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore, type Store } from '../../src/main/db/connection'
import { loadAssignmentSolver } from '../../src/main/matching/highs-solver'
import { snapshot } from '../../src/main/simulation/copy'
import { observe, type Observed } from '../../src/main/simulation/observed'
import {
  memoryBaseFor,
  simulateRun,
  simulateRunOnServices,
  type RunInput,
} from '../../src/main/simulation/run'
import type { Scenario } from '../../src/main/simulation/scenario'
import { copyDemo } from '../support/shared-files'

/**
 * The memory world (plain objects, the app's domain rules) must play exactly as the services world
 * (the app's services on a copy of the database): same seed, same scenario, same outcome in every
 * figure of every quarter. This is what shows the fast Vooruitblik plays by the live app's rules.
 * Two quarters keep it short; the services world takes seconds per quarter.
 */

const SLOW = 300_000
const TODAY = '2026-11-23'

describe('Vooruitblik: the memory world plays as the services do', () => {
  let dir: string
  let store: Store
  let image: Buffer
  let model: Observed

  beforeAll(async () => {
    await loadAssignmentSolver()
    dir = mkdtempSync(join(tmpdir(), 'vierde-huis-worlds-'))
    await copyDemo(join(dir, 'demo.db'))
    store = openStore(join(dir, 'demo.db'))
    image = snapshot(store.sqlite)
    model = await observe(store, TODAY)
  }, SLOW)
  afterAll(() => {
    void store.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const both = async (scenario: Scenario, seed: number) => {
    const input: RunInput = { image, model, scenario, seed, quarters: 1 }
    const fast = await simulateRun(await memoryBaseFor(input), input)
    const reference = await simulateRunOnServices(input)
    return { fast, reference }
  }

  it(
    'gives the same quarters on the current course',
    async () => {
      const { fast, reference } = await both({ name: 'Huidige koers' }, 3)
      expect(reference.map((q) => q.quarter)).toEqual(['2026-Q4', '2027-Q1'])
      // Not an empty run that would agree with anything: people were housed in both quarters.
      for (const q of reference) expect(q.allocated).toBeGreaterThan(20)
      expect(fast).toEqual(reference)
    },
    SLOW,
  )

  it(
    'gives the same quarters under another shortlist size, open lists, stop, target and deadline',
    async () => {
      const scenario: Scenario = {
        name: 'Anders',
        shortlistSize: 4,
        maxOpenShortlists: 2,
        complexStopPlacements: 2,
        yearTarget: 150,
        instroomShare: 0.5,
        answerWorkingDays: 5,
        shortfalls: [{ corporation: 'Mitros', share: 0.5 }],
      }
      const { fast, reference } = await both(scenario, 11)
      for (const q of reference) expect(q.allocated).toBeGreaterThan(20)
      expect(fast).toEqual(reference)
      // ... and the scenario changed the course: it is not the current course again.
      const current: RunInput = {
        image,
        model,
        scenario: { name: 'Huidige koers' },
        seed: 11,
        quarters: 1,
      }
      expect(await simulateRun(await memoryBaseFor(current), current)).not.toEqual(fast)
    },
    SLOW,
  )
})
