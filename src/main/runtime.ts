import { createDispatcher, type Invoke } from './api/dispatch'
import { createHandlers } from './api/handlers'
import { openStore, resourcePath, type OpenOptions, type Store } from './db/connection'
import { acquireLock, type DbLock } from './db/lock'
import { runExclusive } from './db/step-queue'
import { createContext, type ServiceContext } from './services/context'
import { runStartupTasks, type StartupReport } from './services/startup-service'

export interface RuntimeOptions extends OpenOptions {
  context?: Partial<Omit<ServiceContext, 'store' | 'owner'>>
  /** Take `<db>.lock` so no second program writes beside this one. Default on. */
  lock?: boolean
  /** Who holds the lock, as the refusal message names it. */
  program?: string
  /** The daily backup and the anonymisation past retention. Default on; tests switch it off. */
  startupTasks?: boolean
  /** The daily backup in steps while the officer works (the app); see runStartupTasks. */
  backupInBackground?: boolean
}

export interface Runtime {
  /** The open store; a restore replaces it, so read it here (or from ctx) each time. */
  readonly store: Store
  ctx: ServiceContext
  routes: Map<string, Invoke>
  startup: StartupReport | null
  close(): void
}

/** The app without a window: store, services and the bound contract. Electron, host, CLI and tests share it. */
export async function openRuntime(file: string, options: RuntimeOptions = {}): Promise<Runtime> {
  const lock: DbLock | null =
    options.lock === false || file === ':memory:' ? null : acquireLock(file, options.program)
  try {
    const migrationsFolder = options.migrationsFolder ?? resourcePath('migrations')
    const storeOptions = { ...options, migrationsFolder }
    const ctx = createContext(openStore(file, storeOptions), options.context)
    ctx.owner = {
      migrationsFolder,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      reopen(replace) {
        const { queue } = ctx.store
        ctx.store.close()
        let failure: unknown = null
        try {
          replace(file)
        } catch (error) {
          failure = error
        }
        // Reopened whatever happened, so the runtime never stays without a store; the lock stays held.
        // The same queue: calls waiting for the restore to end go on with the reopened file.
        ctx.store = openStore(file, { ...storeOptions, queue })
        if (failure) throw failure
      },
    }
    const routes = createDispatcher(createHandlers(ctx))
    // One call at a time on the store (step-queue.ts): a call reads and steps without another
    // call's statements between its own, so no screen sees a step that is still open.
    for (const [channel, invoke] of routes)
      routes.set(channel, (raw) => runExclusive(ctx.store, () => invoke(raw)))
    const startup =
      options.startupTasks === false
        ? null
        : await runStartupTasks(ctx, { backupInBackground: options.backupInBackground === true })
    return {
      get store() {
        return ctx.store
      },
      ctx,
      routes,
      startup,
      close: () => {
        ctx.store.close()
        lock?.release()
      },
    }
  } catch (error) {
    lock?.release()
    throw error
  }
}
