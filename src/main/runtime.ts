import { createDispatcher, type Invoke } from './api/dispatch'
import { createHandlers } from './api/handlers'
import { openStore, type OpenOptions, type Store } from './db/connection'
import { createContext, type ServiceContext } from './services/context'

export interface Runtime {
  store: Store
  ctx: ServiceContext
  routes: Map<string, Invoke>
  close(): void
}

/** The app without a window: store, services and the bound contract. Electron, host, CLI and tests share it. */
export function openRuntime(
  file: string,
  options: OpenOptions & { context?: Partial<Omit<ServiceContext, 'store'>> } = {},
): Runtime {
  const store = openStore(file, options)
  const ctx = createContext(store, options.context)
  const routes = createDispatcher(createHandlers(ctx))
  return { store, ctx, routes, close: () => store.close() }
}
