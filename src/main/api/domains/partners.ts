import type { ServiceContext } from '../../services/context'
import {
  listCareProviders,
  listCorporations,
  saveCareProvider,
  saveCorporation,
} from '../../services/partners-service'
import type { DomainHandlers } from '../dispatch'

export function partnersHandlers(ctx: ServiceContext): DomainHandlers<'partners'> {
  return {
    listCorporations: async () => await listCorporations(ctx),
    saveCorporation: async (input) => await saveCorporation(ctx, input),
    listCareProviders: async () => await listCareProviders(ctx),
    saveCareProvider: async (input) => await saveCareProvider(ctx, input),
  }
}
