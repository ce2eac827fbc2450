import { importAnswers } from '../../services/answers-import'
import type { ServiceContext } from '../../services/context'
import { listExportLog } from '../../services/export-log'
import { exportShortlists } from '../../services/shortlist-export'
import type { DomainHandlers } from '../dispatch'

export function exportsHandlers(ctx: ServiceContext): DomainHandlers<'exports'> {
  return {
    shortlists: (input) => exportShortlists(ctx, input),
    importAnswers: (input) => importAnswers(ctx, input),
    log: () => listExportLog(ctx),
  }
}
