import type { ServiceContext } from '../../services/context'
import {
  databaseInfo,
  forgetDatabaseUrl,
  saveDatabaseUrl,
  testDatabaseUrl,
} from '../../services/database-service'
import type { DomainHandlers } from '../dispatch'

export function databaseHandlers(ctx: ServiceContext): DomainHandlers<'database'> {
  return {
    info: () => databaseInfo(ctx),
    test: ({ url }) => testDatabaseUrl(url),
    save: ({ url }) => saveDatabaseUrl(ctx, url),
    forget: () => forgetDatabaseUrl(ctx),
  }
}
