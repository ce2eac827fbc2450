import { appInfo, setOfficer } from '../../services/app-service'
import type { ServiceContext } from '../../services/context'
import { loadDemo } from '../../services/demo-service'
import type { DomainHandlers } from '../dispatch'

export function appHandlers(ctx: ServiceContext): DomainHandlers<'app'> {
  return {
    info: () => appInfo(ctx),
    setOfficer: ({ name }) => setOfficer(ctx, name),
    loadDemo: ({ seed }) => loadDemo(ctx, seed),
  }
}
