import { resolve } from 'node:path'
import { QuarterKeySchema } from '../../shared/domain/quarter'
import { openRuntime } from '../runtime'
import { listCorporations } from '../services/partners-service'
import { presentAll } from '../services/present-quarter'
import { CLI_RUNTIME, parseOptions, requireOption, type Command } from './command'
import { findByName } from './partner-options'

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

export const presentCommand: Command = {
  name: 'present',
  usage: 'present --db <bestand> --quarter JJJJ-Qn [--corporation <naam>]',
  description:
    'Draagt alle conceptvoordrachten van het kwartaal (of van één corporatie) in één keer voor',
  run(args) {
    const { values } = parseOptions(args, {
      db: { type: 'string' },
      quarter: { type: 'string' },
      corporation: { type: 'string' },
    })
    const file = resolve(requireOption(values.db, '--db'))
    const quarter = QuarterKeySchema.safeParse(requireOption(values.quarter, '--quarter'))
    if (!quarter.success) throw new Error(quarter.error.issues[0]?.message ?? 'Ongeldig kwartaal')
    const runtime = openRuntime(file, CLI_RUNTIME)
    try {
      const corporationId =
        values.corporation === undefined
          ? undefined
          : findByName(listCorporations(runtime.ctx), values.corporation, 'corporatie').id
      const result = presentAll(runtime.ctx, { quarter: quarter.data, corporationId })
      console.log(
        `${count(result.presented, 'voordracht', 'voordrachten')} voorgedragen met ${count(result.candidates, 'kandidaat', 'kandidaten')} (${quarter.data}):`,
      )
      for (const corporation of result.corporations)
        console.log(`  ${corporation.name}: ${corporation.lists}`)
      for (const list of result.skipped)
        console.log(
          `  Niet voorgedragen: ${list.address} (${list.corporation}) — wissel eerst ${list.unavailable.join(', ')}`,
        )
      console.log(
        `Exporteer per corporatie met: npm run cli -- export shortlists --db ${values.db} --quarter ${quarter.data} --corporation <naam> --out <bestand.xlsx>`,
      )
      return 0
    } finally {
      runtime.close()
    }
  },
}
