import { getClient, listClients, saveClient, setClientStatus } from '../../services/clients-service'
import type { ServiceContext } from '../../services/context'
import { clientsTemplate, importClients } from '../../services/import-service'
import type { DomainHandlers } from '../dispatch'

export function clientsHandlers(ctx: ServiceContext): DomainHandlers<'clients'> {
  return {
    list: (filter) => listClients(ctx, filter),
    get: ({ id }) => getClient(ctx, id),
    save: (input) => saveClient(ctx, input),
    setStatus: (input) => setClientStatus(ctx, input),
    template: (input) => clientsTemplate(ctx, input),
    import: (input) => importClients(ctx, input),
  }
}
