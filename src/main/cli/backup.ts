import Database from 'better-sqlite3'
import { resolve } from 'node:path'
import { backupTo } from '../db/backup'
import { checkOutput, produceOutput } from '../files/safe-output'
import {
  commandStore,
  parseOptions,
  refuseTeamBackup,
  requireOption,
  type Command,
} from './command'

export const backupCommand: Command = {
  name: 'backup',
  usage: 'backup --db <bestand> --out <bestand> [--force]',
  description: 'Maakt een consistente reservekopie, ook terwijl de app draait',
  run(args, io) {
    const { values } = parseOptions(args, {
      db: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
    })
    const choice = commandStore(values.db)
    refuseTeamBackup(choice)
    const file = choice.file
    const out = resolve(requireOption(values.out, '--out'))
    const rules = { database: file, force: values.force === true }
    checkOutput(out, rules)
    // Read-only and without migrations: a backup must copy the file exactly as it is.
    const sqlite = new Database(file, { readonly: true, fileMustExist: true })
    try {
      const target = produceOutput(out, rules, (temporary) => backupTo(sqlite, temporary))
      io.log(`Reservekopie gemaakt: ${target}`)
      return 0
    } finally {
      sqlite.close()
    }
  },
}
