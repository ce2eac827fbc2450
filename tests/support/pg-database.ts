import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterEach } from 'vitest'
import { TEST_PG_URL_VARIABLE } from './pg-cluster'

/** The throwaway cluster's URL (its `postgres` database), set by the globalSetup in pg-cluster.ts. */
export function testClusterUrl(): string {
  const url = process.env[TEST_PG_URL_VARIABLE]
  if (!url)
    throw new Error(`${TEST_PG_URL_VARIABLE} ontbreekt: draait tests/support/pg-cluster.ts?`)
  return url
}

/** A URL with another database name on the same server (and the same user and password). */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${database}`
  return parsed.toString()
}

async function onCluster(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: testClusterUrl() })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

/**
 * A fresh database per call on the test cluster, dropped after the test: empty, or a copy of
 * `template` (a database nobody is connected to).
 */
export function usePgDatabase(): (template?: string) => Promise<string> {
  const created: string[] = []
  afterEach(async () => {
    // FORCE: a pool a failed test left open must not keep its database alive.
    for (const name of created.splice(0)) await onCluster(`DROP DATABASE "${name}" WITH (FORCE)`)
  })
  return async (template) => {
    const name = `vierde_huis_${randomBytes(6).toString('hex')}`
    await onCluster(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`)
    created.push(name)
    return withDatabase(testClusterUrl(), name)
  }
}
