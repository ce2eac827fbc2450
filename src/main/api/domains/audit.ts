import { timeline } from '../../services/audit'
import type { ServiceContext } from '../../services/context'
import { addDwellingNote } from '../../services/dwelling-notes'
import type { DomainHandlers } from '../dispatch'

export function auditHandlers(ctx: ServiceContext): DomainHandlers<'audit'> {
  return {
    timeline: async ({ entityType, entityId }) =>
      await timeline(ctx.store.db, entityType, entityId),
    addDwellingNote: (input) => addDwellingNote(ctx, input),
  }
}
