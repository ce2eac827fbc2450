import type { ServiceContext } from '../../services/context'
import { board, dwellingMatching, pool } from '../../services/shortlist-views'
import {
  choose,
  generateForQuarter,
  present,
  rejectAll,
  rejectCandidate,
  swapCandidate,
} from '../../services/shortlists-service'
import type { DomainHandlers } from '../dispatch'

export function shortlistsHandlers(ctx: ServiceContext): DomainHandlers<'shortlists'> {
  return {
    board: ({ quarter }) => board(ctx, quarter),
    forDwelling: ({ dwellingId }) => dwellingMatching(ctx, ctx.store.db, dwellingId),
    pool: ({ dwellingId, search }) => pool(ctx, dwellingId, search),
    generate: ({ quarter }) => generateForQuarter(ctx, quarter),
    swap: (input) => swapCandidate(ctx, input),
    present: ({ shortlistId }) => present(ctx, shortlistId),
    choose: (input) => choose(ctx, input),
    rejectCandidate: (input) => rejectCandidate(ctx, input),
    rejectAll: (input) => rejectAll(ctx, input),
  }
}
