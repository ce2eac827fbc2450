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
    listCorporations: () => listCorporations(ctx),
    saveCorporation: (input) => saveCorporation(ctx, input),
    listCareProviders: () => listCareProviders(ctx),
    saveCareProvider: (input) => saveCareProvider(ctx, input),
  }
}
