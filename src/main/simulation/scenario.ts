import { z } from 'zod'
import { MAX_SCENARIOS, ScenarioSchema, type Scenario } from '../../shared/api/simulation'

export { ScenarioSchema, type Scenario }

/** A scenario file: one scenario or a list of them; the current course is always added first. */
export const ScenarioFileSchema = z.union([
  ScenarioSchema.transform((s) => [s]),
  z.array(ScenarioSchema).min(1).max(MAX_SCENARIOS),
  z
    .object({ scenarios: z.array(ScenarioSchema).min(1).max(MAX_SCENARIOS) })
    .transform((f) => f.scenarios),
])

export const CURRENT_COURSE: Scenario = { name: 'Huidige koers' }

/** The scenarios to compare: the current course, then the manager's (names must differ). */
export function withCurrentCourse(scenarios: readonly Scenario[]): Scenario[] {
  const all = [CURRENT_COURSE, ...scenarios.filter((s) => s.name !== CURRENT_COURSE.name)]
  const names = new Set<string>()
  for (const s of all) {
    if (names.has(s.name)) throw new Error(`Twee scenario's heten "${s.name}"`)
    names.add(s.name)
  }
  return all
}
