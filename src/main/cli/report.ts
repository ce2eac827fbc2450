import { resolve } from 'node:path'
import { checkOutput, writeOutput } from '../files/safe-output'
import { quarterReport, yearReport } from '../services/reports-service'
import { openChosenRuntime } from '../store-choice'
import {
  CLI_RUNTIME,
  commandStore,
  databaseFileOf,
  parseOptions,
  requireOption,
  type Command,
} from './command'
import { parseQuarterOption } from './partner-options'

export const reportCommand: Command = {
  name: 'report',
  usage: 'report --db <bestand> --quarter JJJJ-Qn|--year JJJJ --out <bestand.xlsx> [--force]',
  description: 'Maakt de kwartaal- of jaarrapportage als Excel-bestand (wordt gelogd)',
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      db: { type: 'string' },
      quarter: { type: 'string' },
      year: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
    })
    if (positionals.length > 0) throw new Error(`Onverwacht argument: ${positionals.join(' ')}`)
    const out = resolve(requireOption(values.out, '--out'))
    if ((values.quarter === undefined) === (values.year === undefined))
      throw new Error('Geef --quarter JJJJ-Qn of --year JJJJ op (één van beide)')
    const year = values.year === undefined ? undefined : parseYear(values.year)
    const quarter = values.quarter === undefined ? undefined : parseQuarterOption(values.quarter)
    const choice = commandStore(values.db)
    const rules = { database: databaseFileOf(choice), force: values.force === true }
    checkOutput(out, rules)

    const runtime = await openChosenRuntime(choice, CLI_RUNTIME)
    try {
      const result = quarter
        ? await quarterReport(runtime.ctx, quarter)
        : await yearReport(runtime.ctx, year!)
      writeOutput(out, Buffer.from(result.base64, 'base64'), rules)
      io.log(`Rapportage opgeslagen: ${out} (voorgestelde naam: ${result.fileName})`)
      return 0
    } finally {
      await runtime.close()
    }
  },
}

function parseYear(value: string): number {
  const year = Number(value.trim())
  if (!/^\d{4}$/.test(value.trim()) || year < 2019 || year > 2100)
    throw new Error(`--year moet een jaartal zijn vanaf 2019, bijvoorbeeld 2026, niet "${value}"`)
  return year
}
