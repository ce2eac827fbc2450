import { getClient, listClients, saveClient, setClientStatus } from '../../services/clients-service'
import type { ServiceContext } from '../../services/context'
import { clientsTemplate, importClients } from '../../services/import-service'
import type { DomainHandlers } from '../dispatch'

export function clientsHandlers(ctx: ServiceContext): DomainHandlers<'clients'> {
  return {
    list: async (filter) => await listClients(ctx, filter),
    get: async ({ id }) => await getClient(ctx, id),
    save: async (input) => await saveClient(ctx, input),
    setStatus: async (input) => await setClientStatus(ctx, input),
    template: async (input) => await clientsTemplate(ctx, input),
    import: async (input) => await importClients(ctx, input),
  }
}
