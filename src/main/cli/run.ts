/**
 * The command line as a function: argv and two output streams in, the exit code out. index.ts runs
 * it as the process; tests run it in their own process where spawning one is not what they check.
 */
import { describeForOfficer } from '../api/system-errors'
import { backupCommand } from './backup'
import { commandIo, type Command, type Streams } from './command'
import { demoCommand } from './demo'
import { exportCommand } from './export'
import { importCommand } from './import'
import { migrateToPostgresCommand } from './migrate-to-postgres'
import { presentCommand } from './present'
import { reportCommand } from './report'
import { backupsCommand, restoreCommand } from './restore'
import { shortlistsCommand } from './shortlists'
import { simulateCommand } from './simulate'
import { templateCommand } from './template'
import { loadAssignmentSolver } from '../matching/highs-solver'

const commands: Command[] = [
  demoCommand,
  backupCommand,
  backupsCommand,
  restoreCommand,
  templateCommand,
  importCommand,
  shortlistsCommand,
  presentCommand,
  exportCommand,
  reportCommand,
  simulateCommand,
  migrateToPostgresCommand,
]

function usage(): string {
  return ['Gebruik: npm run cli -- <opdracht> [opties]', '', 'Opdrachten:']
    .concat(commands.flatMap((c) => [`  ${c.usage}`, `      ${c.description}`]))
    .join('\n')
}

/** Exit code 0 on success; otherwise 1 with a Dutch message on stderr. */
export async function runCli(argv: string[], streams: Streams = process): Promise<number> {
  const io = commandIo(streams)
  const [name, ...args] = argv
  if (!name || name === 'help' || name === '--help') {
    io.log(usage())
    return name ? 0 : 1
  }
  const command = commands.find((c) => c.name === name)
  if (!command) {
    io.error(`Onbekende opdracht: ${name}\n\n${usage()}`)
    return 1
  }
  try {
    await loadAssignmentSolver()
    return await command.run(args, io)
  } catch (error) {
    io.error(`Fout: ${describeForOfficer(error)}`)
    return 1
  }
}
