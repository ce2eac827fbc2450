import { z } from 'zod'

/**
 * A what-if: the numbers a manager can change before next year's agreements. Every field is
 * optional; what is left out stays as the database has it now ("de huidige koers").
 */
export const ScenarioSchema = z
  .object({
    name: z.string().trim().min(1, 'Geef het scenario een naam').max(60),
    /** Taakstelling: dwellings per year for MO/BW in Utrecht city. */
    yearTarget: z.number().int().min(0).max(5000).optional(),
    /** Target share (0–1) of the dwellings used for instroom. */
    instroomShare: z.number().min(0).max(1).optional(),
    /** Candidates per shortlist (N). */
    shortlistSize: z.number().int().min(1).max(10).optional(),
    /** Open shortlists a client may be on at the same time. */
    maxOpenShortlists: z.number().int().min(1).max(5).optional(),
    /** Working days a corporation has to answer a shortlist. */
    answerWorkingDays: z.number().int().min(1).max(60).optional(),
    /** Corporations that submit less than their quota: the share (0–1) they fall short. */
    shortfalls: z
      .array(
        z.object({
          corporation: z.string().trim().min(1).max(100),
          share: z.number().min(0).max(1),
        }),
      )
      .max(20)
      .optional(),
  })
  .strict()
export type Scenario = z.infer<typeof ScenarioSchema>

/** The manager's alternatives beside the current course: four lines still read apart in a chart. */
export const MAX_SCENARIOS = 3

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
