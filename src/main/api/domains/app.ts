import { appInfo, setOfficer } from '../../services/app-service'
import type { ServiceContext } from '../../services/context'
import { loadDemo } from '../../services/demo-service'
import type { DomainHandlers } from '../dispatch'

export function appHandlers(ctx: ServiceContext): DomainHandlers<'app'> {
  return {
    info: async () => await appInfo(ctx),
    setOfficer: async ({ name }) => await setOfficer(ctx, name),
    loadDemo: async ({ seed }) => await loadDemo(ctx, seed),
  }
}
