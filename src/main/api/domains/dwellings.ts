import type { ServiceContext } from '../../services/context'
import { getDwelling, listDwellings, saveDwelling } from '../../services/dwellings-service'
import { dwellingsTemplate, importDwellings } from '../../services/import-service'
import { withdrawDwelling } from '../../services/offers-service'
import type { DomainHandlers } from '../dispatch'

export function dwellingsHandlers(ctx: ServiceContext): DomainHandlers<'dwellings'> {
  return {
    list: async (filter) => await listDwellings(ctx, filter),
    get: async ({ id }) => await getDwelling(ctx, id),
    save: async (input) => await saveDwelling(ctx, input),
    template: async (input) => await dwellingsTemplate(ctx, input),
    import: async (input) => await importDwellings(ctx, input),
    withdraw: async (input) => await withdrawDwelling(ctx, input),
  }
}
