import type { ServiceContext } from '../../services/context'
import { getDwelling, listDwellings, saveDwelling } from '../../services/dwellings-service'
import { dwellingsTemplate, importDwellings } from '../../services/import-service'
import { withdrawDwelling } from '../../services/offers-service'
import type { DomainHandlers } from '../dispatch'

export function dwellingsHandlers(ctx: ServiceContext): DomainHandlers<'dwellings'> {
  return {
    list: (filter) => listDwellings(ctx, filter),
    get: ({ id }) => getDwelling(ctx, id),
    save: (input) => saveDwelling(ctx, input),
    template: (input) => dwellingsTemplate(ctx, input),
    import: (input) => importDwellings(ctx, input),
    withdraw: (input) => withdrawDwelling(ctx, input),
  }
}
