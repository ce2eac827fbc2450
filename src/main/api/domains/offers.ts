import type { ServiceContext } from '../../services/context'
import { acceptOffer, declineOffer } from '../../services/offers-service'
import type { DomainHandlers } from '../dispatch'

export function offersHandlers(ctx: ServiceContext): DomainHandlers<'offers'> {
  return {
    accept: async (input) => await acceptOffer(ctx, input),
    decline: async (input) => await declineOffer(ctx, input),
  }
}
