import { createDispatcher, type Invoke } from './api/dispatch'
import { createHandlers } from './api/handlers'
import { changeFeed, type ChangeFeed } from './db/change-feed'
import {
  openStore,
  resourcePath,
  type OpenOptions,
  type SqliteStore,
  type Store,
} from './db/connection'
import { acquireLock, type DbLock } from './db/lock'
import { listenForChanges } from './db/pg-listener'
import { openPgStore, type PgStore } from './db/pg-store'
import type { PgTarget } from './db/pg-url'
import { runExclusive } from './db/step-queue'
import { createContext, osUserName, type ServiceContext } from './services/context'
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

export interface Runtime<S extends Store = Store> {
  /** The open store; a restore replaces it, so read it here (or from ctx) each time. */
  readonly store: S
  ctx: ServiceContext<S>
  routes: Map<string, Invoke>
  startup: StartupReport | null
  /** Every committed step's note, this program's and (team mode) other desks' (change-feed.ts). */
  changes: ChangeFeed
  /** SQLite closes at once; a PostgreSQL pool ends when its connections are given back. */
  close(): S extends PgStore ? Promise<void> : void
}

/**
 * The contract bound to the services. One call at a time on a SQLite store (step-queue.ts): a call
 * reads and steps without another call's statements between its own, so no screen sees a step that
 * is still open. On PostgreSQL `runExclusive` lets calls run side by side; the server isolates them.
 */
function boundRoutes(ctx: ServiceContext): Map<string, Invoke> {
  const routes = createDispatcher(createHandlers(ctx))
  for (const [channel, invoke] of routes)
    routes.set(channel, (raw) => runExclusive(ctx.store, () => invoke(raw)))
  return routes
}

/**
 * Team mode: the same app on the organisation's PostgreSQL (docs/team-mode.md). No lock file, no
 * file backups or restores (the server's business; ctx.owner stays unset, so a restore is refused),
 * the anonymisation past retention at start as on a desk.
 */
export async function openTeamRuntime(
  target: PgTarget,
  options: Omit<RuntimeOptions, 'lock' | 'backupDir' | 'queue'> & {
    /** Listen for other desks' notes (docs/team-mode.md §6). Default on; a one-shot CLI needs none. */
    listen?: boolean
  } = {},
): Promise<Runtime<PgStore>> {
  const store = await openPgStore(target, {
    ...(options.migrationsFolder ? { migrationsFolder: options.migrationsFolder } : {}),
    // The desk's connections carry the officer's name on the server (pg_stat_activity).
    officer: options.context?.actor?.officer ?? osUserName(),
  })
  const changes = changeFeed(store)
  const listener = options.listen === false ? null : listenForChanges(target, changes)
  const close = async () => {
    await listener?.close()
    await store.close()
  }
  try {
    await listener?.ready
    const ctx = createContext(store, options.context)
    const routes = boundRoutes(ctx)
    const startup =
      options.startupTasks === false ? null : await runStartupTasks(ctx, { team: true })
    return { store, ctx, routes, startup, changes, close }
  } catch (error) {
    await close()
    throw error
  }
}

/** The app without a window: store, services and the bound contract. Electron, host, CLI and tests share it. */
export async function openRuntime(
  file: string,
  options: RuntimeOptions = {},
): Promise<Runtime<SqliteStore>> {
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
    const routes = boundRoutes(ctx)
    const startup =
      options.startupTasks === false
        ? null
        : await runStartupTasks(ctx, { backupInBackground: options.backupInBackground === true })
    return {
      get store() {
        return ctx.store as SqliteStore
      },
      ctx,
      routes,
      startup,
      changes: changeFeed(ctx.store),
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
