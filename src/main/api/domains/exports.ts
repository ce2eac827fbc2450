import { importAnswers } from '../../services/answers-import'
import type { ServiceContext } from '../../services/context'
import { listExportLog } from '../../services/export-log'
import { exportShortlists } from '../../services/shortlist-export'
import type { DomainHandlers } from '../dispatch'

export function exportsHandlers(ctx: ServiceContext): DomainHandlers<'exports'> {
  return {
    shortlists: async (input) => await exportShortlists(ctx, input),
    importAnswers: async (input) => await importAnswers(ctx, input),
    log: async () => await listExportLog(ctx),
  }
}
