import { QuarterKeySchema } from '../../shared/domain/quarter'
import { openChosenRuntime } from '../store-choice'
import { generateForQuarter } from '../services/shortlists-service'
import { CLI_RUNTIME, commandStore, parseOptions, requireOption, type Command } from './command'

export const shortlistsCommand: Command = {
  name: 'shortlists',
  usage: 'shortlists --db <bestand> --quarter JJJJ-Qn',
  description:
    'Maakt conceptvoordrachten voor alle open woningen van het kwartaal (JSON-samenvatting)',
  async run(args, io) {
    const { values } = parseOptions(args, { db: { type: 'string' }, quarter: { type: 'string' } })
    const choice = commandStore(values.db)
    const quarter = QuarterKeySchema.safeParse(requireOption(values.quarter, '--quarter'))
    if (!quarter.success) throw new Error(quarter.error.issues[0]?.message ?? 'Ongeldig kwartaal')
    const runtime = await openChosenRuntime(choice, CLI_RUNTIME)
    try {
      const summary = await generateForQuarter(runtime.ctx, quarter.data)
      io.log(JSON.stringify(summary, null, 2))
      return 0
    } finally {
      await runtime.close()
    }
  },
}
