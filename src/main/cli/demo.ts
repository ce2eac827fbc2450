import { DemoLoadInput } from '../../shared/api'
import { DEMO_TEAM_REFUSAL, loadDemo } from '../services/demo-service'
import { chooseStore, openChosenRuntime } from '../store-choice'
import { CLI_RUNTIME, parseOptions, type Command } from './command'

export const demoCommand: Command = {
  name: 'demo',
  usage: 'demo --db <bestand> [--seed N]',
  description: 'Vult een lege database met demogegevens',
  async run(args, io) {
    const { values } = parseOptions(args, { db: { type: 'string' }, seed: { type: 'string' } })
    const choice = chooseStore(values.db)
    // Refused before connecting: the team's database gets no invented clients.
    if (choice.kind === 'postgres') throw new Error(DEMO_TEAM_REFUSAL)
    const file = choice.file
    const seed = values.seed === undefined ? undefined : Number(values.seed)
    const input = DemoLoadInput.safeParse({ seed })
    if (!input.success || (values.seed !== undefined && !/^\d+$/.test(values.seed))) {
      throw new Error(`--seed moet een geheel getal van 0 of meer zijn, niet "${values.seed}"`)
    }
    const runtime = await openChosenRuntime(choice, CLI_RUNTIME)
    try {
      const summary = await loadDemo(runtime.ctx, input.data.seed)
      io.log(
        `Demogegevens geladen in ${file} (seed ${summary.seed}): ${summary.corporations} corporaties, ` +
          `${summary.careProviders} zorgaanbieders, ${summary.clients} kandidaten, ` +
          `${summary.dwellings} woningen in ${summary.quarters.join(', ')}`,
      )
      return 0
    } finally {
      await runtime.close()
    }
  },
}
