import { existsSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { QuarterKeySchema } from '../../shared/domain/quarter'
import { checkOutput, writeOutput } from '../files/safe-output'
import { listCorporations } from '../services/partners-service'
import { presentAll } from '../services/present-quarter'
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
import { findByName } from './partner-options'

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

export const presentCommand: Command = {
  name: 'present',
  usage: 'present --db <bestand> --quarter JJJJ-Qn [--corporation <naam>] [--out <map> [--force]]',
  description:
    'Draagt alle conceptvoordrachten van het kwartaal (of van één corporatie) in één keer voor; met --out staat daarna per corporatie de werkmap in die map (gelogd)',
  async run(args, io) {
    const { values } = parseOptions(args, {
      db: { type: 'string' },
      quarter: { type: 'string' },
      corporation: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
    })
    const choice = commandStore(values.db)
    const quarter = QuarterKeySchema.safeParse(requireOption(values.quarter, '--quarter'))
    if (!quarter.success) throw new Error(quarter.error.issues[0]?.message ?? 'Ongeldig kwartaal')
    // The folder is checked before anything is presented: a typo must not leave lists presented
    // without their workbooks.
    const folder = values.out === undefined ? undefined : resolve(values.out)
    if (folder !== undefined && !(existsSync(folder) && statSync(folder).isDirectory()))
      throw new Error(`--out moet een bestaande map zijn; ${folder} is dat niet`)
    const rules = { database: databaseFileOf(choice), force: values.force === true }
    const runtime = await openChosenRuntime(choice, CLI_RUNTIME)
    try {
      const corporationId =
        values.corporation === undefined
          ? undefined
          : findByName(await listCorporations(runtime.ctx), values.corporation, 'corporatie').id
      const result = await presentAll(runtime.ctx, { quarter: quarter.data, corporationId })
      io.log(
        `${count(result.presented, 'voordracht', 'voordrachten')} voorgedragen met ${count(result.candidates, 'kandidaat', 'kandidaten')} (${quarter.data}):`,
      )
      for (const corporation of result.corporations)
        io.log(`  ${corporation.name}: ${corporation.lists}`)
      for (const list of result.skipped)
        io.log(
          `  Niet voorgedragen: ${list.address} (${list.corporation}) — wissel eerst ${list.unavailable.join(', ')}`,
        )
      if (folder === undefined) {
        io.log(
          `Exporteer per corporatie met --out <map>, of: npm run cli -- export shortlists --db ${values.db} --quarter ${quarter.data} --corporation <naam> --out <bestand.xlsx>`,
        )
        return 0
      }
      for (const corporation of result.corporations) {
        const workbook = await exportShortlists(runtime.ctx, {
          quarter: quarter.data,
          corporationId: corporation.id,
        })
        const out = checkOutput(join(folder, workbook.fileName), rules)
        writeOutput(out, Buffer.from(workbook.base64, 'base64'), rules)
        io.log(`Werkmap voor ${corporation.name}: ${out}`)
      }
      return 0
    } finally {
      await runtime.close()
    }
  },
}
