import { z } from 'zod'
import { hidesCharacters } from '../domain/fields'
import { endpoint, NoInput } from './endpoint'

export const BACKUP_KIND_LABELS = {
  dagelijks: 'Dagelijks',
  'voor-import': 'Vóór import',
  handmatig: 'Handmatig',
  'voor-migratie': 'Vóór update',
  'voor-terugzetten': 'Vóór terugzetten',
} as const
const BACKUP_KIND_KEYS = Object.keys(BACKUP_KIND_LABELS) as [
  keyof typeof BACKUP_KIND_LABELS,
  ...(keyof typeof BACKUP_KIND_LABELS)[],
]

export const BackupRowSchema = z.object({
  /** The file name in the backup folder: what `backups:restore` takes. */
  name: z.string(),
  kind: z.enum(BACKUP_KIND_KEYS),
  /** ISO moment (UTC). */
  madeAt: z.string(),
  bytes: z.number(),
})
export type BackupRow = z.infer<typeof BackupRowSchema>

export const BackupListSchema = z.object({
  folder: z.string(),
  defaultFolder: z.string(),
  backups: z.array(BackupRowSchema),
  /** Why the folder cannot be read now (a network drive that is offline), else null. */
  warning: z.string().nullable(),
  /** No backup of any kind is kept longer than this many days. */
  retentionDays: z.number(),
  /**
   * Team mode (PostgreSQL): the app makes no backups, the server's administrator does. Then the
   * fields above are empty and this says how a backup is made; null on a desk's own file.
   */
  team: z
    .object({
      /** Dutch: who makes the backups, and that the app makes none. */
      message: z.string(),
      /** `pg_dump --format=custom --file=vierde-huis.dump <url without password>`. */
      dumpCommand: z.string(),
      /** How the dump goes back (`pg_restore …`), for the administrator. */
      restoreCommand: z.string(),
    })
    .nullable(),
})
export type BackupList = z.infer<typeof BackupListSchema>

export const SetBackupFolderInput = z
  .object({
    folder: z
      .string({ message: 'Kies een map' })
      .trim()
      .min(1, 'Kies een map')
      .max(1000, 'Het pad is te lang')
      .refine((p) => !hidesCharacters(p), {
        message: 'Het pad bevat een regeleinde of een ander onzichtbaar teken',
      })
      // A relative path would depend on where the app happened to start.
      .refine((p) => /^([a-zA-Z]:[\\/]|\\\\|\/)/.test(p), {
        message:
          'Geef het volledige pad van de map (bijvoorbeeld D:\\Reservekopieën of \\\\server\\share)',
      }),
  })
  .strict()

export const BackupRetentionInput = z
  .object({
    retentionDays: z
      .number({ message: 'Bewaartermijn moet een getal zijn' })
      .int('Bewaartermijn moet een geheel aantal dagen zijn')
      .min(14, 'Bewaartermijn moet minstens 14 dagen zijn')
      .max(730, 'Bewaartermijn mag hoogstens 730 dagen (2 jaar) zijn'),
  })
  .strict()

export const RestoreBackupInput = z
  .object({
    file: z
      .string({ message: 'Kies een reservekopie' })
      .min(1, 'Kies een reservekopie')
      .max(255, 'Ongeldige naam')
      // A name from the list, never a path: restore reads only from the backup folder.
      .refine((name) => !/[\\/]/.test(name) && name !== '..', { message: 'Ongeldige naam' }),
  })
  .strict()

export const RestoreResultSchema = z.object({
  restored: z.string(),
  /** The backup of the database as it was just before the restore. */
  safetyBackup: z.string(),
})
export type RestoreResult = z.infer<typeof RestoreResultSchema>

export const backupsApi = {
  list: endpoint('backups:list', NoInput, BackupListSchema),
  make: endpoint('backups:make', NoInput, BackupRowSchema),
  setFolder: endpoint('backups:setFolder', SetBackupFolderInput, BackupListSchema),
  restore: endpoint('backups:restore', RestoreBackupInput, RestoreResultSchema),
  saveRetention: endpoint('backups:saveRetention', BackupRetentionInput, BackupListSchema),
} as const
