import type { ServiceContext } from '../services/context'
import type { Handlers } from './dispatch'
import { appHandlers } from './domains/app'
import { auditHandlers } from './domains/audit'
import { backupsHandlers } from './domains/backups'
import { databaseHandlers } from './domains/database'
import { clientsHandlers } from './domains/clients'
import { deadlinesHandlers } from './domains/deadlines'
import { dwellingsHandlers } from './domains/dwellings'
import { exportsHandlers } from './domains/exports'
import { offersHandlers } from './domains/offers'
import { partnersHandlers } from './domains/partners'
import { planningHandlers } from './domains/planning'
import { presentingHandlers } from './domains/presenting'
import { privacyHandlers } from './domains/privacy'
import { reportsHandlers } from './domains/reports'
import { shortlistsHandlers } from './domains/shortlists'
import { simulationHandlers } from './domains/simulation'
import { spreadingHandlers } from './domains/spreading'

/**
 * One handler map per domain of the contract, each in domains/<domain>.ts beside
 * src/shared/api/<domain>.ts; the type makes a missing domain a compile error.
 */
export function createHandlers(ctx: ServiceContext): Handlers {
  return {
    app: appHandlers(ctx),
    partners: partnersHandlers(ctx),
    planning: planningHandlers(ctx),
    spreading: spreadingHandlers(ctx),
    clients: clientsHandlers(ctx),
    dwellings: dwellingsHandlers(ctx),
    shortlists: shortlistsHandlers(ctx),
    presenting: presentingHandlers(ctx),
    offers: offersHandlers(ctx),
    deadlines: deadlinesHandlers(ctx),
    audit: auditHandlers(ctx),
    backups: backupsHandlers(ctx),
    database: databaseHandlers(ctx),
    privacy: privacyHandlers(ctx),
    exports: exportsHandlers(ctx),
    reports: reportsHandlers(ctx),
    simulation: simulationHandlers(ctx),
  }
}
