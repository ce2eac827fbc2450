import type { ServiceContext } from '../../services/context'
import { acceptOffer, declineOffer } from '../../services/offers-service'
import type { DomainHandlers } from '../dispatch'

export function offersHandlers(ctx: ServiceContext): DomainHandlers<'offers'> {
  return {
    accept: (input) => acceptOffer(ctx, input),
    decline: (input) => declineOffer(ctx, input),
  }
}
