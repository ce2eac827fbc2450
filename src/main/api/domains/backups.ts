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
    make: async () => await makeManualBackup(ctx),
    setFolder: async ({ folder }) => await setBackupFolder(ctx, folder),
    restore: async ({ file }) => await restoreBackup(ctx, file),
    saveRetention: async ({ retentionDays }) => await saveBackupRetention(ctx, retentionDays),
  }
}
