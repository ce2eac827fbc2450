import { resolve } from 'node:path'
import { quarterKey, quarterOf } from '../../shared/domain/quarter'
import { checkOutput, writeOutput } from '../files/safe-output'
import { clientsTemplate, dwellingsTemplate } from '../services/import-service'
import { listCareProviders, listCorporations } from '../services/partners-service'
import { openChosenRuntime } from '../store-choice'
import {
  CLI_RUNTIME,
  commandStore,
  databaseFileOf,
  parseOptions,
  requireOption,
  type Command,
} from './command'
import { findByName, parseKind, parseQuarterOption, rejectForeignOptions } from './partner-options'

export const templateCommand: Command = {
  name: 'template',
  usage:
    'template dwellings|clients --db <bestand> --out <bestand.xlsx> [--force] [--corporation <naam>] [--quarter JJJJ-Qn] [--provider <naam>]',
  description:
    'Maakt een Excel-sjabloon: woningen voor een corporatie of aanmeldingen voor een zorgaanbieder',
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      db: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
      corporation: { type: 'string' },
      quarter: { type: 'string' },
      provider: { type: 'string' },
    })
    const kind = parseKind(positionals, 'template')
    rejectForeignOptions(kind, values)
    const out = resolve(requireOption(values.out, '--out'))
    const choice = commandStore(values.db)
    const rules = { database: databaseFileOf(choice), force: values.force === true }
    checkOutput(out, rules)

    const runtime = await openChosenRuntime(choice, CLI_RUNTIME)
    try {
      const { ctx } = runtime
      const result =
        kind === 'dwellings'
          ? await dwellingsTemplate(ctx, {
              corporationId: findByName(
                await listCorporations(ctx),
                requireOption(values.corporation, '--corporation'),
                'corporatie',
              ).id,
              // Without --quarter: the quarter we are in, the one corporations usually fill in.
              quarterKey: values.quarter
                ? parseQuarterOption(values.quarter)
                : quarterKey(quarterOf(ctx.now())),
            })
          : await clientsTemplate(ctx, {
              careProviderId: findByName(
                await listCareProviders(ctx),
                requireOption(values.provider, '--provider'),
                'zorgaanbieder',
              ).id,
            })
      writeOutput(out, Buffer.from(result.base64, 'base64'), rules)
      io.log(`Sjabloon opgeslagen: ${out} (voorgestelde naam: ${result.fileName})`)
      return 0
    } finally {
      await runtime.close()
    }
  },
}
