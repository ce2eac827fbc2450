import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { localIsoDate } from '../../shared/domain/dates'
import { checkOutput, writeOutput } from '../files/safe-output'
import { ScenarioFileSchema, withCurrentCourse, type Scenario } from '../simulation/scenario'
import { DEFAULT_RUNS, simulate } from '../simulation/simulate'
import { writeSimulationWorkbook } from '../simulation/workbook'
import { openChosenRuntime } from '../store-choice'
import {
  CLI_RUNTIME,
  commandStore,
  databaseFileOf,
  parseOptions,
  requireOption,
  type Command,
} from './command'

export const simulateCommand: Command = {
  name: 'simulate',
  usage:
    'simulate [--db <bestand>] [--quarters 8] [--runs N] [--seed N] [--scenario <bestand.json>] --out <bestand.xlsx> [--force]',
  description:
    'Vooruitblik: simuleert de komende kwartalen met de echte voordrachtenmotor (huidige koers en scenario’s) naar Excel',
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      db: { type: 'string' },
      quarters: { type: 'string' },
      runs: { type: 'string' },
      seed: { type: 'string' },
      scenario: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
    })
    if (positionals.length > 0) throw new Error(`Onverwacht argument: ${positionals.join(' ')}`)
    const out = resolve(requireOption(values.out, '--out'))
    const quarters = whole(values.quarters, '--quarters', 8, 1, 8)
    const runs = whole(values.runs, '--runs', DEFAULT_RUNS, 1, 1000)
    const seed = whole(values.seed, '--seed', 1, 0, 2 ** 31)
    const scenarios = withCurrentCourse(
      values.scenario ? readScenarios(resolve(values.scenario)) : [],
    )
    const choice = commandStore(values.db)
    // In team mode the model reads an in-memory copy of the team's database (simulation/copy.ts).
    const rules = { database: databaseFileOf(choice), force: values.force === true }
    checkOutput(out, rules)

    const runtime = await openChosenRuntime(choice, CLI_RUNTIME)
    try {
      const total = scenarios.length * runs
      let done = 0
      const result = await simulate(
        runtime.store,
        scenarios,
        {
          startIso: localIsoDate(new Date()),
          quarters,
          runs,
          seed,
        },
        { onRun: () => io.progress(`run ${++done} van ${total}`) },
      )
      io.error('')
      writeOutput(out, await writeSimulationWorkbook(result), rules)
      io.log(
        `Vooruitblik opgeslagen: ${out} (${scenarios.length} scenario's × ${runs} runs × ${quarters + 1} kwartalen in ${result.seconds.toFixed(1)} s)`,
      )
      return 0
    } finally {
      await runtime.close()
    }
  },
}

function whole(
  value: string | undefined,
  flag: string,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback
  const n = Number(value.trim())
  if (!/^\d+$/.test(value.trim()) || n < min || n > max)
    throw new Error(
      `${flag} moet een heel getal van ${min} tot en met ${max} zijn, niet "${value}"`,
    )
  return n
}

function readScenarios(path: string): Scenario[] {
  if (!existsSync(path)) throw new Error(`Scenariobestand ${path} bestaat niet`)
  let json: unknown
  try {
    json = JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    throw new Error(`Scenariobestand ${path} is geen geldige JSON`)
  }
  const parsed = ScenarioFileSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new Error(
      `Scenariobestand ${path}: ${issue.path.join('.') || 'bestand'}: ${issue.message}`,
    )
  }
  return parsed.data
}
