/**
 * `npm run cli -- <command> [options]`: the same services without a window, for support staff and
 * scheduled jobs. Exit code 0 on success; otherwise 1 with a Dutch message on stderr.
 */
import { describeForOfficer } from '../api/system-errors'
import { backupCommand } from './backup'
import type { Command } from './command'
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

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv
  if (!name || name === 'help' || name === '--help') {
    console.log(usage())
    return name ? 0 : 1
  }
  const command = commands.find((c) => c.name === name)
  if (!command) {
    console.error(`Onbekende opdracht: ${name}\n\n${usage()}`)
    return 1
  }
  await loadAssignmentSolver()
  return command.run(args)
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Fout: ${describeForOfficer(error)}`)
    process.exit(1)
  },
)
