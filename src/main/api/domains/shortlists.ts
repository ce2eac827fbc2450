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
    board: async ({ quarter }) => await board(ctx, quarter),
    forDwelling: async ({ dwellingId }) => await dwellingMatching(ctx, ctx.store.db, dwellingId),
    pool: async ({ dwellingId, search }) => await pool(ctx, dwellingId, search),
    generate: async ({ quarter }) => await generateForQuarter(ctx, quarter),
    swap: async (input) => await swapCandidate(ctx, input),
    present: async ({ shortlistId }) => await present(ctx, shortlistId),
    choose: async (input) => await choose(ctx, input),
    rejectCandidate: async (input) => await rejectCandidate(ctx, input),
    rejectAll: async (input) => await rejectAll(ctx, input),
  }
}
