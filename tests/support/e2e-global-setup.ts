/**
 * Playwright globalSetup. On SQLite (the default) nothing to do; with VIERDE_HUIS_E2E_STORE=postgres
 * it starts one throwaway PostgreSQL cluster for the run (the same pg-cluster.ts as vitest's) and
 * returns its teardown. The cluster's URL reaches the workers through the environment, where
 * e2e-store.ts makes a fresh database per test.
 */
import startCluster from './pg-cluster'
import { e2eStore } from './e2e-store'

export default async function globalSetup(): Promise<(() => void) | undefined> {
  if (e2eStore() !== 'postgres') return undefined
  const stop = await startCluster()
  console.log('e2e: de app draait op PostgreSQL (een wegwerpcluster, een lege database per test)')
  return stop
}
