import { resolve } from 'node:path'
import { configuredBackupDir, listBackups } from '../db/backups'
import { restoreDatabase, restoreLastGoodBackup } from '../recovery'
import Database from 'better-sqlite3'
import { chooseStore } from '../store-choice'
import {
  commandStore,
  parseOptions,
  refuseTeamBackup,
  requireOption,
  type Command,
} from './command'

export const restoreCommand: Command = {
  name: 'restore',
  usage: 'restore --db <bestand> (--from <reservekopie> | --latest)',
  description:
    'Zet een reservekopie terug (eerst gecontroleerd; het huidige bestand wordt bewaard). Alleen als de app gesloten is',
  async run(args, io) {
    const { values } = parseOptions(args, {
      db: { type: 'string' },
      from: { type: 'string' },
      latest: { type: 'boolean' },
    })
    const choice = chooseStore(values.db)
    refuseTeamBackup(choice)
    const file = choice.file
    if (values.from !== undefined && values.latest) {
      throw new Error('Kies --from <reservekopie> of --latest, niet allebei')
    }
    const result = values.latest
      ? await restoreLastGoodBackup(file)
      : await restoreDatabase(file, resolve(requireOption(values.from, '--from (of --latest)')))
    io.log(`Teruggezet: ${result.restoredFrom} → ${file}`)
    if (result.keptAs) io.log(`Het vorige bestand is bewaard als ${result.keptAs}`)
    return 0
  },
}

export const backupsCommand: Command = {
  name: 'backups',
  usage: 'backups --db <bestand>',
  description:
    'Toont de reservekopieën van een database, nieuwste eerst (ook terwijl de app draait)',
  run(args, io) {
    const { values } = parseOptions(args, { db: { type: 'string' } })
    const choice = commandStore(values.db)
    refuseTeamBackup(choice)
    const file = choice.file
    // Read-only and without the lock: looking is allowed beside a running app.
    const sqlite = new Database(file, { readonly: true, fileMustExist: true })
    let dir: string
    try {
      dir = configuredBackupDir(sqlite, file)
    } finally {
      sqlite.close()
    }
    const backups = listBackups(dir, file)
    io.log(`Map: ${dir}`)
    if (backups.length === 0) io.log('(nog geen reservekopieën)')
    for (const b of backups) {
      const kb = Math.ceil(b.bytes / 1024).toLocaleString('nl-NL')
      io.log(`${b.madeAt}  ${b.kind.padEnd(16)}  ${kb.padStart(9)} kB  ${b.path}`)
    }
    return 0
  },
}
