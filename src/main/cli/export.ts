import { resolve } from 'node:path'
import { checkOutput, writeOutput } from '../files/safe-output'
import { listCorporations } from '../services/partners-service'
import { exportShortlists } from '../services/shortlist-export'
import { openChosenRuntime } from '../store-choice'
import {
  CLI_RUNTIME,
  commandStore,
  databaseFileOf,
  parseOptions,
  requireOption,
  type Command,
} from './command'
import { findByName, parseQuarterOption } from './partner-options'

export const exportCommand: Command = {
  name: 'export',
  usage:
    'export shortlists --db <bestand> --quarter JJJJ-Qn --corporation <naam> --out <bestand.xlsx> [--force]',
  description:
    'Maakt de voordrachten van een kwartaal voor een corporatie als Excel-bestand (wordt gelogd)',
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      db: { type: 'string' },
      quarter: { type: 'string' },
      corporation: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
    })
    const [kind, ...rest] = positionals
    if (kind !== 'shortlists') throw new Error('Geef aan wat: export shortlists (voordrachten)')
    if (rest.length > 0) throw new Error(`Onverwacht argument: ${rest.join(' ')}`)
    const choice = commandStore(values.db)
    const quarter = parseQuarterOption(requireOption(values.quarter, '--quarter'))
    const name = requireOption(values.corporation, '--corporation')
    const out = resolve(requireOption(values.out, '--out'))
    const rules = { database: databaseFileOf(choice), force: values.force === true }
    checkOutput(out, rules)

    const runtime = await openChosenRuntime(choice, CLI_RUNTIME)
    try {
      const { ctx } = runtime
      const corporation = findByName(await listCorporations(ctx), name, 'corporatie')
      const result = await exportShortlists(ctx, { quarter, corporationId: corporation.id })
      writeOutput(out, Buffer.from(result.base64, 'base64'), rules)
      io.log(`Voordrachten opgeslagen: ${out} (voorgestelde naam: ${result.fileName})`)
      return 0
    } finally {
      await runtime.close()
    }
  },
}
