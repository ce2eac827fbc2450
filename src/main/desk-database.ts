/**
 * A desk's own choice of store, made in Beheer → Database and read at the next start. It is the
 * desk's, not the team's, so it lives beside the desk's window state and not in any database: in
 * the app a small JSON file in Electron's userData (`database.json`, readable by this user only,
 * the URL encrypted with the system's keychain where Electron offers one). The host and the CLI
 * read VIERDE_HUIS_DATABASE_URL at every start and keep nothing (see noDeskSetting).
 */
import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'

export interface DeskDatabaseSetting {
  /** Where the choice is kept, or why it cannot be saved here: shown in Beheer → Database. */
  readonly where: string
  /** Whether `write` can work here at all. */
  readonly canSave: boolean
  /** The saved URL (with its password), or null: the desk's own file. */
  read(): string | null
  /** Saves `url` for the next start; null goes back to the desk's own file. */
  write(url: string | null): void
}

/** Turns the URL into what is stored and back: Electron's safeStorage where it is available. */
export interface SecretCodec {
  encrypt(text: string): string
  decrypt(stored: string): string
}

interface FileContent {
  /** The URL as typed, when no codec was available when it was saved. */
  databaseUrl?: string
  /** The URL encrypted by the codec (base64). */
  databaseUrlEncrypted?: string
}

/** The app's setting: `file` (JSON) in userData. */
export function deskSettingFile(file: string, codec?: SecretCodec): DeskDatabaseSetting {
  return {
    where: file,
    canSave: true,
    read() {
      if (!existsSync(file)) return null
      let content: FileContent
      try {
        content = JSON.parse(readFileSync(file, 'utf8')) as FileContent
      } catch {
        throw new Error(
          `${file} is geen geldige instelling voor de database. Verwijder het bestand om weer het ` +
            'databasebestand van dit bureau te gebruiken.',
        )
      }
      if (typeof content.databaseUrlEncrypted === 'string') {
        if (!codec)
          throw new Error(`${file}: de versleutelde database-URL kan hier niet worden gelezen`)
        return codec.decrypt(content.databaseUrlEncrypted)
      }
      return typeof content.databaseUrl === 'string' ? content.databaseUrl : null
    },
    write(url) {
      if (url === null) {
        rmSync(file, { force: true })
        return
      }
      const content: FileContent = codec
        ? { databaseUrlEncrypted: codec.encrypt(url) }
        : { databaseUrl: url }
      // Written beside and renamed over: a crash leaves the old choice or the new, never half.
      const temporary = `${file}.tmp`
      writeFileSync(temporary, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 })
      chmodSync(temporary, 0o600)
      renameSync(temporary, file)
    },
  }
}

/** Where nothing can be saved (the host, the CLI, an app whose variable is set): says why. */
export function noDeskSetting(why: string): DeskDatabaseSetting {
  return {
    where: why,
    canSave: false,
    read: () => null,
    write() {
      throw new Error(why)
    },
  }
}

/** The host's and the tests' default: the variable decides, at every start. */
export const HOST_DESK_SETTING_TEXT =
  'Dit programma kiest zijn database bij het starten: met --db <bestand>, of met de variabele ' +
  'VIERDE_HUIS_DATABASE_URL voor teamgebruik. Zet die variabele en start opnieuw; hier wordt ' +
  'niets bewaard.'
