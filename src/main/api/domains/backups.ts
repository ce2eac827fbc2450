import {
  listBackupFiles,
  makeManualBackup,
  restoreBackup,
  saveBackupRetention,
  setBackupFolder,
} from '../../services/backup-service'
import type { ServiceContext } from '../../services/context'
import type { DomainHandlers } from '../dispatch'

export function backupsHandlers(ctx: ServiceContext): DomainHandlers<'backups'> {
  return {
    list: () => listBackupFiles(ctx),
    make: () => makeManualBackup(ctx),
    setFolder: ({ folder }) => setBackupFolder(ctx, folder),
    restore: ({ file }) => restoreBackup(ctx, file),
    saveRetention: ({ retentionDays }) => saveBackupRetention(ctx, retentionDays),
  }
}
